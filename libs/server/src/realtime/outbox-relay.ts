import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseFeedEvent, JsonValue, LiveNotification } from '@vigil/domain';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/named-query.js';
import { RealtimeGateway } from './realtime.gateway.js';

interface OutboxRow {
  id: string;
  topic: 'case_event' | 'notification' | 'access';
  case_id: string | null;
  user_id: string | null;
  payload: Record<string, JsonValue>;
}

/** Rows claimed per transaction. */
const BATCH = 200;
/** Fallback poll when a NOTIFY was missed (listener reconnecting, rows left by a dead relay). */
const POLL_MS = 1000;
/** Relayed rows are kept this long (for inspection), then deleted. */
const KEEP_RELAYED = '1 hour';
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Relays the outbox to sockets after commit. Woken by NOTIFY (sent by PostgreSQL at commit), it
 * claims unrelayed rows with FOR UPDATE SKIP LOCKED, emits them and marks them relayed in the same
 * transaction: a relay that dies before its commit leaves the rows to the next one, so an event
 * whose writer died right after committing is still delivered. Delivery is at least once; clients
 * order and de-duplicate by each case's sequence number.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: RealtimeGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.OUTBOX_RELAY) return;
    await this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Starts a drain, or asks the running one to go round again. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error({ msg: 'outbox relay failed', error }))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Relays until the outbox has nothing left to claim. */
  async drain(): Promise<void> {
    for (;;) {
      const relayed = await this.db.transaction(async (m) => {
        const rows = await queryRows<OutboxRow>(
          m,
          `SELECT id, topic, case_id, user_id, payload FROM outbox_events
           WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        for (const row of rows) await this.deliver(row);
        if (rows.length) {
          await m.query(
            'UPDATE outbox_events SET relayed_at = now() WHERE id = ANY($1::bigint[])',
            [rows.map((r) => r.id)],
          );
        }
        return rows.length;
      });
      if (relayed < BATCH || this.stopped) break;
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.db.query(
        `DELETE FROM outbox_events WHERE relayed_at < now() - interval '${KEEP_RELAYED}'`,
      );
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const p = row.payload;
    if (row.topic === 'case_event' && row.case_id) {
      const event: CaseFeedEvent = {
        caseId: row.case_id,
        seq: Number(p['seq']),
        type: String(p['type']),
        actorId: typeof p['actorId'] === 'string' ? p['actorId'] : null,
        fromStage: typeof p['fromStage'] === 'string' ? p['fromStage'] : null,
        toStage: typeof p['toStage'] === 'string' ? p['toStage'] : null,
        payload: isRecord(p['payload']) ? p['payload'] : {},
        at: new Date(String(p['at'])).toISOString(),
      };
      this.gateway.deliverCaseEvent(event);
    } else if (row.topic === 'notification' && row.user_id) {
      const notification: LiveNotification = {
        id: String(p['id']),
        type: String(p['type']),
        caseId: typeof p['caseId'] === 'string' ? p['caseId'] : null,
        payload: isRecord(p['payload']) ? p['payload'] : {},
        createdAt: new Date(String(p['createdAt'])).toISOString(),
        readAt: null,
      };
      this.gateway.deliverNotification(row.user_id, notification);
    } else if (row.topic === 'access') {
      await this.gateway.recheck(
        row.case_id ? { caseId: row.case_id } : { userId: row.user_id ?? '' },
      );
    }
  }

  /** A dedicated connection LISTENs; it reconnects on error while the poll covers the gap. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ msg: 'outbox listener lost; reconnecting', error: error.message });
      if (this.listener === client) this.listener = null;
      setTimeout(() => {
        if (!this.stopped) void this.listen().catch(() => undefined);
      }, POLL_MS).unref();
    });
    await client.connect();
    await client.query('LISTEN vigil_outbox');
    if (this.stopped) await client.end();
    else this.listener = client;
  }
}

function isRecord(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
