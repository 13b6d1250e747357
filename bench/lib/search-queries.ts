import type { ItemSearchFilters } from '@vigil/server';
import type { Seeded } from './search-loader.js';
import { COUNTRIES, VILLAGES_PER_COUNTRY, peopleNames, villageNames } from './search-vocabulary.js';

/** What a query exercises, for the per-kind figures. */
export type QueryKind =
  | 'common word'
  | 'uncommon word'
  | 'rare word'
  | 'two words'
  | 'phrase'
  | 'or'
  | 'negation'
  | 'words + filters'
  | 'filters only'
  | 'relevance sort'
  | 'page 2';

export interface SearchQuery {
  /** Short, stable name for the report. */
  name: string;
  kind: QueryKind;
  /** Filters as the web app sends them (its page size is 25). */
  filters: ItemSearchFilters;
  /** Page 2: the cursor is resolved per user from page 1 before measuring. */
  secondPage?: boolean;
}

/** The page size of the web app's information list. */
export const PAGE_SIZE = 25;

/**
 * The rotating query set: words common and rare, two words, phrases, or, negation, the filters
 * alone and combined, relevance order and a second page. Each runs as the adviser and the analyst.
 */
export function searchQueries(seeded: Seeded): SearchQuery[] {
  const people = peopleNames();
  const villages = villageNames();
  const caseA = seeded.analystCases[0];
  const caseB = seeded.analystCases[3] ?? caseA;
  if (!caseA || !caseB) throw new Error('the analyst works no case');
  const rareCountry = COUNTRIES[COUNTRIES.length - 1] ?? 'MAR';
  const busyVillage = villages[0] ?? '';
  const quietVillage = villages[(COUNTRIES.length - 2) * VILLAGES_PER_COUNTRY + 5] ?? '';
  // Event dates run over the five years up to today: date filters are relative to today.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const q = (
    name: string,
    kind: QueryKind,
    filters: Omit<ItemSearchFilters, 'limit'>,
    secondPage = false,
  ): SearchQuery => ({
    name,
    kind,
    filters: { ...filters, limit: PAGE_SIZE },
    ...(secondPage ? { secondPage } : {}),
  });
  return [
    // Words alone, newest first (the web app's default order). Common: in more than 5% of items;
    // uncommon: 0.1–5%; rare: under 0.1%.
    q('attack', 'common word', { q: 'attack' }),
    q('militia', 'common word', { q: 'militia' }),
    q('displacement', 'common word', { q: 'displacement' }),
    q('curfew', 'common word', { q: 'curfew' }),
    q('exhumation', 'uncommon word', { q: 'exhumation' }),
    q('ossuary', 'rare word', { q: 'ossuary' }),
    q('a commander', 'rare word', { q: people[7] ?? 'Commander' }),
    q('a quiet village', 'rare word', { q: quietVillage }),
    q('a busy village', 'uncommon word', { q: busyVillage }),
    q('checkpoint arrests', 'two words', { q: 'checkpoint arrests' }),
    q('burned houses', 'two words', { q: 'burned houses' }),
    q('sarin shelling', 'two words', { q: 'sarin shelling' }),
    q('"hate speech"', 'phrase', { q: '"hate speech"' }),
    q('"security forces"', 'phrase', { q: '"security forces"' }),
    q('"mass grave"', 'phrase', { q: '"mass grave"' }),
    q('curfew or checkpoint', 'or', { q: 'curfew or checkpoint' }),
    q('sarin or chlorine', 'or', { q: 'sarin or chlorine' }),
    q('militia -police', 'negation', { q: 'militia -police' }),
    q('displacement -camp', 'negation', { q: 'displacement -camp' }),
    // Words with filters.
    q('militia, SDN', 'words + filters', { q: 'militia', country: 'SDN' }),
    q('hate speech, speeches', 'words + filters', { q: 'hate speech', kind: ['speech'] }),
    q('attack, MMR, last year', 'words + filters', {
      q: 'attack',
      country: 'MMR',
      from: daysAgo(365),
    }),
    q('curfew, case', 'words + filters', { q: 'curfew', caseId: caseA.id }),
    q('displacement, 7.10', 'words + filters', { q: 'displacement', indicatorId: '7.10' }),
    q('"hate speech", 7.14, incitement', 'words + filters', {
      q: '"hate speech"',
      indicatorId: '7.14',
      crimeType: 'incitement',
    }),
    q('massacre, genocide, A–B', 'words + filters', {
      q: 'massacre',
      crimeType: 'genocide',
      reliability: ['A', 'B'],
    }),
    q('arrests, credibility 1–2, report/statement', 'words + filters', {
      q: 'arrests',
      credibility: [1, 2],
      kind: ['report', 'statement'],
    }),
    q('militia, a quarter two years ago', 'words + filters', {
      q: 'militia',
      from: daysAgo(820),
      to: daysAgo(730),
    }),
    q(`checkpoint, ${rareCountry}`, 'words + filters', { q: 'checkpoint', country: rareCountry }),
    q('ossuary, SDN', 'words + filters', { q: 'ossuary', country: 'SDN' }),
    q('attack, E–F, credibility 5–6', 'words + filters', {
      q: 'attack',
      reliability: ['E', 'F'],
      credibility: [5, 6],
    }),
    q('refugees, case, last two years', 'words + filters', {
      q: 'refugees',
      caseId: caseB.id,
      from: daysAgo(730),
    }),
    // Filters alone.
    q('(no filter)', 'filters only', {}),
    q('SDN', 'filters only', { country: 'SDN' }),
    q(rareCountry, 'filters only', { country: rareCountry }),
    q('case', 'filters only', { caseId: caseA.id }),
    q('indicator 7.14', 'filters only', { indicatorId: '7.14' }),
    q('indicator 14.3', 'filters only', { indicatorId: '14.3' }),
    q('genocide', 'filters only', { crimeType: 'genocide' }),
    q('speeches, ETH', 'filters only', { kind: ['speech'], country: 'ETH' }),
    q('A, credibility 1', 'filters only', { reliability: ['A'], credibility: [1] }),
    q('a month three years ago', 'filters only', { from: daysAgo(1125), to: daysAgo(1095) }),
    q('SDN incidents, last 6 months', 'filters only', {
      country: 'SDN',
      kind: ['incident'],
      from: daysAgo(182),
    }),
    q('case, war crimes', 'filters only', { caseId: caseB.id, crimeType: 'war_crimes' }),
    // Best match first.
    q('militia, by relevance', 'relevance sort', { q: 'militia', sort: 'relevance' }),
    q('exhumation, by relevance', 'relevance sort', { q: 'exhumation', sort: 'relevance' }),
    q('"hate speech", SDN, by relevance', 'relevance sort', {
      q: '"hate speech"',
      country: 'SDN',
      sort: 'relevance',
    }),
    // Second pages.
    q('displacement, page 2', 'page 2', { q: 'displacement' }, true),
    q('SDN, page 2', 'page 2', { country: 'SDN' }, true),
  ];
}

/** The query string the web app sends for these filters (repeated parameters for lists). */
export function toQueryString(filters: ItemSearchFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  return params.toString();
}
