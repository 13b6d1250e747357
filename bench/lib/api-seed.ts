import argon2 from 'argon2';
import type pg from 'pg';
import { BENCH_PASSWORD, type BenchUser, type Seeded, seedSources } from './search-loader.js';
import { COUNTRIES, areaNames, prng } from './search-vocabulary.js';

/**
 * The api benchmark's people and situations, written in bulk SQL (not through the api): 1,000
 * users in the Office and 22 UN entities, 500 situations with stages, classifications, leads and
 * members, sources, and each person's notifications. The information items come after, from
 * the search benchmark's loader (`loadItems`), which links them to these situations.
 */

export { BENCH_PASSWORD };

/** How many of each role (1,000 in all). */
export const PEOPLE = { analyst: 600, adviser: 100, framework_team: 280, admin: 20 } as const;
export const SITUATIONS = 500;
/** Analysts who write during the benchmark; each leads WRITER_CASES situations of their own. */
export const WRITERS = 10;
export const WRITER_CASES = 5;
const UN_ENTITIES = 22;

/** A situation as the benchmark needs it. */
export interface SeededCase {
  id: string;
  country: string;
  classification: string;
}

export interface ApiSeed {
  /** The analysts who write; writer i leads `writerCases[i]` and recorded source `writerSources[i]`. */
  writers: BenchUser[];
  writerCases: SeededCase[][];
  writerSources: string[];
  /** Advisers who read (strictly confidential clearance). */
  advisers: BenchUser[];
  /** What `loadItems` needs: every analyst authors items; the ten sources. */
  itemSeed: Seeded;
  counts: { users: number; cases: number; members: number; notifications: number };
}

// Stage, then its share of situations; review interval in days (docs/architecture.md §7).
const STAGES: [string, number, number][] = [
  ['monitoring', 0.55, 90],
  ['alert', 0.2, 30],
  ['recommendation', 0.12, 14],
  ['mobilisation', 0.05, 7],
  ['closed', 0.08, 0],
];
const CLEARANCE_RANK: Record<string, number> = {
  unclassified: 0,
  confidential: 1,
  strictly_confidential: 2,
};

