import type {
  Consent,
  CrimeType,
  ItemKind,
  Reliability,
  RiskLevel,
  SourceKind,
} from '@vigil/domain';

// Demo content for a first start: a few situations, sources, graded information and finalised
// assessments, so every page has something to show. Places and people are invented; the
// countries only give the map somewhere to colour. Everything is marked as demonstration data.

export interface DemoSource {
  key: string;
  name: string;
  kind: SourceKind;
  reliability: Reliability;
  contactNotes: string;
}

export interface DemoItem {
  title: string;
  description: string;
  kind: ItemKind;
  source: string;
  credibility: number;
  daysAgo: number;
  placeName: string;
  indicatorIds: string[];
  crimeTypes: CrimeType[];
  consent: Consent;
  classification: 'unclassified' | 'confidential';
}

export interface DemoAssessment {
  /** 1: the previous month, 0: this month. */
  monthsAgo: number;
  overallLevel: RiskLevel;
  /** Applicable factors left out here are rated 1 (low). */
  ratings: [factor: number, rating: number][];
}

export interface DemoSituation {
  title: string;
  /** The crimes its assessments consider (deciding the factors that apply). */
  crimeTypes: CrimeType[];
  country: string;
  summary: string;
  items: DemoItem[];
  assessments: DemoAssessment[];
}

export const DEMO_SOURCES: DemoSource[] = [
  {
    key: 'un',
    name: 'Demo: UN human rights field team',
    kind: 'un_entity',
    reliability: 'A',
    contactNotes: 'Through the country office focal point.',
  },
  {
    key: 'ngo',
    name: 'Demo: Regional civil society monitoring network',
    kind: 'civil_society',
    reliability: 'B',
    contactNotes: 'Weekly call; encrypted messaging only.',
  },
  {
    key: 'witness',
    name: 'Demo: Community elder (protected identity)',
    kind: 'individual',
    reliability: 'C',
    contactNotes: 'Reached only through the field team; never by phone.',
  },
];

const common = { consent: 'yes' as Consent, classification: 'unclassified' as const };

export const DEMO_SITUATIONS: DemoSituation[] = [
  {
    title: 'Demo: Rising intercommunal violence in the northern provinces',
    country: 'SDN',
    crimeTypes: ['genocide', 'war_crimes'],
    summary:
      'Demonstration data. Reports of armed groups targeting villages along ethnic lines, displacement and inflammatory radio broadcasts.',
    items: [
      {
        ...common,
        title: 'Villages burned after militia raid near the river crossing',
        description:
          'Field monitors report that an armed militia burned three villages and separated residents by ethnicity at a checkpoint.',
        kind: 'incident',
        source: 'un',
        credibility: 2,
        daysAgo: 3,
        placeName: 'Wadi Demo',
        indicatorIds: ['7.5', '7.10'],
        crimeTypes: ['war_crimes', 'ethnic_cleansing'],
      },
      {
        ...common,
        title: 'Radio host calls a community "vermin" ahead of local elections',
        description:
          'A popular broadcaster repeatedly described members of a minority community as vermin and urged listeners to "clean the district".',
        kind: 'speech',
        source: 'ngo',
        credibility: 2,
        daysAgo: 6,
        placeName: 'North District',
        indicatorIds: ['7.14', '8.7'],
        crimeTypes: ['incitement', 'genocide'],
      },
      {
        ...common,
        title: 'Displacement camp reports new arrivals fleeing checkpoints',
        description:
          'Camp coordinators registered hundreds of new arrivals who describe armed checkpoints and the looting of livestock.',
        kind: 'report',
        source: 'ngo',
        credibility: 3,
        daysAgo: 12,
        placeName: 'Camp Delta',
        indicatorIds: ['1.3', '7.10'],
        crimeTypes: ['crimes_against_humanity'],
      },
      {
        ...common,
        classification: 'confidential',
        title: 'Witness describes lists of community leaders at the barracks',
        description:
          'A witness saw handwritten lists of community leaders posted at the barracks and heard officers discuss arrests.',
        kind: 'incident',
        source: 'witness',
        credibility: 3,
        daysAgo: 9,
        placeName: 'Garrison town',
        indicatorIds: ['7.12', '10.7'],
        crimeTypes: ['genocide'],
      },
    ],
    assessments: [
      {
        monthsAgo: 1,
        overallLevel: 'moderate',
        ratings: [
          [1, 3],
          [2, 2],
          [3, 2],
          [4, 2],
          [5, 2],
          [6, 2],
          [7, 2],
          [8, 1],
        ],
      },
      {
        monthsAgo: 0,
        overallLevel: 'high',
        ratings: [
          [1, 3],
          [2, 3],
          [3, 2],
          [4, 3],
          [5, 2],
          [6, 2],
          [7, 3],
          [8, 3],
        ],
      },
    ],
  },
  {
    title: 'Demo: Post-election tensions and restrictions on the press',
    country: 'KEN',
    crimeTypes: ['crimes_against_humanity'],
    summary:
      'Demonstration data. Disputed results, arrests of journalists and clashes between party supporters in two counties.',
    items: [
      {
        ...common,
        title: 'Journalists detained after covering opposition rally',
        description:
          'Two journalists were detained overnight after filming police dispersing an opposition rally; their equipment was seized.',
        kind: 'report',
        source: 'un',
        credibility: 1,
        daysAgo: 4,
        placeName: 'County capital',
        indicatorIds: ['7.6', '7.7'],
        crimeTypes: [],
      },
      {
        ...common,
        title: 'Clashes between party supporters at a market',
        description:
          'Supporters of rival parties clashed at a market; several stalls belonging to one community were set on fire.',
        kind: 'incident',
        source: 'ngo',
        credibility: 2,
        daysAgo: 8,
        placeName: 'Market town',
        indicatorIds: ['1.10', '9.4'],
        crimeTypes: [],
      },
    ],
    assessments: [
      {
        monthsAgo: 0,
        overallLevel: 'moderate',
        ratings: [
          [1, 2],
          [2, 1],
          [3, 2],
          [4, 2],
          [5, 1],
          [6, 1],
          [7, 3],
          [8, 2],
        ],
      },
    ],
  },
  {
    title: 'Demo: Restrictions on a religious minority in the coastal region',
    country: 'MMR',
    crimeTypes: ['genocide'],
    summary:
      'Demonstration data. New registration rules for a religious minority and reports of confiscated places of worship.',
    items: [
      {
        ...common,
        title: 'New decree requires minority households to register',
        description:
          'A regional decree requires households of a religious minority to register and carry special identity cards.',
        kind: 'statement',
        source: 'un',
        credibility: 2,
        daysAgo: 15,
        placeName: 'Coastal region',
        indicatorIds: ['9.1', '7.12'],
        crimeTypes: ['genocide'],
      },
    ],
    assessments: [],
  },
];
