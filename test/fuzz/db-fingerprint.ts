import { testPool } from '../support/factories.js';

/** What one fuzz suite owns in the shared test database: its users and the cases they touch. */
export interface OwnedScope {
  userIds: readonly string[];
  organisationIds: readonly string[];
}

/** Per table, a hash of each owned row (keyed by id) or a count. */
export type Fingerprint = Record<string, Record<string, string> | number>;

// Every row is hashed whole (md5 of its jsonb), so any column change shows; rows are scoped to
// this suite's users and the cases they created or lead, so parallel suites never disturb it.
// Rows created by an accepted request fall in the same scope, so a refused request that still
// inserts (a case, an item, a comment …) is caught as well as one that updates.
const FINGERPRINT_SQL = `
WITH owned_cases AS (
  SELECT id FROM cases WHERE created_by = ANY($1::uuid[]) OR lead_analyst_id = ANY($1::uuid[])
), owned_items AS (
  SELECT id FROM information_items WHERE created_by = ANY($1::uuid[])
), owned_documents AS (
  SELECT id FROM documents WHERE case_id IN (SELECT id FROM owned_cases)
), owned_assessments AS (
  SELECT id FROM risk_assessments WHERE case_id IN (SELECT id FROM owned_cases)
), owned_recommendations AS (
  SELECT id FROM recommendations WHERE case_id IN (SELECT id FROM owned_cases)
)
SELECT jsonb_build_object(
  'users', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM users t WHERE id = ANY($1::uuid[])),
  'organisations', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM organisations t WHERE id = ANY($2::uuid[])),
  'cases', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM cases t WHERE id IN (SELECT id FROM owned_cases)),
  'case_members', (SELECT jsonb_object_agg(case_id::text || user_id::text, md5(to_jsonb(t)::text)) FROM case_members t WHERE case_id IN (SELECT id FROM owned_cases)),
  'escalations', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM escalation_requests t WHERE case_id IN (SELECT id FROM owned_cases)),
  'sources', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM sources t WHERE created_by = ANY($1::uuid[])),
  'items', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM information_items t WHERE id IN (SELECT id FROM owned_items)),
  'item_cases', (SELECT jsonb_object_agg(item_id::text || case_id::text, md5(to_jsonb(t)::text)) FROM information_item_cases t WHERE item_id IN (SELECT id FROM owned_items)),
  'item_indicators', (SELECT count(*) FROM information_item_indicators WHERE item_id IN (SELECT id FROM owned_items)),
  'attachments', (SELECT jsonb_object_agg(id, md5((to_jsonb(t) - 'content')::text)) FROM information_item_attachments t WHERE item_id IN (SELECT id FROM owned_items)),
  'speech_assessments', (SELECT jsonb_object_agg(item_id, md5(to_jsonb(t)::text)) FROM speech_assessments t WHERE item_id IN (SELECT id FROM owned_items)),
  'assessments', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM risk_assessments t WHERE id IN (SELECT id FROM owned_assessments)),
  'ratings', (SELECT jsonb_object_agg(assessment_id::text || factor::text, md5(to_jsonb(t)::text)) FROM risk_factor_ratings t WHERE assessment_id IN (SELECT id FROM owned_assessments)),
  'documents', (SELECT jsonb_object_agg(id, md5((to_jsonb(t) - 'state')::text)) FROM documents t WHERE id IN (SELECT id FROM owned_documents)),
  'document_updates', (SELECT count(*) FROM document_updates WHERE document_id IN (SELECT id FROM owned_documents)),
  'document_versions', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM document_versions t WHERE document_id IN (SELECT id FROM owned_documents)),
  'recommendations', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM recommendations t WHERE id IN (SELECT id FROM owned_recommendations)),
  'recommendation_history', (SELECT count(*) FROM recommendation_status_changes WHERE recommendation_id IN (SELECT id FROM owned_recommendations)),
  'engagements', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM engagements t WHERE case_id IN (SELECT id FROM owned_cases)),
  'comments', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM comments t WHERE case_id IN (SELECT id FROM owned_cases)),
  'endorsements', (SELECT jsonb_object_agg(case_id::text || user_id::text, md5(to_jsonb(t)::text)) FROM endorsements t WHERE case_id IN (SELECT id FROM owned_cases)),
  'notifications', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM notifications t WHERE user_id = ANY($1::uuid[])),
  'refresh_tokens', (SELECT jsonb_object_agg(id, md5(to_jsonb(t)::text)) FROM refresh_tokens t WHERE user_id = ANY($1::uuid[])),
  'case_events', (SELECT count(*) FROM case_events WHERE case_id IN (SELECT id FROM owned_cases)),
  'outbox', (SELECT count(*) FROM outbox_events WHERE case_id IN (SELECT id FROM owned_cases) OR user_id = ANY($1::uuid[])),
  'audit_by_actors', (SELECT count(*) FROM audit_log WHERE actor_id = ANY($1::uuid[]))
) AS fingerprint`;

/** Reads the fingerprint of everything `scope` owns, in one statement. */
export async function fingerprint(scope: OwnedScope): Promise<Fingerprint> {
  const { rows } = await testPool().query<{ fingerprint: Record<string, unknown> }>(
    FINGERPRINT_SQL,
    [scope.userIds, scope.organisationIds],
  );
  const raw = rows[0]?.fingerprint ?? {};
  const out: Fingerprint = {};
  for (const [table, value] of Object.entries(raw)) {
    out[table] = typeof value === 'number' ? value : ((value ?? {}) as Record<string, string>);
  }
  return out;
}

/** The tables (and row keys) whose content differs between two fingerprints; empty when equal. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: string[] = [];
  for (const table of tables) {
    const a = before[table];
    const b = after[table];
    if (typeof a === 'number' || typeof b === 'number') {
      if (a !== b) changes.push(`${table}: ${String(a)} → ${String(b)}`);
      continue;
    }
    const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
    for (const key of keys) {
      const x = a?.[key];
      const y = b?.[key];
      if (x !== y) changes.push(`${table} ${key}: ${x ? (y ? 'changed' : 'deleted') : 'inserted'}`);
    }
  }
  return changes;
}
