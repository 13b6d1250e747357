import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** What a person creates that has a budget of its own. */
export type CreationKind = 'case' | 'item' | 'attachment' | 'proposal';

interface KindSql {
  /** The table the creations are rows of, and the column naming who created each. */
  table: string;
  creator: string;
  /** "You have opened 3 situations": the verb and the noun (singular, plural). */
  verb: string;
  noun: [string, string];
  /** The name of the budget in a refusal's details (`cases_per_hour`). */
  name: string;
}

const KINDS: Record<CreationKind, KindSql> = {
  case: {
    table: 'cases',
    creator: 'created_by',
    verb: 'opened',
    noun: ['situation', 'situations'],
    name: 'cases',
  },
  item: {
    table: 'information_items',
    creator: 'created_by',
    verb: 'recorded',
    noun: ['information item', 'information items'],
    name: 'items',
  },
  attachment: {
    table: 'information_item_attachments',
    creator: 'created_by',
    verb: 'attached',
    noun: ['file', 'files'],
    name: 'attachments',
  },
  proposal: {
    table: 'escalation_requests',
    creator: 'proposed_by',
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
    const sql = KINDS[kind];
    const limits = this.limits(kind);
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `vigil:budget:${kind}:${personId}`,
    ]);
    // The newest rows only: enough to tell whether either budget is spent, however many exist.
    const [counts] = (await m.query(
      `SELECT count(*) FILTER (WHERE created_at > now() - interval '1 minute')::int AS minute,
              count(*)::int AS hour
       FROM (SELECT created_at FROM ${sql.table}
             WHERE ${sql.creator} = $1 AND created_at > now() - interval '1 hour'
             ORDER BY created_at DESC LIMIT $2) recent`,
      [personId, Math.max(limits.minute, limits.hour)],
    )) as { minute: number; hour: number }[];
    for (const window of WINDOWS) {
      const used = counts?.[window.key] ?? 0;
      const limit = limits[window.key];
      if (used < limit) continue;
      // The window opens again when the limit-th newest creation leaves it.
      const [edge] = (await m.query(
        `SELECT GREATEST(1, ceil(extract(epoch FROM created_at + make_interval(secs => $3) - now())))::int AS wait
         FROM ${sql.table} WHERE ${sql.creator} = $1
         ORDER BY created_at DESC OFFSET $2 LIMIT 1`,
        [personId, limit - 1, window.seconds],
      )) as { wait: number }[];
      const retryAfterSeconds = Math.min(window.seconds, edge?.wait ?? window.seconds);
      const noun = (n: number) => `${n} ${n === 1 ? sql.noun[0] : sql.noun[1]}`;
      throw new DomainError(
        'rate_limited',
        `You have ${sql.verb} ${noun(used)} in the last ${window.words}; the limit is ` +
          `${limit} ${window.per}. Nothing was saved: try again in ${waitWords(retryAfterSeconds)}.`,
        { retryAfterSeconds, budget: `${sql.name}_per_${window.key}`, limit },
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
