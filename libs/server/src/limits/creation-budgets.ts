import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  type CreationKind,
  lockBudget,
  recentCreations,
  secondsUntilLeavesWindow,
} from './creation-budgets.store.js';

export type { CreationKind };

/** How a refusal names a kind of creation. */
interface KindWords {
  /** "You have opened 3 situations": the verb and the noun (singular, plural). */
  verb: string;
  noun: [string, string];
  /** The name of the budget in a refusal's details (`cases_per_hour`). */
  name: string;
}

const KINDS: Record<CreationKind, KindWords> = {
  case: {
    verb: 'opened',
    noun: ['situation', 'situations'],
    name: 'cases',
  },
  item: {
    verb: 'recorded',
    noun: ['information item', 'information items'],
    name: 'items',
  },
  attachment: {
    verb: 'attached',
    noun: ['file', 'files'],
    name: 'attachments',
  },
  proposal: {
    verb: 'made',
    noun: ['escalation proposal', 'escalation proposals'],
    name: 'proposals',
  },
};

const WINDOWS = [
  { key: 'minute', seconds: 60, words: 'minute', per: 'a minute' },
  { key: 'hour', seconds: 3600, words: 'hour', per: 'an hour' },
] as const;

/**
 * Per-person budgets on creations (issue 15, item 7): at most N of a kind in the last minute and
 * M in the last hour, on top of the write rate limit. Counted from the rows themselves, in the
 * creating transaction, so the count holds across api instances and restarts, a refused attempt
 * costs nothing, and the window slides (no burst at a window's edge).
 *
 * Lock order: the caller's own locks first (a case or an item row), then the person's budget
 * lock for this kind (a transaction-scoped advisory lock), then whatever the creation takes next
 * (the reference counter). The budget lock makes one person's concurrent creations of a kind
 * queue, so none of them can slip past the count.
 */
@Injectable()
export class CreationBudgets {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Per minute and per hour, as configured. */
  limits(kind: CreationKind): { minute: number; hour: number } {
    const c = this.config;
    switch (kind) {
      case 'case':
        return { minute: c.CREATE_CASES_PER_MINUTE, hour: c.CREATE_CASES_PER_HOUR };
      case 'item':
        return { minute: c.CREATE_ITEMS_PER_MINUTE, hour: c.CREATE_ITEMS_PER_HOUR };
      case 'attachment':
        return { minute: c.CREATE_ATTACHMENTS_PER_MINUTE, hour: c.CREATE_ATTACHMENTS_PER_HOUR };
      case 'proposal':
        return { minute: c.CREATE_PROPOSALS_PER_MINUTE, hour: c.CREATE_PROPOSALS_PER_HOUR };
    }
  }

  /**
   * Inside the creating transaction, before anything is written: takes `personId`'s budget lock
   * for `kind` and throws a 429 naming the budget when one more would pass it.
   */
  async spend(m: EntityManager, personId: string, kind: CreationKind): Promise<void> {
    const words = KINDS[kind];
    const limits = this.limits(kind);
    await lockBudget(m, `vigil:budget:${kind}:${personId}`);
    // The newest rows only: enough to tell whether either budget is spent, however many exist.
    const counts = await recentCreations(m, kind, personId, Math.max(limits.minute, limits.hour));
    for (const window of WINDOWS) {
      const used = counts?.[window.key] ?? 0;
      const limit = limits[window.key];
      if (used < limit) continue;
      // The window opens again when the limit-th newest creation leaves it.
      const wait = await secondsUntilLeavesWindow(m, kind, personId, limit - 1, window.seconds);
      const retryAfterSeconds = Math.min(window.seconds, wait ?? window.seconds);
      const noun = (n: number) => `${n} ${n === 1 ? words.noun[0] : words.noun[1]}`;
      throw new DomainError(
        'rate_limited',
        `You have ${words.verb} ${noun(used)} in the last ${window.words}; the limit is ` +
          `${limit} ${window.per}. Nothing was saved: try again in ${waitWords(retryAfterSeconds)}.`,
        { retryAfterSeconds, budget: `${words.name}_per_${window.key}`, limit },
      );
    }
  }
}

/** "45 seconds", "1 minute", "12 minutes". */
export function waitWords(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
