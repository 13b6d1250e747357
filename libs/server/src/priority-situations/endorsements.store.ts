import type { EntityManager } from 'typeorm';
import { queryRows, type Db } from '../database/named-query.js';
import type {
  EndorsementCounts,
  MyEndorsement,
  OrganisationEndorsementCount,
} from './dto/priority-situation.response.js';

/** One person's endorsement of a case, as saved. */
export interface EndorsementRow {
  note: string;
  organisation_id: string;
  updated_at: Date;
}

/** An endorsement of a case with who gave it, for the Office's list. */
export interface CaseEndorsementRow {
  user_id: string;
  display_name: string;
  organisation_id: string;
  acronym: string;
  name: string;
  note: string;
  updated_at: Date;
}

/** Endorsements per organisation for each of `caseIds` (most endorsed first). */
export async function endorsementCounts(
  runner: Db,
  caseIds: string[],
): Promise<Map<string, EndorsementCounts>> {
  const rows = await queryRows<{
    case_id: string;
    organisation_id: string;
    acronym: string;
    name: string;
    n: number;
  }>(
    runner,
    `SELECT e.case_id, e.organisation_id, o.acronym, o.name, count(*)::int AS n
     FROM endorsements e JOIN organisations o ON o.id = e.organisation_id
     WHERE e.case_id = ANY($1::uuid[])
     GROUP BY e.case_id, e.organisation_id, o.acronym, o.name
     ORDER BY e.case_id, n DESC, lower(o.acronym), e.organisation_id`,
    [caseIds],
  );
  const counts = new Map<string, EndorsementCounts>(
    caseIds.map((id) => [id, { total: 0, byOrganisation: [] }]),
  );
  for (const r of rows) {
    const entry = counts.get(r.case_id);
    if (!entry) continue;
    const byOrganisation: OrganisationEndorsementCount = {
      organisationId: r.organisation_id,
      acronym: r.acronym,
      name: r.name,
      count: r.n,
    };
    entry.byOrganisation.push(byOrganisation);
    entry.total += r.n;
  }
  return counts;
}

/** The endorsements `userId` gave among `caseIds`. */
export async function myEndorsements(
  runner: Db,
  caseIds: string[],
  userId: string,
): Promise<Map<string, MyEndorsement>> {
  const rows = await queryRows<{ case_id: string; note: string; updated_at: Date }>(
    runner,
    'SELECT case_id, note, updated_at FROM endorsements WHERE case_id = ANY($1::uuid[]) AND user_id = $2',
    [caseIds, userId],
  );
  return new Map(
    rows.map((r) => [r.case_id, { note: r.note, updatedAt: r.updated_at.toISOString() }]),
  );
}

/** The endorsement `userId` gave the case, if any. */
export async function findEndorsement(
  m: EntityManager,
  caseId: string,
  userId: string,
): Promise<EndorsementRow | undefined> {
  const [row] = await queryRows<EndorsementRow>(
    m,
    'SELECT note, organisation_id, updated_at FROM endorsements WHERE case_id = $1 AND user_id = $2',
    [caseId, userId],
  );
  return row;
}

/** Endorses the case for `organisationId`, or replaces the person's note and organisation. */
export async function upsertEndorsement(
  m: EntityManager,
  caseId: string,
  userId: string,
  organisationId: string,
  note: string,
): Promise<EndorsementRow> {
  const [saved] = await queryRows<EndorsementRow>(
    m,
    `INSERT INTO endorsements (case_id, user_id, organisation_id, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, user_id) DO UPDATE
           SET note = EXCLUDED.note, organisation_id = EXCLUDED.organisation_id, updated_at = now()
         RETURNING note, organisation_id, updated_at`,
    [caseId, userId, organisationId, note],
  );
  if (!saved) throw new Error('upsert returned no row');
  return saved;
}

/** Removes the person's endorsement of the case; what it was, or undefined when there was none. */
export async function deleteEndorsement(
  m: EntityManager,
  caseId: string,
  userId: string,
): Promise<EndorsementRow | undefined> {
  const [removed] = await queryRows<EndorsementRow>(
    m,
    `DELETE FROM endorsements WHERE case_id = $1 AND user_id = $2
         RETURNING note, organisation_id, updated_at`,
    [caseId, userId],
  );
  return removed;
}

/** Every endorsement of a case, most recently changed first. */
export async function caseEndorsements(db: Db, caseId: string): Promise<CaseEndorsementRow[]> {
  return queryRows<CaseEndorsementRow>(
    db,
    `SELECT e.user_id, u.display_name, e.organisation_id, o.acronym, o.name, e.note, e.updated_at
       FROM endorsements e JOIN users u ON u.id = e.user_id
       JOIN organisations o ON o.id = e.organisation_id
       WHERE e.case_id = $1 ORDER BY e.updated_at DESC, e.user_id`,
    [caseId],
  );
}
