import { DomainError, type Reliability, type SourceKind } from '@vigil/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataKey } from '../common/crypto/data-keys.js';
import type { SqlCondition } from '../authorization/rules-to-sql.js';
import { namedQuery } from '../database/named-query.js';
import type { SqlRunner } from '../database/sql-runner.js';
import type { SourceCipher, SourceIdentity, StoredSourceIdentity } from './source-cipher.js';

/** A source to record. `id` may be given (factories, seeding); otherwise one is drawn. */
export interface NewSource extends SourceIdentity {
  id?: string;
  kind: SourceKind;
  reliability: Reliability;
  createdBy: string;
  /** Backdated rows (benchmarks, tests); default now. */
  createdAt?: Date;
}

/** A source as read, its identity decrypted (null: stored but unreadable). */
export interface SourceRecord {
  id: string;
  kind: SourceKind;
  reliability: Reliability;
  version: number;
  createdAt: Date;
  /** created_at at full precision, for the keyset cursor. */
  createdKey: string;
  /** Items that cite the source and that the reader may read. */
  itemCount: number;
  keyId: string;
  identity: SourceIdentity | null;
}

/** What `find` selects. */
export interface SourceQuery {
  /** The caller's `read` (or `update`) Source rules in SQL over `sources s`. */
  acl: SqlCondition;
  /** The caller's `read InformationItem` rules in SQL over `information_items i` (item count). */
  itemAcl: SqlCondition;
  id?: string;
  /** Words typed in the source picker, matched through the blind index. */
  nameQuery?: string;
  /** Keyset: rows strictly older than (createdKey, id). */
  before?: { createdKey: string; id: string };
  limit?: number;
  /** FOR UPDATE OF s (with `id`). */
  lock?: boolean;
}

interface SourceRow extends StoredSourceIdentity {
  kind: SourceKind;
  reliability: Reliability;
  version: number;
  created_at: Date;
  created_key: string;
  item_count: number;
}

/** The identity columns of `sources` over an alias, for queries that show a source's name. */
export function sourceIdentityColumns(alias: string): string {
  return `${alias}.key_id, ${alias}.name_enc, ${alias}.contact_notes_enc`;
}

/**
 * `run`, with the trigger's refusal to write under a retired key (SQLSTATE VG001: an api still
 * running on a key that was retired) said in words.
 */
function refusingRetiredKey(run: SqlRunner): SqlRunner {
  return async <T>(sql: string, params?: unknown[]) => {
    try {
      return await run<T>(sql, params);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'VG001') {
        throw new DomainError(
          'conflict',
          'This server still encrypts with a data key that has been retired: it must be restarted with the active key before sources can be recorded.',
        );
      }
      throw error;
    }
  };
}

/**
 * The one place that reads and writes the `sources` table. Names and contact notes exist in the
 * clear only in memory: written sealed (SourceCipher), read and decrypted here, searched through
 * the blind index. The plain name is never stored, indexed or sent to PostgreSQL.
 *
 * Lock order: a write locks the source row (FOR UPDATE, or the UPDATE's own lock) and nothing else.
 */
export class SourceStore {
  constructor(readonly cipher: SourceCipher) {}

  /** Inserts a source, sealed under the active key. Returns its id. */
  async insert(run: SqlRunner, source: NewSource): Promise<string> {
    const id = source.id ?? randomUUID();
    const sealed = this.cipher.seal(id, {
      name: source.name,
      contactNotes: source.contactNotes,
    });
    await refusingRetiredKey(run)(
      `INSERT INTO sources (id, kind, reliability, created_by, key_id, name_enc, contact_notes_enc, name_index,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()), COALESCE($9, now()))`,
      [
        id,
        source.kind,
        source.reliability,
        source.createdBy,
        sealed.keyId,
        sealed.nameEnc,
        sealed.contactNotesEnc,
        sealed.nameIndex,
        source.createdAt ?? null,
      ],
    );
    return id;
  }

