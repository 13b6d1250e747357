import argon2 from 'argon2';
import type pg from 'pg';
import type { Reliability, SourceKind } from '@vigil/domain';
import { sqlOnPg } from '@vigil/server';
import { benchSourceStore } from './data-key.js';
import {
  COUNTRIES,
  FUNCTION_WORDS,
  GROUPS,
  RARE_TERMS,
  VILLAGES_PER_COUNTRY,
  WORDS,
  areaNames,
  peopleNames,
  prng,
  villageNames,
} from './search-vocabulary.js';

/**
 * Loads the search benchmark's corpus: people, sources, cases, and a million information items
 * generated inside PostgreSQL (INSERT … SELECT over generate_series, one statement per batch that
 * also writes the items' case links and indicator tags), with every index of the migration in place.
 */

export const BENCH_PASSWORD = 'bench horse battery staple';

export interface BenchUser {
  id: string;
  email: string;
  roles: string[];
  clearance: string;
}

export interface Seeded {
  analyst: BenchUser;
  adviser: BenchUser;
  /** Every analyst who authors items (the benchmark's analyst among them). */
  authors: string[];
  /** Cases the benchmark's analyst leads or is a member of, with their country. */
  analystCases: { id: string; country: string; reference: string }[];
  /** A few other cases, for the caseId filter as the adviser sees it. */
  otherCases: { id: string; country: string; reference: string }[];
  sourceIds: string[];
}

const OTHER_ANALYSTS = 12;
const CASES = 200;
/**
 * Records SOURCES, encrypted as the api stores them, recorded in turn by `authors`; their ids in
 * the same order.
 */
export async function seedSources(pool: pg.Pool, authors: readonly string[]): Promise<string[]> {
  const store = benchSourceStore();
  const ids: string[] = [];
  for (const [i, s] of SOURCES.entries()) {
    ids.push(
      await store.insert(sqlOnPg(pool), {
        name: s.name,
        contactNotes: '',
        kind: s.kind as SourceKind,
        reliability: s.reliability as Reliability,
        createdBy: authors[i % authors.length] ?? '',
      }),
    );
  }
  return ids;
}

/** The sources every seeded database cites (search and api benchmarks). */
export const SOURCES: { name: string; kind: string; reliability: string }[] = [
  { name: 'OHCHR field office', kind: 'un_entity', reliability: 'B' },
  { name: 'Regional monitoring network', kind: 'civil_society', reliability: 'C' },
  { name: 'Peacekeeping mission reports', kind: 'un_entity', reliability: 'B' },
  { name: 'Special Rapporteur', kind: 'un_entity', reliability: 'A' },
  { name: 'National press digest', kind: 'media', reliability: 'C' },
  { name: 'Diaspora association', kind: 'civil_society', reliability: 'D' },
  { name: 'Humanitarian cluster', kind: 'un_entity', reliability: 'B' },
  { name: 'Social media monitoring', kind: 'media', reliability: 'C' },
  { name: 'Anonymous informant', kind: 'individual', reliability: 'E' },
  { name: 'Unverified forum posts', kind: 'individual', reliability: 'F' },
];

