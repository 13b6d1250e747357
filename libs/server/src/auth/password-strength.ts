import { Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

// Only the first 64 characters are scored, with at most 4 l33t substitutions tried: unbounded,
// a crafted 256-character password takes zxcvbn over a second of CPU on the event loop; bounded,
// any input is scored in about 30 ms. Longer passwords are strong through their length anyway
// (the first 64 characters must already score 3). Levenshtein matching is off for the same
// reason (250 ms per check); the dictionaries and l33t matching catch the common variants.
const OPTIONS = { maxLength: 64, l33tMaxSubstitutions: 4, useLevenshteinDistance: false };

let factory: Promise<ZxcvbnFactory> | null = null;

/** Loads zxcvbn and its dictionaries once, when a password is first checked (not at start). */
function zxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new Factory({
      ...OPTIONS,
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  })();
  return factory;
}

/** Words of an account that must not make up its password: e-mail, its parts, display name. */
export function accountWords(email: string, displayName: string): string[] {
  const local = email.split('@')[0] ?? '';
  const squeezed = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
  const parts = [
    email,
    local,
    displayName,
    squeezed(local),
    squeezed(displayName),
    ...`${local} ${displayName}`.split(/[^\p{L}\p{N}]+/u),
  ];
  return [...new Set(parts.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 3))];
}

/**
 * Refuses a guessable password before it is set (every password an administrator or the command
 * line sets): zxcvbn's score must reach MIN_PASSWORD_SCORE, with the account's own words in its
 * dictionary. The refusal names `password` and carries the library's advice.
 */
@Injectable()
export class PasswordStrength {
  async assertStrong(password: string, userWords: string[]): Promise<void> {
    const result = (await zxcvbn()).check(password, userWords);
    if (result.score >= MIN_PASSWORD_SCORE) return;
    const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(
      (line): line is string => typeof line === 'string' && line.length > 0,
    );
    if (advice.length === 0) advice.push('Use a longer passphrase of several uncommon words.');
    const message = ['This password is too easy to guess.', ...advice].join(' ');
    throw new DomainError('validation_failed', message, [{ field: 'password', message }]);
  }
}
