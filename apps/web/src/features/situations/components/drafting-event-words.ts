/** Words for the timeline's drafting, recommendation and mobilisation events. */
const WORDS: Record<string, string> = {
  'document.created': 'started a document',
  'document.version_saved': 'saved a version of a document',
  'document.submitted': 'submitted a document for review',
  'document.approved': 'approved a document',
  'document.returned': 'returned a document for drafting',
  'document.transmitted': 'transmitted a document',
  'document.revised': 'started a new revision of a transmitted document',
  'recommendation.created': 'drafted a recommendation',
  'recommendation.updated': 'edited a draft recommendation',
  'recommendation.approved': 'approved a recommendation',
  'recommendation.transmitted': 'transmitted a recommendation',
  'recommendation.implemented': 'recorded a recommendation as implemented',
  'recommendation.declined': 'recorded a recommendation as declined',
  'engagement.created': 'recorded an engagement with a partner',
  'engagement.updated': 'updated an engagement with a partner',
  'engagement.follow_up_overdue': 'a follow-up with a partner became overdue',
};

/** The words for `type`, or null when it is not one of these. */
export function draftingEventWords(type: string): string | null {
  return WORDS[type] ?? null;
}