/** People, sources and ~200 cases; the benchmark's analyst works five of them. */
export async function seedPeopleAndCases(pool: pg.Pool): Promise<Seeded> {
  const hash = await argon2.hash(BENCH_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const org = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, acronym, kind) VALUES ('Benchmark Office', 'BENCH', 'office') RETURNING id`,
  );
  const orgId = org.rows[0]?.id ?? '';
  const addUser = async (email: string, roles: string[], clearance: string) => {
    const res = await pool.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [email, email.split('@')[0], hash, roles, clearance, orgId],
    );
    return { id: res.rows[0]?.id ?? '', email, roles, clearance };
  };
  const analyst = await addUser('analyst@bench.vigil', ['analyst'], 'confidential');
  const adviser = await addUser('adviser@bench.vigil', ['adviser'], 'strictly_confidential');
  const others: BenchUser[] = [];
  for (let i = 0; i < OTHER_ANALYSTS; i += 1) {
    others.push(
      await addUser(
        `analyst${i}@bench.vigil`,
        ['analyst'],
        i % 3 === 0 ? 'strictly_confidential' : 'confidential',
      ),
    );
  }
  const authors = [analyst.id, ...others.map((u) => u.id)];

  const sourceIds = await seedSources(pool, authors);

  // Every country has a case; the rest follow how much each country is reported (Zipf).
  const random = prng(0xca5e5);
  const areas = areaNames();
  const countryOf = (k: number): number =>
    k < COUNTRIES.length ? k : Math.floor(Math.exp(random() * Math.log(COUNTRIES.length + 1))) - 1;
  const perYear = new Map<number, number>();
  const stages = ['monitoring', 'monitoring', 'monitoring', 'alert', 'recommendation', 'closed'];
  const cases: { id: string; country: string; reference: string; index: number }[] = [];
  for (let k = 0; k < CASES; k += 1) {
    const ci = Math.min(COUNTRIES.length - 1, countryOf(k));
    const country = COUNTRIES[ci] ?? 'SDN';
    const year = 2021 + Math.floor(random() * 5);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const reference = `SIT-${year}-${String(n).padStart(4, '0')}`;
    const area = areas[ci * 3 + Math.floor(random() * 3)] ?? 'Central Province';
    const classification =
      random() < 0.2 ? 'unclassified' : random() < 0.9 ? 'confidential' : 'strictly_confidential';
    const res = await pool.query<{ id: string }>(
      `INSERT INTO cases (reference, title, country, summary, classification, stage, lead_analyst_id,
                          created_by, next_review_due, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, now() + interval '30 days', $8, $8) RETURNING id`,
      [
        reference,
        `${country}: ${area} situation ${k + 1}`,
        country,
        `Monitoring of intercommunal violence, displacement and hate speech in ${area}.`,
        classification,
        stages[Math.floor(random() * stages.length)],
        others[k % others.length]?.id,
        `${year}-0${1 + Math.floor(random() * 9)}-15T09:00:00Z`,
      ],
    );
    cases.push({ id: res.rows[0]?.id ?? '', country, reference, index: k });
  }
  await pool.query(
    `INSERT INTO case_reference_counters (year, last_number) SELECT * FROM unnest($1::int[], $2::int[])`,
    [[...perYear.keys()], [...perYear.values()]],
  );

  // The benchmark's analyst leads two cases and is a member of three more, in busy countries,
  // all within their (confidential) clearance.
  const workable = cases.filter((c) => c.index < 40 && c.index % 4 === 1);
  const analystCases = workable.slice(0, 5);
  for (const [i, c] of analystCases.entries()) {
    await pool.query(
      `UPDATE cases SET classification = 'confidential'${i < 2 ? ', lead_analyst_id = $2' : ''} WHERE id = $1`,
      i < 2 ? [c.id, analyst.id] : [c.id],
    );
    if (i >= 2) {
      await pool.query(
        `INSERT INTO case_members (case_id, user_id, role, added_by) VALUES ($1, $2, 'analyst', $3)`,
        [c.id, analyst.id, others[0]?.id],
      );
    }
  }
  // Each case has one to three members besides its lead, as in the Office.
  for (const c of cases) {
    const members = new Set<string>();
    const count = 1 + Math.floor(random() * 3);
    while (members.size < count) {
      const u = others[Math.floor(random() * others.length)];
      if (u) members.add(u.id);
    }
    await pool.query(
      `INSERT INTO case_members (case_id, user_id, role, added_by)
       SELECT $1, u, 'analyst', $3 FROM unnest($2::uuid[]) u
        WHERE u <> (SELECT lead_analyst_id FROM cases WHERE id = $1)
       ON CONFLICT DO NOTHING`,
      [c.id, [...members], others[0]?.id],
    );
  }
  const otherCases = cases.filter((c) => !analystCases.includes(c)).slice(0, 3);
  const strip = ({ id, country, reference }: (typeof cases)[number]) => ({
    id,
    country,
    reference,
  });
  return {
    analyst,
    adviser,
    authors,
    analystCases: analystCases.map(strip),
    otherCases: otherCases.map(strip),
    sourceIds,
  };
}

// ---------------------------------------------------------------------------------------------
// The items.

export interface LoadOptions {
  total: number;
  batch: number;
  /** Concurrent loading sessions (one per core). */
  sessions: number;
  onBatch?: (done: number, seconds: number) => void;
  signal?: AbortSignal;
}

export interface LoadStats {
  items: number;
  caseLinks: number;
  indicatorTags: number;
  /** Seconds spent inserting (items, links and tags, with every index maintained). */
  insertSeconds: number;
  /** Seconds of VACUUM ANALYZE afterwards (folds the GIN pending list, sets statistics). */
  vacuumSeconds: number;
}

const SENTENCES = 40_000;
const TITLES = 20_000;

/**
 * Inserts `total` items in batches, `sessions` statements at a time (one per core: generating the
 * text and computing the generated tsvector is CPU-bound). Each session holds temporary sentence
 * and title pools (Zipf-distributed words, the same in every session: setseed() first) that items
 * are composed from; each batch reseeds from its number, so the corpus is the same every run
 * whichever session loads which batch.
 */
export async function loadItems(
  pool: pg.Pool,
  seeded: Seeded,
  options: LoadOptions,
): Promise<LoadStats> {
  const indicators = (
    await pool.query<{ id: string }>(
      // Framework order, with the indicators most items bear on (hate speech, militias, …) first.
      `SELECT id FROM indicators ORDER BY CASE id WHEN '7.14' THEN 0 WHEN '7.5' THEN 1 WHEN '8.7' THEN 2
         WHEN '7.10' THEN 3 WHEN '1.1' THEN 4 WHEN '9.4' THEN 5 ELSE 6 END, factor, position`,
    )
  ).rows.map((r) => r.id);
  const params = [
    COUNTRIES, // $1
    villageNames(), // $2
    areaNames(), // $3
    GROUPS, // $4
    peopleNames(), // $5
    RARE_TERMS, // $6
    seeded.sourceIds, // $7
    seeded.authors, // $8
    indicators, // $9
    VILLAGES_PER_COUNTRY, // $10
    SENTENCES, // $11
    TITLES, // $12
  ];
  const sql = itemBatchSql(SOURCE_RELIABILITIES);
  const batches: [number, number][] = [];
  for (let lo = 1; lo <= options.total; lo += options.batch)
    batches.push([lo, Math.min(options.total, lo + options.batch - 1)]);

  const t0 = performance.now();
  let caseLinks = 0;
  let indicatorTags = 0;
  let done = 0;
  let next = 0;
  const session = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      await preparePools(client);
      for (;;) {
        const b = next;
        next += 1;
        const batch = batches[b];
        if (!batch) return;
        if (options.signal?.aborted) throw new Error('aborted while loading');
        await client.query('SELECT setseed($1)', [((b * 7919) % 10_007) / 10_007 - 0.5]);
        const res = await client.query<{ links: string; tags: string }>(sql, [...params, ...batch]);
        caseLinks += Number(res.rows[0]?.links ?? 0);
        indicatorTags += Number(res.rows[0]?.tags ?? 0);
        done += batch[1] - batch[0] + 1;
        options.onBatch?.(done, (performance.now() - t0) / 1000);
      }
    } finally {
      await client.query('DISCARD TEMP').catch(() => undefined);
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.sessions) }, session));
  const insertSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  await pool.query('VACUUM (ANALYZE) information_items');
  await pool.query('VACUUM (ANALYZE) information_item_cases');
  await pool.query('VACUUM (ANALYZE) information_item_indicators');
  await pool.query('ANALYZE cases; ANALYZE case_members; ANALYZE sources; ANALYZE users');
  const vacuumSeconds = (performance.now() - t1) / 1000;
  return { items: options.total, caseLinks, indicatorTags, insertSeconds, vacuumSeconds };
}

/** Reliability of each source in SOURCES order. */
const SOURCE_RELIABILITIES = SOURCES.map((s) => s.reliability);

/** The session's sentence and title pools and the cases of each country (temporary tables). */
async function preparePools(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT setseed(0.4242)');
  // A larger pending list: fewer, bigger merges into the GIN indexes while loading.
  await client.query(`SET gin_pending_list_limit = '32MB'`);
  await client.query(
    `CREATE TEMP TABLE bench_sentences AS
     SELECT g AS id, (
       SELECT string_agg(
                CASE WHEN random() < 0.3 THEN ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] || ' ' ELSE '' END
                || ($1::text[])[floor(exp(random() * ln(cardinality($1::text[]) + 1)))::int], ' ')
         FROM generate_series(1, 6 + floor(random() * 9)::int + 0 * g)) AS s
     FROM generate_series(1, $3::int) g`,
    [[...WORDS], [...FUNCTION_WORDS], SENTENCES],
  );
  await client.query(
    `CREATE TEMP TABLE bench_titles AS
     SELECT g AS id, (
       SELECT string_agg(($1::text[])[floor(exp(random() * ln(cardinality($1::text[]) + 1)))::int], ' ')
         FROM generate_series(1, 3 + floor(random() * 5)::int + 0 * g)) AS s
     FROM generate_series(1, $2::int) g`,
    [[...WORDS], TITLES],
  );
  await client.query(`
    UPDATE bench_titles SET s = upper(left(s, 1)) || substr(s, 2);
    ALTER TABLE bench_sentences ADD PRIMARY KEY (id);
    ALTER TABLE bench_titles ADD PRIMARY KEY (id);
    CREATE TEMP TABLE bench_country_cases AS
      SELECT country, array_agg(id ORDER BY reference) AS ids FROM cases GROUP BY country;
    ANALYZE bench_sentences; ANALYZE bench_titles; ANALYZE bench_country_cases`);
}

/**
 * One batch: items g = $13..$14 with their random draws materialised once per row, then the case
 * links (30% of items, a case of the item's country) and indicator tags (50%, one to three).
 */
function itemBatchSql(reliabilities: string[]): string {
  const zipf = (n: string) => `floor(exp(random() * ln(${n} + 1)))::int`;
  const uniform = (n: string) => `1 + floor(random() * ${n})::int`;
  const reliabilityOf = `(ARRAY[${reliabilities.map((r) => `'${r}'`).join(',')}])[r.src]`;
  return `
    WITH r AS MATERIALIZED (
      SELECT g,
             ${zipf('cardinality($1::text[])')} AS ci,
             floor(random() * $10::int)::int AS vi,
             floor(random() * 3)::int AS ai,
             ${uniform('$12::int')} AS t,
             2 + floor(random() * 4)::int AS ns,
             ${uniform('$11::int')} AS s1, ${uniform('$11::int')} AS s2, ${uniform('$11::int')} AS s3,
             ${uniform('$11::int')} AS s4, ${uniform('$11::int')} AS s5,
             random() AS r_group, ${uniform('cardinality($4::text[])')} AS gi, ${uniform('cardinality($4::text[])')} AS gi2,
             random() AS r_person, ${uniform('cardinality($5::text[])')} AS pi,
             random() AS r_rare, ${uniform('cardinality($6::text[])')} AS ri,
             random() AS r_kind, ${zipf('cardinality($7::uuid[])')} AS src, random() AS r_cred,
             random() AS r_class, random() AS r_geo, random() AS r_lat, random() AS r_lon,
             floor(power(random(), 0.75) * 1826)::int AS day, floor(random() * 21)::int AS delay,
             random() AS c1, random() AS c2, random() AS c3, random() AS c4, random() AS c5,
             random() AS r_event, random() AS r_consent, ${uniform('cardinality($8::uuid[])')} AS author
        FROM generate_series($13::int, $14::int) g
    ),
    rows AS (
      SELECT r.*, ($1::text[])[r.ci] AS country,
             ($2::text[])[(r.ci - 1) * $10::int + r.vi + 1] AS village,
             ($3::text[])[(r.ci - 1) * 3 + r.ai + 1] AS area,
             CASE WHEN r.r_kind < 0.45 THEN 'incident' WHEN r.r_kind < 0.65 THEN 'report'
                  WHEN r.r_kind < 0.77 THEN 'statement' WHEN r.r_kind < 0.85 THEN 'speech'
                  WHEN r.r_kind < 0.97 THEN 'media' ELSE 'other' END AS kind,
             t.s AS title0, s1.s AS d1, s2.s AS d2, s3.s AS d3, s4.s AS d4, s5.s AS d5
        FROM r
        JOIN bench_titles t ON t.id = r.t
        JOIN bench_sentences s1 ON s1.id = r.s1 JOIN bench_sentences s2 ON s2.id = r.s2
        JOIN bench_sentences s3 ON s3.id = r.s3 JOIN bench_sentences s4 ON s4.id = r.s4
        JOIN bench_sentences s5 ON s5.id = r.s5
    ),
    ins AS (
      INSERT INTO information_items (
        title, description, country, admin_area, place_name, latitude, longitude, event_date,
        received_date, kind, crime_types, affected_groups, source_id, source_reliability, credibility,
        consent, classification, event_type, event_subtype, time_precision, geo_precision,
        created_by, created_at, updated_at)
      SELECT
        left(x.title0 || CASE WHEN x.r_group < 0.3 THEN ' against ' || ($4::text[])[x.gi] || ' ' ELSE ' ' END
             || 'in ' || x.village, 300),
        concat_ws('. ', upper(left(x.d1, 1)) || substr(x.d1, 2), x.d2,
                  CASE WHEN x.ns >= 3 THEN x.d3 END, CASE WHEN x.ns >= 4 THEN x.d4 END,
                  CASE WHEN x.ns >= 5 THEN x.d5 END,
                  'Reported in ' || x.village || ', ' || x.area,
                  CASE WHEN x.r_person < 0.03 THEN 'Commander ' || ($5::text[])[x.pi] || ' was named by witnesses' END,
                  CASE WHEN x.r_rare < 0.01 THEN 'Sources also mention ' || ($6::text[])[x.ri] END,
                  CASE WHEN x.r_group < 0.6 THEN 'Members of the ' || ($4::text[])[x.gi] || ' community are affected' END)
          || '.',
        x.country, x.area, x.village,
        CASE WHEN x.r_geo < 0.6 THEN -35 + x.r_lat * 70 END,
        CASE WHEN x.r_geo < 0.6 THEN -20 + x.r_lon * 150 END,
        (current_date - 1826) + x.day,
        least(current_date, (current_date - 1826) + x.day + x.delay),
        x.kind,
        array_remove(ARRAY[
          CASE WHEN x.c1 < 0.12 THEN 'genocide' END,
          CASE WHEN x.c2 < 0.30 THEN 'war_crimes' END,
          CASE WHEN x.c3 < 0.10 THEN 'ethnic_cleansing' END,
          CASE WHEN x.c4 < 0.25 THEN 'crimes_against_humanity' END,
          CASE WHEN x.c5 < 0.08 OR (x.kind = 'speech' AND x.c5 < 0.6) THEN 'incitement' END]::text[], NULL),
        CASE WHEN x.r_group < 0.6 THEN ARRAY[($4::text[])[x.gi]]
             WHEN x.r_group < 0.7 THEN ARRAY[($4::text[])[x.gi], ($4::text[])[x.gi2]]
             ELSE '{}'::text[] END,
        ($7::uuid[])[x.src], ${reliabilityOf.replace('r.src', 'x.src')},
        CASE WHEN x.r_cred < 0.10 THEN 1 WHEN x.r_cred < 0.40 THEN 2 WHEN x.r_cred < 0.70 THEN 3
             WHEN x.r_cred < 0.85 THEN 4 WHEN x.r_cred < 0.95 THEN 5 ELSE 6 END,
        CASE WHEN x.kind IN ('speech', 'media', 'statement') THEN 'not_applicable'
             WHEN x.r_consent < 0.7 THEN 'yes' WHEN x.r_consent < 0.8 THEN 'no' ELSE 'not_applicable' END,
        CASE WHEN x.r_class < 0.85 THEN 'unclassified' WHEN x.r_class < 0.98 THEN 'confidential'
             ELSE 'strictly_confidential' END,
        CASE WHEN x.kind = 'incident' THEN (ARRAY['battles','explosions_remote_violence',
               'violence_against_civilians','violence_against_civilians','protests','riots',
               'strategic_developments'])[1 + floor(x.r_event * 7)::int] END,
        CASE WHEN x.kind = 'incident' AND floor(x.r_event * 7)::int IN (2, 3) THEN
               (ARRAY['attack','sexual_violence','abduction_forced_disappearance'])[1 + floor(x.r_lat * 3)::int] END,
        CASE WHEN x.kind = 'incident' THEN 1 + floor(x.r_lon * 3)::int END,
        CASE WHEN x.r_geo < 0.6 THEN 1 + floor(x.r_lat * 3)::int END,
        ($8::uuid[])[x.author],
        least(current_date, (current_date - 1826) + x.day + x.delay)::timestamptz + interval '9 hours',
        least(current_date, (current_date - 1826) + x.day + x.delay)::timestamptz + interval '9 hours'
      FROM rows x
      RETURNING id, country, created_by
    ),
    links AS (
      INSERT INTO information_item_cases (item_id, case_id, linked_by, linked_at)
      SELECT ins.id, cc.ids[1 + floor(random() * cardinality(cc.ids))::int], ins.created_by, now()
        FROM ins JOIN bench_country_cases cc ON cc.country = ins.country
       WHERE random() < 0.3
      RETURNING 1
    ),
    tags AS (
      INSERT INTO information_item_indicators (item_id, indicator_id)
      SELECT DISTINCT ins.id, ($9::text[])[${zipf('cardinality($9::text[])')} + 0 * k]
        FROM ins
        CROSS JOIN LATERAL (SELECT random() AS p, 1 + floor(random() * 3)::int AS n WHERE ins.id IS NOT NULL) d
        CROSS JOIN LATERAL generate_series(1, d.n) k
       WHERE d.p < 0.5
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM links) AS links, (SELECT count(*) FROM tags) AS tags`;
}

// ---------------------------------------------------------------------------------------------
// Sizes.

export interface RelationSize {
  table: string;
  name: string;
  kind: 'table' | 'index' | 'toast';
  bytes: number;
}

/** Heap, TOAST and every index of the items table and its two link tables. */
export async function relationSizes(pool: pg.Pool): Promise<RelationSize[]> {
  const { rows } = await pool.query<{ table: string; name: string; kind: string; bytes: string }>(
    `SELECT t.relname AS table, t.relname AS name, 'table' AS kind, pg_relation_size(t.oid)::text AS bytes
       FROM pg_class t WHERE t.relname = ANY($1)
     UNION ALL
     SELECT t.relname, 'TOAST', 'toast', (pg_total_relation_size(t.reltoastrelid))::text
       FROM pg_class t WHERE t.relname = ANY($1) AND t.reltoastrelid <> 0
     UNION ALL
     SELECT t.relname, i.relname, 'index', pg_relation_size(i.oid)::text
       FROM pg_class t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
      WHERE t.relname = ANY($1)
     ORDER BY 1, 3 DESC, 4 DESC`,
    [['information_items', 'information_item_cases', 'information_item_indicators']],
  );
  return rows.map((r) => ({
    table: r.table,
    name: r.name,
    kind: r.kind as RelationSize['kind'],
    bytes: Number(r.bytes),
  }));
}