/** Writes organisations, users, sources, situations, members and notifications. */
export async function seedApiData(pool: pg.Pool): Promise<ApiSeed> {
  const random = prng(0x5eed_a91);
  // One hash for everyone: argon2id is deliberately slow, and 1,000 of them would take minutes.
  const hash = await argon2.hash(BENCH_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const office = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, acronym, kind) VALUES ('Benchmark Office', 'BENCH', 'office') RETURNING id`,
  );
  const officeId = office.rows[0]?.id ?? '';
  const entities = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, acronym, kind)
     SELECT 'Bench entity ' || lpad(g::text, 2, '0'), 'BE' || g, 'un_entity' FROM generate_series(1, $1::int) g
     RETURNING id`,
    [UN_ENTITIES],
  );
  const entityIds = entities.rows.map((r) => r.id);

  // Users: analysts 40% strictly confidential, 50% confidential, 10% unclassified; advisers
  // strictly confidential; the Framework Team confidential or unclassified, in its entities.
  const users: { email: string; name: string; role: string; clearance: string; org: string }[] = [];
  for (const [role, count] of Object.entries(PEOPLE)) {
    for (let i = 0; i < count; i += 1) {
      const r = random();
      const clearance =
        role === 'adviser'
          ? 'strictly_confidential'
          : role === 'analyst'
            ? r < 0.4 || i < WRITERS
              ? 'strictly_confidential'
              : r < 0.9
                ? 'confidential'
                : 'unclassified'
            : role === 'framework_team' && r < 0.6
              ? 'confidential'
              : 'unclassified';
      users.push({
        email: `${role.replace('_', '-')}${i}@bench.vigil`,
        name: `Bench ${role.replace('_', ' ')} ${i}`,
        role,
        clearance,
        org: role === 'framework_team' ? (entityIds[i % UN_ENTITIES] ?? officeId) : officeId,
      });
    }
  }
  const inserted = await pool.query<{ id: string; email: string }>(
    `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id, created_at)
     SELECT e, n, $1, ARRAY[r], c, o, now() - interval '400 days'
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[]) AS t(e, n, r, c, o)
     RETURNING id, email`,
    [
      hash,
      users.map((u) => u.email),
      users.map((u) => u.name),
      users.map((u) => u.role),
      users.map((u) => u.clearance),
      users.map((u) => u.org),
    ],
  );
  const idOf = new Map(inserted.rows.map((r) => [r.email, r.id]));
  const people = users.map((u) => ({
    id: idOf.get(u.email) ?? '',
    email: u.email,
    roles: [u.role],
    clearance: u.clearance,
  }));
  const analysts = people.filter((p) => p.roles[0] === 'analyst');
  const advisers = people.filter((p) => p.roles[0] === 'adviser');
  const writers = analysts.slice(0, WRITERS);

  const sourceIds = await seedSources(
    pool,
    writers.map((w) => w.id),
  );

  const cases = buildSituations(random, analysts, advisers);
  const caseRows = await pool.query<{ id: string; reference: string }>(
    `INSERT INTO cases (reference, title, country, summary, classification, stage, lead_analyst_id, created_by,
                        priority_situation, risk_level, risk_trend, next_review_due, created_at, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                          $7::uuid[], $8::bool[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[],
                          $13::timestamptz[])
     RETURNING id, reference`,
    [
      cases.map((c) => c.reference),
      cases.map((c) => c.title),
      cases.map((c) => c.country),
      cases.map((c) => c.summary),
      cases.map((c) => c.classification),
      cases.map((c) => c.stage),
      cases.map((c) => c.lead),
      cases.map((c) => c.priority),
      cases.map((c) => c.riskLevel),
      cases.map((c) => c.riskTrend),
      cases.map((c) => c.reviewDue),
      cases.map((c) => c.createdAt),
      cases.map((c) => c.updatedAt),
    ],
  );
  const caseId = new Map(caseRows.rows.map((r) => [r.reference, r.id]));
  const perYear = new Map<number, number>();
  for (const c of cases) perYear.set(c.year, Math.max(perYear.get(c.year) ?? 0, c.number));
  await pool.query(
    `INSERT INTO case_reference_counters (year, last_number) SELECT * FROM unnest($1::int[], $2::int[])`,
    [[...perYear.keys()], [...perYear.values()]],
  );
  const members = cases.flatMap((c) =>
    c.members.map((m) => ({ caseId: caseId.get(c.reference) ?? '', ...m, by: c.lead })),
  );
  await pool.query(
    `INSERT INTO case_members (case_id, user_id, role, added_by, added_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[])`,
    [
      members.map((m) => m.caseId),
      members.map((m) => m.userId),
      members.map((m) => m.role),
      members.map((m) => m.by),
      members.map(() => new Date(Date.now() - 200 * 86_400_000)),
    ],
  );

  // Up to 30 notifications per analyst and adviser over the last 60 days, the older ones read.
  await pool.query('SELECT setseed(0.31)');
  const notified = await pool.query(
    `INSERT INTO notifications (user_id, type, case_id, payload, created_at, read_at, emailed_at)
     SELECT u.id, (ARRAY['review.overdue','mention','escalation.proposed','escalation.decided'])[1 + floor(random() * 4)::int],
            c.id, jsonb_build_object('reference', c.reference, 'title', c.title),
            t.at, CASE WHEN t.at < now() - interval '7 days' OR random() < 0.5 THEN t.at + interval '1 hour' END, t.at
       FROM users u
       CROSS JOIN LATERAL (SELECT g, now() - random() * interval '60 days' AS at,
                                  1 + floor(random() * $1::int)::int AS k
                             FROM generate_series(1, floor(random() * 31)::int + 0 * length(u.email)) g) t
       JOIN cases c ON c.reference = ($2::text[])[t.k]
      WHERE u.roles && ARRAY['analyst','adviser']`,
    [cases.length, cases.map((c) => c.reference)],
  );
  await pool.query(
    'ANALYZE users; ANALYZE cases; ANALYZE case_members; ANALYZE notifications; ANALYZE sources',
  );

  const seeded = (c: Situation): SeededCase => ({
    id: caseId.get(c.reference) ?? '',
    country: c.country,
    classification: c.classification,
  });
  return {
    writers,
    writerCases: writers.map((w) => cases.filter((c) => c.lead === w.id).map(seeded)),
    writerSources: writers.map((_, i) => sourceIds[i % sourceIds.length] ?? ''),
    advisers: advisers.slice(0, 4),
    itemSeed: {
      analyst: writers[0] as BenchUser,
      adviser: advisers[0] as BenchUser,
      authors: analysts.map((a) => a.id),
      analystCases: [],
      otherCases: [],
      sourceIds,
    },
    counts: {
      users: people.length,
      cases: cases.length,
      members: members.length,
      notifications: notified.rowCount ?? 0,
    },
  };
}

