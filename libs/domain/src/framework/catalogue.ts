// The Framework of Analysis for Atrocity Crimes (UN, 2014): 14 risk factors and their indicators
// (docs/architecture.md §9). Indicator labels are short paraphrases (docs/domain.md "Framework of
// Analysis: indicator labels per risk factor"), not the published wording. Where that section marks
// a label `?` (wording or numbering uncertain) the indicator is `unverified`, so the Office can
// re-key it against the published text without a code change.

/** Which crimes a risk factor bears on: 1–8 are common to all atrocity crimes. */
export const FACTOR_SCOPES = [
  'common',
  'genocide',
  'crimes_against_humanity',
  'war_crimes',
] as const;
export type FactorScope = (typeof FACTOR_SCOPES)[number];

/** Whether an indicator's label and number were checked against the source. */
export const VERIFICATIONS = ['checked', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** An indicator id: risk factor number, a dot, the indicator's number within it (`'7.14'`). */
export type IndicatorId = `${number}.${number}`;

export interface Indicator {
  readonly id: IndicatorId;
  /** The risk factor (1–14) this indicator belongs to. */
  readonly factor: number;
  /** Short paraphrase for screens and seed data. */
  readonly label: string;
  readonly verification: Verification;
}

export interface RiskFactor {
  /** 1–14, the published numbering. */
  readonly number: number;
  /** The risk factor's name as in docs/architecture.md §9. */
  readonly name: string;
  /** A short name for tight spaces (docs/domain.md "Framework of Analysis"). */
  readonly shortName: string;
  readonly scope: FactorScope;
  readonly indicators: readonly Indicator[];
  /**
   * True where docs/domain.md says "more may exist": the published framework may list
   * more indicators than the catalogue holds.
   */
  readonly furtherIndicatorsUnverified: boolean;
}

interface FactorSource {
  readonly name: string;
  readonly shortName: string;
  readonly scope: FactorScope;
  /** Labels in published order; a leading `? ` marks an unverified label. */
  readonly indicators: readonly string[];
  readonly furtherIndicatorsUnverified?: boolean;
}

const SOURCE: readonly FactorSource[] = [
  {
    name: 'Situations of armed conflict or other forms of instability',
    shortName: 'Armed conflict or instability',
    scope: 'common',
    indicators: [
      'Armed conflict (international or not)',
      'Security crisis (broken peace deals, neighbouring conflict, terrorism)',
      'Humanitarian crisis or emergency',
      'Irregular regime change',
      'Disputes over power, radical opposition',
      'Autocracy or severe repression',
      'Scarce resources or disputes over them',
      'Severe national economic crisis',
      'Acute poverty, mass unemployment, horizontal inequality',
      'Mass protest against the State',
      'Identity-based exclusion or tension',
    ],
  },
  {
    name: 'Record of serious violations of international human rights and humanitarian law',
    shortName: 'Record of serious violations',
    scope: 'common',
    indicators: [
      'Past or present serious violations, especially early patterns',
      'Past atrocity crimes or incitement',
      'Impunity or tolerance',
      'Inaction to stop violations',
      'Continued support to accused groups',
      'Justification or denial of violations',
      'Absent or politicised transitional justice',
      'Mistrust in institutions due to impunity',
    ],
  },
  {
    name: 'Weakness of State structures',
    shortName: 'Weak State structures',
    scope: 'common',
    indicators: [
      'Weak legal protection, treaties not ratified',
      'Under-resourced judicial, police and human-rights institutions',
      'Judiciary not independent',
      'No civilian control of security forces',
      'Corruption, poor governance',
      'No oversight or recourse for victims',
      'No human-rights or humanitarian-law training for armed actors',
      '? Livelihoods not secured',
      '? No resources for reform',
    ],
  },
  {
    name: 'Motives or incentives',
    shortName: 'Motives or incentives',
    scope: 'common',
    indicators: [
      'Political motives (gaining or keeping power)',
      'Economic interests of elites or groups',
      'Strategic or military interests (territory, resources)',
      'Making an area homogeneous',
      'Groups seen as threats or disloyal',
      'Membership of armed or radical groups',
      'Supremacist or extremist identity ideologies',
      'Politicised past grievances',
      'Unaddressed social trauma',
    ],
  },
  {
    name: 'Capacity to commit atrocity crimes',
    shortName: 'Capacity',
    scope: 'common',
    indicators: [
      'Personnel, arms or money available',
      'Means to move people and arms',
      'Ability to recruit and mobilise supporters',
      'Culture of obedience and conformity',
      'Links with other armed forces or groups',
      'Commercial enablers',
      'Support of powerful national actors',
      'Support of external actors',
    ],
  },
  {
    name: 'Absence of mitigating factors',
    shortName: 'Absence of mitigating factors',
    scope: 'common',
    indicators: [
      '? Few empowerment processes or institutions',
      'Weak civil society or unfree media',
      'Little international civil-society or media attention',
      'Little UN or international presence or access',
      'State outside binding international or regional bodies',
      'State closed to relations with others',
      'Poor cooperation with human-rights mechanisms',
      'Parties unwilling to talk or compromise',
      'Others unwilling to help or act',
      'Neighbours closing borders or returning refugees',
      'No early-warning mechanism',
    ],
  },
  {
    name: 'Enabling circumstances or preparatory action',
    shortName: 'Enabling circumstances or preparatory action',
    scope: 'common',
    indicators: [
      'Emergency laws eroding rights',
      'Interference with vital State institutions',
      'Security apparatus reorganised against groups',
      'Large arms acquisitions',
      'New or backed militias',
      'Control or bans on communications',
      'Expulsion or restriction of NGOs, international bodies, media',
      'More violations against protected groups, discriminatory laws',
      'More violence against women and children, sexual violence',
      'Life-threatening conditions, deportation, segregation, forced displacement',
      'Destruction of essential goods or cultural and religious property',
      'Marking people or property by group',
      'Politicisation of identity or past events',
      'Inflammatory rhetoric, propaganda, hate speech',
    ],
  },
  {
    name: 'Triggering factors',
    shortName: 'Triggering factors',
    scope: 'common',
    indicators: [
      'Sudden deployment of forces or start of hostilities',
      'Spill-over from neighbours',
      'International measures seen as threatening sovereignty',
      'Abrupt change of power',
      'Attacks on leaders or prominent people, terrorist attacks',
      'Religious events or acts of intolerance',
      'Incitement or hate propaganda',
      'Census, elections and related measures',
      'Sudden economic shocks, disasters, epidemics',
      'Discovery or exploitation of natural resources',
      'Commemorations of past crimes, glorifying perpetrators',
      'Accountability processes seen as unfair',
    ],
  },
  {
    name: 'Intergroup tensions or patterns of discrimination against protected groups',
    shortName: 'Intergroup tensions, discrimination',
    scope: 'genocide',
    indicators: [
      'Discriminatory or exclusionary practices or laws',
      "Denial of a group's existence or identity",
      'Past atrocities against groups with impunity',
      'Tensions over rights, resources, participation, identity',
      'Other group tensions that may turn ethnic, racial, religious or national',
      'No mechanism to handle identity tensions',
    ],
  },
  {
    name: 'Signs of an intent to destroy in whole or in part a protected group',
    shortName: 'Intent to destroy a protected group',
    scope: 'genocide',
    indicators: [
      'Documents or statements revealing intent or incitement',
      'Targeted physical elimination',
      'Widespread or systematic violence against the group',
      'Measures against reproduction or transfer of children',
      'Dehumanising or terrorising violence',
      '? Destruction of homes, livelihoods, cultural or religious symbols',
      '? Killing of leaders or an age group',
      '? Other conduct suggesting destructive intent',
      '? Public euphoria at control over the group',
    ],
  },
  {
    name: 'Signs of a widespread or systematic attack against any civilian population',
    shortName: 'Widespread or systematic attack on civilians',
    scope: 'crimes_against_humanity',
    furtherIndicatorsUnverified: true,
    indicators: [
      '? Patterns of violence against civilians or a group',
      '? More groups or areas affected',
      '? More victims or attacks',
      '? Military means used against civilians',
      '? Involvement of State or senior authorities',
    ],
  },
  {
    name: 'Signs of a plan or policy to attack any civilian population',
    shortName: 'Plan or policy to attack civilians',
    scope: 'crimes_against_humanity',
    furtherIndicatorsUnverified: true,
    indicators: [
      'Documents revealing a plan or policy',
      'Discriminatory security procedures',
      'Measures altering the composition of the population',
      'Parallel institutions that could be used for violence',
      '? Preparation of large resources',
    ],
  },
  {
    name: 'Serious threats to those protected under international humanitarian law',
    shortName: 'Threats to those protected by humanitarian law',
    scope: 'war_crimes',
    furtherIndicatorsUnverified: true,
    indicators: [
      'Fragmented parties, no chain of command',
      'Mistrust from broken agreements',
      'Radicalisation of parties',
      'Ethnicity or religion as test of allegiance',
      'Dehumanising the enemy or groups',
      'Curtailing the rights of protected persons',
      'Plans or discourse threatening protected persons',
      'Impeding supplies or humanitarian support vital to survival',
      'Logistics to move or confine many people',
      '? Preparation of prohibited weapons',
    ],
  },
  {
    // Published without numbers (docs/domain.md "Framework of Analysis: indicator labels per risk
    // factor"): ids 14.1–14.3 are ours, hence unverified.
    name: 'Serious threats to humanitarian or peacekeeping operations',
    shortName: 'Threats to humanitarian or peacekeeping operations',
    scope: 'war_crimes',
    indicators: [
      '? Disregard of their status',
      '? Threats or attacks on their personnel, premises, vehicles',
      '? Obstruction of access and movement',
    ],
  },
];

const UNVERIFIED_MARK = '? ';

function buildFactor(source: FactorSource, index: number): RiskFactor {
  const number = index + 1;
  const indicators = source.indicators.map((raw, i): Indicator => {
    const unverified = raw.startsWith(UNVERIFIED_MARK);
    return Object.freeze({
      id: `${number}.${i + 1}` as IndicatorId,
      factor: number,
      label: unverified ? raw.slice(UNVERIFIED_MARK.length) : raw,
      verification: unverified ? 'unverified' : 'checked',
    });
  });
  return Object.freeze({
    number,
    name: source.name,
    shortName: source.shortName,
    scope: source.scope,
    indicators: Object.freeze(indicators),
    furtherIndicatorsUnverified: source.furtherIndicatorsUnverified ?? false,
  });
}

/** The 14 risk factors in published order, each with its indicators. Frozen. */
export const RISK_FACTORS: readonly RiskFactor[] = Object.freeze(SOURCE.map(buildFactor));

/** 1 … 14. */
export const RISK_FACTOR_NUMBERS: readonly number[] = Object.freeze(
  RISK_FACTORS.map((f) => f.number),
);

/** Every indicator of every factor, in catalogue order. */
export const INDICATORS: readonly Indicator[] = Object.freeze(
  RISK_FACTORS.flatMap((f) => f.indicators),
);

const INDICATORS_BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.id, i]));

/** Whether a value is the number of a risk factor (an integer 1–14). */
export function isRiskFactorNumber(value: unknown): value is number {
  return typeof value === 'number' && RISK_FACTOR_NUMBERS.includes(value);
}

/** The risk factor numbered `number`, or undefined. */
export function findRiskFactor(number: number): RiskFactor | undefined {
  return RISK_FACTORS.find((f) => f.number === number);
}

/** Whether a value is the id of an indicator in the catalogue (`'7.14'` yes, `'7.15'` no). */
export function isIndicatorId(value: unknown): value is IndicatorId {
  return typeof value === 'string' && INDICATORS_BY_ID.has(value);
}

/** The indicator with this id, or undefined. */
export function findIndicator(id: string): Indicator | undefined {
  return INDICATORS_BY_ID.get(id);
}

/** The risk factor an indicator belongs to, or undefined when the id is not in the catalogue. */
export function factorOfIndicator(id: string): RiskFactor | undefined {
  const indicator = INDICATORS_BY_ID.get(id);
  return indicator === undefined ? undefined : findRiskFactor(indicator.factor);
}