  /**
   * Writes a change to a source the caller has locked, and bumps its version. With `identity`
   * the name and contact notes are sealed afresh under the active key; without (the stored
   * identity is unreadable and the change does not replace it) they are left as they are.
   */
  async update(
    run: SqlRunner,
    id: string,
    change: { kind: SourceKind; reliability: Reliability; identity: SourceIdentity | null },
  ): Promise<void> {
    if (change.identity === null) {
      await run(
        `UPDATE sources SET kind = $2, reliability = $3, version = version + 1, updated_at = now()
         WHERE id = $1`,
        [id, change.kind, change.reliability],
      );
      return;
    }
    const sealed = this.cipher.seal(id, change.identity);
    await refusingRetiredKey(run)(
      `UPDATE sources SET kind = $2, reliability = $3, key_id = $4, name_enc = $5, contact_notes_enc = $6,
         name_index = $7, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        id,
        change.kind,
        change.reliability,
        sealed.keyId,
        sealed.nameEnc,
        sealed.contactNotesEnc,
        sealed.nameIndex,
      ],
    );
  }

  /**
   * Sources the caller may see under `query.acl`, newest first (a name cannot be sorted on in SQL
   * any more: it is not there), decrypted.
   */
  async find(m: EntityManager | DataSource, query: SourceQuery): Promise<SourceRecord[]> {
    const where = [query.acl.sql];
    const params: Record<string, unknown> = { ...query.acl.params, ...query.itemAcl.params };
    if (query.id !== undefined) {
      where.push('s.id = :id');
      params.id = query.id;
    }
    if (query.nameQuery !== undefined) {
      const match = this.nameMatch(query.nameQuery);
      where.push(match.sql);
      Object.assign(params, match.params);
    }
    if (query.before) {
      where.push('(s.created_at, s.id) < (:beforeAt::timestamptz, :beforeId::uuid)');
      Object.assign(params, { beforeAt: query.before.createdKey, beforeId: query.before.id });
    }
    const limit = query.limit === undefined ? '' : `LIMIT ${Number(query.limit)}`;
    const rows = await namedQuery<SourceRow>(
      m,
      `SELECT s.id, s.kind, s.reliability, s.version, s.created_at, ${sourceIdentityColumns('s')},
         to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
         (SELECT count(*)::int FROM information_items i WHERE i.source_id = s.id AND ${query.itemAcl.sql}) AS item_count
       FROM sources s WHERE ${where.join(' AND ')}
       ORDER BY s.created_at DESC, s.id DESC ${limit} ${query.lock ? 'FOR UPDATE OF s' : ''}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      reliability: row.reliability,
      version: row.version,
      createdAt: row.created_at,
      createdKey: row.created_key,
      itemCount: row.item_count,
      keyId: row.key_id,
      identity: this.cipher.open(row),
    }));
  }

  /**
   * The name and kind of source `id` if `acl` (over `sources s`) lets the caller know who it is;
   * name null when it cannot be decrypted. Null when the caller may not know the source.
   */
  async knownSource(
    m: EntityManager | DataSource,
    acl: SqlCondition,
    id: string,
  ): Promise<{ id: string; name: string | null; kind: SourceKind } | null> {
    const [row] = await namedQuery<StoredSourceIdentity & { kind: SourceKind }>(
      m,
      `SELECT s.id, s.kind, ${sourceIdentityColumns('s')} FROM sources s WHERE s.id = :id AND ${acl.sql}`,
      { ...acl.params, id },
    );
    return row ? { id: row.id, kind: row.kind, name: this.cipher.openName(row) } : null;
  }

  /** Decrypts a name selected with its key id (lists of items); null if it cannot be read. */
  nameOf(row: Pick<StoredSourceIdentity, 'id' | 'key_id' | 'name_enc'>): string | null {
    return this.cipher.openName(row);
  }

  /**
   * Rows whose name has every typed word as a word or a word's start, through the blind index:
   * the tokens of the words under each configured key, OR'ed (rows are under different keys
   * while a rotation runs). A query with no word at all matches nothing.
   */
  nameMatch(query: string, prefix = 'nameq'): SqlCondition {
    const perKey = this.cipher.searchTokens(query);
    if (perKey === null) return { sql: 'FALSE', params: {} };
    const params: Record<string, unknown> = {};
    const tests = perKey.map((tokens, n) => {
      params[`${prefix}_${n}`] = tokens;
      return `s.name_index @> :${prefix}_${n}::text[]`;
    });
    return { sql: `(${tests.join(' OR ')})`, params };
  }

  // --- Key management (keys:rotate, keys:status, the start check) -------------------------------

  /**
   * Up to `limit` rows not under `keyId`, locked for this transaction; rows another transaction
   * holds (an edit in progress) are skipped and picked up by a later batch.
   */
  lockNotUnder(
    run: SqlRunner,
    keyId: string,
    limit: number,
    skip: readonly string[],
  ): Promise<StoredSourceIdentity[]> {
    return run<StoredSourceIdentity>(
      `SELECT ${sourceIdentityColumns('s')}, s.id FROM sources s
       WHERE s.key_id <> $1 AND NOT (s.id = ANY ($3::uuid[]))
       ORDER BY s.key_id, s.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [keyId, limit, skip],
    );
  }

  /**
   * Re-seals one row under `key` if it still holds exactly the values read (compare-and-swap on
   * key id and both ciphertexts): a concurrent edit is never overwritten with an older value.
   */
  async reseal(
    run: SqlRunner,
    row: StoredSourceIdentity,
    identity: SourceIdentity,
    key: DataKey,
  ): Promise<boolean> {
    const sealed = this.cipher.seal(row.id, identity, key);
    const updated = await run<{ id: string }>(
      `UPDATE sources SET key_id = $2, name_enc = $3, contact_notes_enc = $4, name_index = $5
       WHERE id = $1 AND key_id = $6 AND name_enc = $7 AND contact_notes_enc = $8
       RETURNING id`,
      [
        row.id,
        sealed.keyId,
        sealed.nameEnc,
        sealed.contactNotesEnc,
        sealed.nameIndex,
        row.key_id,
        row.name_enc,
        row.contact_notes_enc,
      ],
    );
    return updated.length === 1;
  }

  /** How many sources each key id holds (no key needed: `keys:status` works without one). */
  static async countByKey(run: SqlRunner): Promise<Map<string, number>> {
    const rows = await run<{ key_id: string; n: number }>(
      'SELECT key_id, count(*)::int AS n FROM sources GROUP BY key_id',
    );
    return new Map(rows.map((r) => [r.key_id, r.n]));
  }

  /** How many sources are not under `keyId`. */
  async countNotUnder(run: SqlRunner, keyId: string): Promise<number> {
    const [row] = await run<{ n: number }>(
      'SELECT count(*)::int AS n FROM sources WHERE key_id <> $1',
      [keyId],
    );
    return row?.n ?? 0;
  }

  /**
   * Every key id some source uses: a skip scan of the key_id index (one probe per distinct id),
   * cheap at start however many sources there are.
   */
  async storedKeyIds(run: SqlRunner): Promise<string[]> {
    const rows = await run<{ key_id: string }>(
      `WITH RECURSIVE k AS (
         (SELECT key_id FROM sources ORDER BY key_id LIMIT 1)
         UNION ALL
         SELECT (SELECT s.key_id FROM sources s WHERE s.key_id > k.key_id ORDER BY s.key_id LIMIT 1)
         FROM k WHERE k.key_id IS NOT NULL
       )
       SELECT key_id FROM k WHERE key_id IS NOT NULL`,
    );
    return rows.map((r) => r.key_id);
  }
}
