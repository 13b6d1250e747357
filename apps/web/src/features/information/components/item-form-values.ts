import type {
  ActorType,
  Classification,
  Consent,
  Credibility,
  CrimeType,
  EventSubtype,
  EventType,
  ItemKind,
  Precision,
  Reliability,
  SourceKind,
} from '@vigil/domain';
import type {
  CaseOption,
  CreateItemInput,
  InformationItem,
  UpdateItemInput,
} from '../api/information-api';

/** The source chosen for an item; `id` is null when the user may not know who it is. */
export interface SourceChoice {
  id: string | null;
  name: string;
  kind: SourceKind | null;
  reliability: Reliability;
}

/** The item form's state; keys that the API also has use its field names. */
export interface ItemFormValues {
  title: string;
  description: string;
  country: string;
  adminArea: string;
  placeName: string;
  latitude: string;
  longitude: string;
  eventDate: string;
  receivedDate: string;
  kind: ItemKind | '';
  crimeTypes: CrimeType[];
  /** Comma-separated, as typed. */
  affectedGroups: string;
  indicatorIds: string[];
  source: SourceChoice | null;
  credibility: Credibility | '';
  consent: Consent | '';
  classification: Classification;
  cases: CaseOption[];
  eventType: EventType | '';
  eventSubtype: EventSubtype | '';
  actorTypes: ActorType[];
  timePrecision: Precision | '';
  geoPrecision: Precision | '';
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function emptyItemForm(classification: Classification, cases: CaseOption[]): ItemFormValues {
  return {
    title: '',
    description: '',
    country: '',
    adminArea: '',
    placeName: '',
    latitude: '',
    longitude: '',
    eventDate: '',
    receivedDate: today(),
    kind: '',
    crimeTypes: [],
    affectedGroups: '',
    indicatorIds: [],
    source: null,
    credibility: '',
    consent: '',
    classification,
    cases,
    eventType: '',
    eventSubtype: '',
    actorTypes: [],
    timePrecision: '',
    geoPrecision: '',
  };
}

export function itemToForm(item: InformationItem): ItemFormValues {
  const number = (n: number | null) => (n === null ? '' : String(n));
  return {
    title: item.title,
    description: item.description,
    country: item.country,
    adminArea: item.adminArea ?? '',
    placeName: item.placeName ?? '',
    latitude: number(item.latitude),
    longitude: number(item.longitude),
    eventDate: item.eventDate,
    receivedDate: item.receivedDate,
    kind: item.kind,
    crimeTypes: [...item.crimeTypes],
    affectedGroups: item.affectedGroups.join(', '),
    indicatorIds: [...item.indicatorIds],
    source: {
      id: item.source.id,
      name: item.source.name,
      kind: item.source.kind,
      reliability: item.source.reliability,
    },
    credibility: toCredibility(item.credibility),
    consent: item.consent,
    classification: item.classification,
    cases: item.cases.map((c) => ({ id: c.id, reference: c.reference, title: '' })),
    eventType: item.eventType ?? '',
    eventSubtype: item.eventSubtype ?? '',
    actorTypes: [...item.actorTypes],
    timePrecision: toPrecision(item.timePrecision),
    geoPrecision: toPrecision(item.geoPrecision),
  };
}

function toCredibility(n: number): Credibility | '' {
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5 || n === 6 ? n : '';
}

function toPrecision(n: number | null): Precision | '' {
  return n === 1 || n === 2 || n === 3 ? n : '';
}

const coordinate = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Client-side checks; messages keyed by the API's field names. */
export function validateItemForm(values: ItemFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors['title'] = 'Enter a title.';
  else if (values.title.trim().length > 300) errors['title'] = 'Use at most 300 characters.';
  if (!values.description.trim()) errors['description'] = 'Describe what the information says.';
  if (!values.kind) errors['kind'] = 'Choose what kind of information this is.';
  if (!values.eventDate) errors['eventDate'] = 'Enter the date of the event.';
  if (values.receivedDate && values.eventDate && values.receivedDate < values.eventDate)
    errors['receivedDate'] = 'The date received cannot be before the event.';
  if (!values.country) errors['country'] = 'Choose a country.';
  const latitude = coordinate(values.latitude);
  const longitude = coordinate(values.longitude);
  if (latitude !== null && !(latitude >= -90 && latitude <= 90))
    errors['latitude'] = 'Latitude is a number from -90 to 90.';
  if (longitude !== null && !(longitude >= -180 && longitude <= 180))
    errors['longitude'] = 'Longitude is a number from -180 to 180.';
  if ((latitude === null) !== (longitude === null) && !errors['latitude'] && !errors['longitude'])
    errors['latitude'] = 'Give both latitude and longitude, or neither.';
  if (!values.source) errors['sourceId'] = 'Choose the source, or record a new one.';
  if (values.credibility === '') errors['credibility'] = 'Rate how credible the information is.';
  if (!values.consent) errors['consent'] = 'Say whether consent was recorded.';
  return errors;
}

/** The fields shared by create and update, from valid values. */
function itemFields(values: ItemFormValues): CreateItemInput {
  const incident = values.kind === 'incident';
  const violence = incident && values.eventType === 'violence_against_civilians';
  const optionalText = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    title: values.title.trim(),
    description: values.description,
    country: values.country,
    adminArea: optionalText(values.adminArea),
    placeName: optionalText(values.placeName),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    eventDate: values.eventDate,
    receivedDate: values.receivedDate || undefined,
    kind: values.kind || undefined,
    crimeTypes: values.crimeTypes,
    affectedGroups: values.affectedGroups
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== ''),
    indicatorIds: values.indicatorIds,
    // A source the user may not know keeps its link (no id is sent).
    sourceId: values.source?.id ?? undefined,
    credibility: values.credibility === '' ? undefined : values.credibility,
    consent: values.consent || undefined,
    classification: values.classification,
    caseIds: values.cases.map((c) => c.id),
    eventType: incident && values.eventType ? values.eventType : null,
    eventSubtype: violence && values.eventSubtype ? values.eventSubtype : null,
    actorTypes: incident ? values.actorTypes : [],
    timePrecision: incident && values.timePrecision !== '' ? values.timePrecision : null,
    geoPrecision: incident && values.geoPrecision !== '' ? values.geoPrecision : null,
  };
}

export function toCreateBody(values: ItemFormValues): CreateItemInput {
  return itemFields(values);
}

export function toUpdateBody(values: ItemFormValues, version: number): UpdateItemInput {
  return { ...itemFields(values), version };
}

/** A server field message as a sentence ("is required" → "This is required."). */
export function fieldSentence(message: string): string {
  const text = message.startsWith('is ') ? `This ${message}` : message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
