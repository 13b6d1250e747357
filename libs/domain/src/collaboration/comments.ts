import {
  clearanceCovers,
  isOfficeStaff,
  type Classification,
  type Role,
} from '../identity/roles.js';

/** The two discussion threads of a case (docs/architecture.md §6). */
export const COMMENT_THREADS = ['internal', 'framework_team'] as const;
export type CommentThread = (typeof COMMENT_THREADS)[number];

/** Longest comment body, in characters (markdown source). */
export const COMMENT_MAX_LENGTH = 10_000;
/** Most people one comment may mention. */
export const COMMENT_MAX_MENTIONS = 20;

/** The facts about a person that decide whether they may read a thread of a case. */
export interface ThreadReader {
  id: string;
  roles: readonly Role[];
  clearance: Classification;
  active: boolean;
  /** Whether the person may read the case itself (the Office's need-to-know rule, CASL). */
  readsCase: boolean;
}

/** The facts about a case that decide who reads its threads. */
export interface ThreadCase {
  classification: Classification;
  prioritySituation: boolean;
}

/**
 * Who reads a thread: the `internal` thread is Office staff who may read the case; the
 * `framework_team` thread adds Framework Team members cleared for a shared priority situation.
 */
export function mayReadThread(
  reader: ThreadReader,
  thread: CommentThread,
  situation: ThreadCase,
): boolean {
  if (!reader.active) return false;
  if (isOfficeStaff(reader.roles) && reader.readsCase) return true;
  return (
    thread === 'framework_team' &&
    reader.roles.includes('framework_team') &&
    situation.prioritySituation &&
    clearanceCovers(reader.clearance, situation.classification)
  );
}
