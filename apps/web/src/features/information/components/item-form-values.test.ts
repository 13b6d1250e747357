// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { InformationItem } from '../api/information-api';
import {
  emptyItemForm,
  fieldSentence,
  itemToForm,
  toCreateBody,
  toUpdateBody,
  validateItemForm,
  type ItemFormValues,
} from './item-form-values';

const valid = (overrides: Partial<ItemFormValues> = {}): ItemFormValues => ({
  ...emptyItemForm('confidential', []),
  title: ' Attack on a market ',
  description: 'Witnesses report an attack.',
  country: 'SD',
  eventDate: '2026-02-01',
  receivedDate: '2026-02-03',
  kind: 'incident',
  source: { id: 'src-1', name: 'Local monitor', kind: 'civil_society', reliability: 'B' },
  credibility: 2,
  consent: 'yes',
  ...overrides,
});

describe('item form values', () => {
  it('accepts a complete item', () => {
    expect(validateItemForm(valid())).toEqual({});
  });

  it('asks for everything an empty form lacks, keyed by the API field names', () => {
    const errors = validateItemForm(emptyItemForm('unclassified', []));
    expect(Object.keys(errors).sort()).toEqual(
      [
        'consent',
        'country',
        'credibility',
        'description',
        'eventDate',
        'kind',
        'sourceId',
        'title',
      ].sort(),
    );
  });

  it('refuses a date received before the event', () => {
    expect(validateItemForm(valid({ receivedDate: '2026-01-31' }))).toEqual({
      receivedDate: 'The date received cannot be before the event.',
    });
  });

  it('checks coordinates are in range and come as a pair', () => {
    expect(validateItemForm(valid({ latitude: '91', longitude: '10' }))['latitude']).toBe(
      'Latitude is a number from -90 to 90.',
    );
    expect(validateItemForm(valid({ latitude: '10', longitude: 'east' }))['longitude']).toBe(
      'Longitude is a number from -180 to 180.',
    );
    expect(validateItemForm(valid({ latitude: '10', longitude: ' ' }))['latitude']).toBe(
      'Give both latitude and longitude, or neither.',
    );
    expect(validateItemForm(valid({ latitude: '-90', longitude: '180' }))).toEqual({});
  });

  it('sends trimmed text, numbers for coordinates and a list of affected groups', () => {
    const body = toCreateBody(
      valid({
        latitude: '12.5',
        longitude: '-3',
        placeName: '  ',
        affectedGroups: ' Masalit, ,Fur ',
        cases: [{ id: 'case-1', reference: 'SIT-1', title: '' }],
      }),
    );
    expect(body).toMatchObject({
      title: 'Attack on a market',
      latitude: 12.5,
      longitude: -3,
      placeName: null,
      affectedGroups: ['Masalit', 'Fur'],
      sourceId: 'src-1',
      caseIds: ['case-1'],
    });
  });

  it('drops the incident details of an item that is not an incident', () => {
    const body = toCreateBody(
      valid({
        kind: 'report',
        eventType: 'violence_against_civilians',
        eventSubtype: 'attack',
        actorTypes: ['state_forces'],
        timePrecision: 1,
        geoPrecision: 2,
      }),
    );
    expect(body).toMatchObject({
      eventType: null,
      eventSubtype: null,
      actorTypes: [],
      timePrecision: null,
      geoPrecision: null,
    });
  });

  it('keeps a subtype only for violence against civilians', () => {
    expect(
      toCreateBody(
        valid({
          eventType: 'violence_against_civilians',
          eventSubtype: 'abduction_forced_disappearance',
        }),
      ).eventSubtype,
    ).toBe('abduction_forced_disappearance');
    expect(toCreateBody(valid({ eventType: 'riots', eventSubtype: 'attack' })).eventSubtype).toBe(
      null,
    );
  });

  it('keeps the link to a source the user may not identify (no id is sent) and sends the version', () => {
    const body = toUpdateBody(
      valid({ source: { id: null, name: 'Protected source', kind: null, reliability: 'A' } }),
      7,
    );
    expect(body.sourceId).toBeUndefined();
    expect(body.version).toBe(7);
  });

  it('fills the edit form from an item, blank where the item has nothing', () => {
    const item = {
      title: 'T',
      description: 'D',
      country: 'SD',
      adminArea: null,
      placeName: 'El Geneina',
      latitude: 13.45,
      longitude: null,
      eventDate: '2026-02-01',
      receivedDate: '2026-02-02',
      kind: 'incident',
      crimeTypes: ['genocide'],
      affectedGroups: ['Masalit', 'Fur'],
      indicatorIds: ['7.1'],
      source: { id: 's1', name: 'Monitor', kind: 'civil_society', reliability: 'B' },
      credibility: 9,
      consent: 'no',
      classification: 'confidential',
      cases: [{ id: 'c1', reference: 'SIT-1' }],
      eventType: null,
      eventSubtype: null,
      actorTypes: [],
      timePrecision: 2,
      geoPrecision: null,
    } as unknown as InformationItem;
    expect(itemToForm(item)).toMatchObject({
      adminArea: '',
      latitude: '13.45',
      longitude: '',
      affectedGroups: 'Masalit, Fur',
      credibility: '',
      eventType: '',
      timePrecision: 2,
      geoPrecision: '',
      cases: [{ id: 'c1', reference: 'SIT-1', title: '' }],
    });
  });

  it("turns the server's field messages into sentences", () => {
    expect(fieldSentence('is required')).toBe('This is required.');
    expect(fieldSentence('must be a date')).toBe('Must be a date.');
    expect(fieldSentence('Too long!')).toBe('Too long!');
  });
});
