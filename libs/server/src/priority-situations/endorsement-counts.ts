import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/named-query.js';
import type {
  EndorsementCounts,
  MyEndorsement,
  OrganisationEndorsementCount,
} from './dto/priority-situation.response.js';

/** Endorsements per organisation for each of `caseIds` (most endorsed first). */
export async function endorsementCounts(
  runner: DataSource | EntityManager,
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
  runner: DataSource | EntityManager,
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
