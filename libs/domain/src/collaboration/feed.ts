import type { JsonValue } from '../audit/canonical-json.js';

/** Who may receive an event of a case's live feed. */
export type FeedAudience = 'office' | 'framework_team';

/** One committed event of a case, as the live feed and `GET /cases/:id/events?after=` carry it. */
export interface CaseFeedEvent {
  caseId: string;
  seq: number;
  type: string;
  actorId: string | null;
  fromStage: string | null;
  toStage: string | null;
  payload: Record<string, JsonValue>;
  /** When the event was written (its transaction commits within milliseconds). */
  at: string;
}

/**
 * Event types the Framework Team's restricted view may see (docs/architecture.md §5): stage
 * changes, edits of the fields of the view, the sharing itself, endorsements, recommendations once
 * approved and transmitted, and their own thread. Everything else (escalation justifications,
 * assessments, information, members, drafts, draft recommendations) stays with the Office.
 */
const FRAMEWORK_TEAM_TYPES = new Set([
  'case.transitioned',
  'case.updated',
  'case.priority_changed',
  'endorsement.saved',
  'endorsement.withdrawn',
  'recommendation.approved',
  'recommendation.transmitted',
  // Not 'recommendation.declined': a declined draft was never theirs to know of.
  'recommendation.implemented',
]);

/** Payload keys the Framework Team receives, per event type; any other key is dropped. */
const FRAMEWORK_TEAM_PAYLOAD_KEYS: Record<string, readonly string[]> = {
  'case.priority_changed': ['shared'],
  'comment.created': ['commentId', 'thread', 'parentId'],
  'comment.edited': ['commentId', 'thread', 'parentId'],
  'comment.deleted': ['commentId', 'thread', 'parentId'],
  'endorsement.saved': ['organisationId'],
  'endorsement.withdrawn': ['organisationId'],
  'recommendation.approved': ['recommendationId'],
  'recommendation.transmitted': ['recommendationId'],
  'recommendation.implemented': ['recommendationId'],
};

/**
 * The event as the Framework Team may see it, or null when it is for the Office only.
 * Comments reach them only from their own thread.
 */
export function frameworkTeamView(event: CaseFeedEvent): CaseFeedEvent | null {
  const isTheirComment =
    event.type.startsWith('comment.') && event.payload['thread'] === 'framework_team';
  if (!isTheirComment && !FRAMEWORK_TEAM_TYPES.has(event.type)) return null;
  const keys = FRAMEWORK_TEAM_PAYLOAD_KEYS[event.type] ?? [];
  const payload: Record<string, JsonValue> = {};
  for (const key of keys) {
    const value = event.payload[key];
    if (value !== undefined) payload[key] = value;
  }
  return { ...event, actorId: null, payload };
}

/** Payload keys kept for the record (replay) but never shown: the machine's raw event. */
export function officeView(event: CaseFeedEvent): CaseFeedEvent {
  const { workflowEvent: _raw, ...payload } = event.payload;
  return { ...event, payload };
}
