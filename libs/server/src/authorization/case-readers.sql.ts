import { CLASSIFICATIONS } from '@vigil/domain';

const RANKS = `ARRAY[${CLASSIFICATIONS.map((c) => `'${c}'`).join(', ')}]::text[]`;

/** SQL: the clearance `clearance` covers the classification `classification` (two expressions). */
export function coversSql(clearance: string, classification: string): string {
  return `array_position(${RANKS}, ${clearance}::text) >= array_position(${RANKS}, ${classification}::text)`;
}

/** SQL over `users u` and `cases c`: u's clearance covers c's classification. */
const COVERS = coversSql('u.clearance', 'c.classification');

/**
 * Whether person `u` reads case `c` in the Office's view, as SQL over `users u` and `cases c`: the
 * Case read rule of defineAbilitiesFor for someone other than the caller (whom `abilityToSql`
 * covers), so lists of readers and checks of recipients filter in the database. Never NULL (a
 * case without a lead included), so it can be negated; test/integration/reader-sql.spec.ts
 * checks each of these against the abilities.
 */
export const OFFICE_READER_SQL = `(u.active AND (
  ('adviser' = ANY(u.roles) AND ${COVERS})
  OR ('analyst' = ANY(u.roles) AND (c.classification = 'unclassified' OR (${COVERS} AND (
    c.lead_analyst_id IS NOT DISTINCT FROM u.id
    OR EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = u.id)))))))`;

/** Whether `u` reads `c` through the Framework Team's restricted view (a shared situation). */
export const FRAMEWORK_TEAM_READER_SQL = `(u.active AND 'framework_team' = ANY(u.roles)
  AND c.priority_situation AND ${COVERS})`;

/**
 * Whether `u` drafts on `c` (the Case `draft` rule: advisers within clearance, analysts who lead
 * it or are its members within clearance), as SQL over `users u` and `cases c`.
 */
export const DRAFTER_SQL = `(u.active AND ${COVERS} AND ('adviser' = ANY(u.roles)
  OR ('analyst' = ANY(u.roles) AND (c.lead_analyst_id IS NOT DISTINCT FROM u.id
    OR EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = u.id)))))`;

/**
 * Whether person `userId` may read case `caseId` now: in the Office's view, or also in the
 * Framework Team's when `frameworkTeamView` (what is about their own thread). One query.
 */
export async function userReadsCase(
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  userId: string,
  caseId: string,
  frameworkTeamView: boolean,
): Promise<boolean> {
  const rows = (await db.query(
    `SELECT ${OFFICE_READER_SQL} OR ($3 AND ${FRAMEWORK_TEAM_READER_SQL}) AS reads
     FROM users u, cases c WHERE u.id = $1 AND c.id = $2`,
    [userId, caseId, frameworkTeamView],
  )) as { reads: boolean }[];
  return rows[0]?.reads === true;
}