interface Situation {
  reference: string;
  year: number;
  number: number;
  title: string;
  country: string;
  summary: string;
  classification: string;
  stage: string;
  lead: string;
  priority: boolean;
  riskLevel: string | null;
  riskTrend: string | null;
  reviewDue: Date | null;
  createdAt: Date;
  updatedAt: Date;
  members: { userId: string; role: string }[];
}

/**
 * 500 situations: every country of the vocabulary has one, the rest follow how much a country is
 * reported (Zipf). The first WRITERS × WRITER_CASES are led by the writers, open and within
 * their clearance, so each write connection edits a situation of its own.
 */
function buildSituations(
  random: () => number,
  analysts: BenchUser[],
  advisers: BenchUser[],
): Situation[] {
  const areas = areaNames();
  const day = 86_400_000;
  const now = Date.now();
  const perYear = new Map<number, number>();
  const cleared = (classification: string) =>
    analysts.filter(
      (a) => (CLEARANCE_RANK[a.clearance] ?? 0) >= (CLEARANCE_RANK[classification] ?? 0),
    );
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: Situation[] = [];
  for (let k = 0; k < SITUATIONS; k += 1) {
    const ci =
      k < COUNTRIES.length
        ? k
        : Math.min(
            COUNTRIES.length - 1,
            Math.floor(Math.exp(random() * Math.log(COUNTRIES.length + 1))) - 1,
          );
    const country = COUNTRIES[ci] ?? 'SDN';
    const year = 2020 + Math.floor(random() * 7);
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const writerCase = k < WRITERS * WRITER_CASES;
    let stage = 'monitoring';
    let interval = 90;
    const s = random();
    let acc = 0;
    for (const [name, share, days] of STAGES) {
      acc += share;
      if (s < acc) {
        stage = name;
        interval = days;
        break;
      }
    }
    if (writerCase && stage === 'closed') {
      stage = 'monitoring';
      interval = 90;
    }
    const c = random();
    const classification =
      c < 0.2 ? 'unclassified' : c < 0.9 || writerCase ? 'confidential' : 'strictly_confidential';
    const lead = writerCase ? (analysts[k % WRITERS] as BenchUser) : pick(cleared(classification));
    const memberIds = new Set<string>();
    const memberCount = 1 + Math.floor(random() * 4);
    const pool = cleared(classification);
    while (memberIds.size < memberCount) {
      const m = pick(pool);
      if (m.id !== lead.id) memberIds.add(m.id);
    }
    const members = [...memberIds].map((userId) => ({ userId, role: 'analyst' }));
    if (random() < 0.3) members.push({ userId: pick(advisers).id, role: 'adviser' });
    const updatedAt = new Date(now - Math.floor(random() * 90) * day - Math.floor(random() * day));
    const assessed = stage !== 'monitoring' || random() < 0.4;
    out.push({
      reference: `SIT-${year}-${String(number).padStart(4, '0')}`,
      year,
      number,
      title: `${country}: ${areas[ci * 3 + Math.floor(random() * 3)] ?? 'Central Province'} situation ${k + 1}`,
      country,
      summary: `Monitoring of intercommunal violence, displacement and hate speech (${stage}).`,
      classification,
      stage,
      lead: lead.id,
      priority: stage !== 'monitoring' && stage !== 'closed' && random() < 0.4,
      riskLevel: assessed ? pick(['low', 'moderate', 'high', 'very_high']) : null,
      riskTrend: assessed ? pick(['deteriorated', 'unchanged', 'improved']) : null,
      // One in ten open situations is overdue for review.
      reviewDue:
        stage === 'closed'
          ? null
          : new Date(now + (random() < 0.1 ? -1 : 1) * Math.floor(random() * interval + 1) * day),
      createdAt: new Date(
        Math.min(
          updatedAt.getTime(),
          Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
        ),
      ),
      updatedAt,
      members,
    });
  }
  return out;
}
