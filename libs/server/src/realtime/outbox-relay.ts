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
import { userReadsCase } from '../authorization/case-readers.sql.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isFrameworkTeamNotice } from '../notifications/notifications.service.js';
import { type OutboxRow, outboxRowsByIds, pruneOutbox, recentOutboxRows } from './outbox.store.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** How often recent rows are read again, in case a NOTIFY was missed (listener reconnecting). */
const POLL_MS = 1000;
/** How far back that poll looks; ids delivered within it are remembered so none goes twice. */
const WINDOW_MS = 5000;
/** How often rows older than the outbox keeps them are deleted. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Relays the outbox to this instance's sockets after commit. PostgreSQL sends the NOTIFY (the new
 * row's id) at commit to every instance's listener, whichever process wrote the row, so an event
 * whose writer died right after committing is still delivered; each instance then reads the row
 * and emits it to its own sockets only. A poll of the last few seconds catches a missed NOTIFY,
 * and a client that was away catches up by sequence number (`GET /api/cases/:id/events?after=`).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Ids announced by NOTIFY and not yet read. */
  private readonly announced = new Set<string>();
  /** Ids delivered recently, with when, so the poll does not deliver them again. */
  private readonly delivered = new Map<string, number>();
  /**
   * Every delivery runs on this one chain, in order: rows read because of a NOTIFY and rows the
   * poll finds never overtake each other (an access re-check delivered before what follows it).
   */
  private chain: Promise<void> = Promise.resolve();
  /** A drain of `announced` is queued on the chain and has not started yet. */
  private drainQueued = false;
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
    this.timer = setInterval(() => {
      void this.poll().catch((error: unknown) =>
        this.logger.error({ msg: 'outbox poll failed', err: error }),
      );
    }, POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Reads and delivers every row announced so far (one query however many NOTIFYs came). */
  private readAnnounced(): void {
    if (this.drainQueued || this.stopped) return;
    this.drainQueued = true;
    void this.serially(async () => {
      this.drainQueued = false;
      while (this.announced.size > 0 && !this.stopped) {
        const ids = [...this.announced];
        this.announced.clear();
        await this.deliverRows(await outboxRowsByIds(this.db, ids));
      }
    }).catch((error: unknown) => this.logger.error({ msg: 'outbox relay failed', err: error }));
  }

  /** Runs `work` after every delivery queued before it. */
  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Delivers the rows of the last few seconds that no NOTIFY brought; prunes old rows. */
  poll(): Promise<void> {
    return this.serially(() => this.pollOnce());
  }

  private async pollOnce(): Promise<void> {
    const now = Date.now();
    for (const [id, at] of this.delivered) if (now - at > 2 * WINDOW_MS) this.delivered.delete(id);
    await this.deliverRows(await recentOutboxRows(this.db, WINDOW_MS / 1000));
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      await pruneOutbox(this.db);
    }
  }

  private async deliverRows(rows: OutboxRow[]): Promise<void> {
    for (const row of rows) {
      if (this.delivered.has(row.id)) continue;
      this.delivered.set(row.id, Date.now());
      await this.deliver(row);
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
    } else if (row.topic === 'notification' && row.user_id && typeof p['withdrawn'] === 'string') {
      this.gateway.deliverWithdrawnNotification(row.user_id, p['withdrawn']);
    } else if (row.topic === 'notification' && row.user_id) {
      const caseId = typeof p['caseId'] === 'string' ? p['caseId'] : null;
      // Pushed only while its reader may still read its case (access may have gone since).
      const payload = isRecord(p['payload']) ? p['payload'] : {};
      const frameworkTeam = isFrameworkTeamNotice(String(p['type']), payload);
      if (
        caseId &&
        this.gateway.hasSocketsOf(row.user_id) &&
        !(await userReadsCase(this.db, row.user_id, caseId, frameworkTeam))
      ) {
        return;
      }
      const notification: LiveNotification = {
        id: String(p['id']),
        type: String(p['type']),
        caseId,
        payload,
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
    client.on('notification', (message) => {
      if (!message.payload) return;
      this.announced.add(message.payload);
      this.readAnnounced();
    });
    client.on('error', (error) => {
      this.logger.warn({ msg: 'outbox listener lost; reconnecting', err: error });
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
