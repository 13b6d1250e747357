import {
  RABAT_PARTS,
  SPEECH_HALLMARKS,
  type RabatPart,
  type RabatParts,
  type SpeechHallmark,
} from '@vigil/domain';
import type { SpeechAssessment, SpeechAssessmentInput } from '../api/information-api';

/** The speech assessment form's state. */
export interface SpeechFormValues {
  speaker: string;
  speakerStatus: string;
  audience: string;
  targetGroup: string;
  medium: string;
  reach: string;
  hallmarks: SpeechHallmark[];
  parts: Record<RabatPart, { met: boolean; note: string }>;
}

export function speechToForm(assessment: SpeechAssessment | null): SpeechFormValues {
  const parts = Object.fromEntries(
    RABAT_PARTS.map((part) => {
      const found = assessment?.parts.find((p) => p.part === part);
      return [part, { met: found?.met ?? false, note: found?.note ?? '' }];
    }),
  ) as Record<RabatPart, { met: boolean; note: string }>;
  return {
    speaker: assessment?.speaker ?? '',
    speakerStatus: assessment?.speakerStatus ?? '',
    audience: assessment?.audience ?? '',
    targetGroup: assessment?.targetGroup ?? '',
    medium: assessment?.medium ?? '',
    reach: assessment?.reach ?? '',
    hallmarks: SPEECH_HALLMARKS.filter((h) => assessment?.hallmarks.includes(h)),
    parts,
  };
}

/** Which parts are met, as `explainRabat` takes them. */
export function metParts(values: SpeechFormValues): RabatParts {
  return Object.fromEntries(RABAT_PARTS.map((part) => [part, values.parts[part].met]));
}

export function validateSpeechForm(values: SpeechFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.speaker.trim()) errors['speaker'] = 'Name the speaker.';
  if (!values.targetGroup.trim()) errors['targetGroup'] = 'Name the group the speech targets.';
  return errors;
}

export function toSpeechBody(values: SpeechFormValues, version?: number): SpeechAssessmentInput {
  return {
    speaker: values.speaker.trim(),
    speakerStatus: values.speakerStatus.trim(),
    audience: values.audience.trim(),
    targetGroup: values.targetGroup.trim(),
    medium: values.medium.trim(),
    reach: values.reach.trim(),
    hallmarks: values.hallmarks,
    parts: RABAT_PARTS.map((part) => ({
      part,
      met: values.parts[part].met,
      note: values.parts[part].note.trim(),
    })),
    version,
  };
}
