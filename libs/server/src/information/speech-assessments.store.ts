import type { RabatLevel, RabatPart } from '@vigil/domain';
import type { EntityManager } from 'typeorm';

/** How a speech assessment keeps each Rabat part. */
export type StoredRabatParts = Partial<Record<RabatPart, { met: boolean; note: string }>>;

/** A speech assessment with its assessor's name. */
export interface SpeechAssessmentRow {
  speaker: string;
  speaker_status: string;
  audience: string;
  target_group: string;
  medium: string;
  reach: string;
  hallmarks: string[];
  parts: StoredRabatParts;
  level: RabatLevel;
  version: number;
  assessed_by: string;
  assessor_name: string;
  assessed_at: Date;
}

/** What a speech assessment's row holds when saved. */
export interface SpeechAssessmentValues {
  speaker: string;
  speakerStatus: string;
  audience: string;
  targetGroup: string;
  medium: string;
  reach: string;
  hallmarks: string[];
  parts: StoredRabatParts;
  level: RabatLevel;
  assessedBy: string | undefined;
}

/** The speech assessment of an item, if it has one. */
export async function findSpeechAssessment(
  m: EntityManager,
  itemId: string,
): Promise<SpeechAssessmentRow | undefined> {
  const [row] = (await m.query(
    `SELECT s.*, u.display_name AS assessor_name FROM speech_assessments s
       JOIN users u ON u.id = s.assessed_by WHERE s.item_id = $1`,
    [itemId],
  )) as SpeechAssessmentRow[];
  return row;
}

/** Version and level of an item's speech assessment, if it has one (the check before saving). */
export async function speechAssessmentVersion(
  m: EntityManager,
  itemId: string,
): Promise<{ version: number; level: string } | undefined> {
  const [existing] = (await m.query(
    'SELECT version, level FROM speech_assessments WHERE item_id = $1',
    [itemId],
  )) as { version: number; level: string }[];
  return existing;
}

/** Writes an item's speech assessment whole, creating it or replacing it (version + 1). */
export async function upsertSpeechAssessment(
  m: EntityManager,
  itemId: string,
  v: SpeechAssessmentValues,
): Promise<void> {
  await m.query(
    `INSERT INTO speech_assessments (item_id, speaker, speaker_status, audience, target_group, medium, reach,
           hallmarks, parts, level, assessed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
         ON CONFLICT (item_id) DO UPDATE SET speaker = $2, speaker_status = $3, audience = $4, target_group = $5,
           medium = $6, reach = $7, hallmarks = $8, parts = $9::jsonb, level = $10, assessed_by = $11,
           assessed_at = now(), version = speech_assessments.version + 1`,
    [
      itemId,
      v.speaker,
      v.speakerStatus,
      v.audience,
      v.targetGroup,
      v.medium,
      v.reach,
      v.hallmarks,
      JSON.stringify(v.parts),
      v.level,
      v.assessedBy,
    ],
  );
}
