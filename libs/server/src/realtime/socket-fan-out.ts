import { Inject, Injectable, Logger } from '@nestjs/common';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../config/redis-connection.js';

/**
 * Messages between api instances (never sent to a browser). Bytes travel as base64 so that a
 * small message fits in one PostgreSQL NOTIFY instead of a row in socket_io_attachments.
 */
export interface InterServerEvents {
  /** Updates of a document another instance has stored: inline when small, else their seqs. */
  'doc:stored': (notice: StoredNotice) => void;
  /** An awareness message (carets, names) from an editor on another instance. */
  'doc:awareness': (notice: { documentId: string; message: string }) => void;
}

export type StoredNotice =
  { documentId: string; update: string } | { documentId: string; seqs: string[] };

type AdapterFactory = ServerOptions['adapter'];

/**
 * How api instances reach each other's sockets (docs/architecture.md §14, docs/deployment.md):
 * through Redis pub/sub when REDIS_URL is set, else through PostgreSQL LISTEN/NOTIFY on the
 * database they already share. Instances with the same SOCKET_CLUSTER form one group.
 */
@Injectable()
export class SocketFanOut {
  private readonly logger = new Logger('SocketFanOut');
  private pool: pg.Pool | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnection,
  ) {}

  /** Which transport the group uses (for logs and the health route). */
  get transport(): 'redis' | 'postgres' {
    return this.redis.client ? 'redis' : 'postgres';
  }

  adapter(): AdapterFactory {
    const cluster = this.config.SOCKET_CLUSTER;
    const errorHandler = (error: unknown) =>
      this.logger.error({ msg: 'socket fan-out error', err: error });
    const publisher = this.redis.duplicate();
    const subscriber = this.redis.duplicate();
    if (publisher && subscriber) {
      return createRedisAdapter(publisher, subscriber, { key: cluster });
    }
    // Its own small pool: one connection stays in LISTEN, the others publish.
    this.pool = new pg.Pool({
      connectionString: this.config.DATABASE_URL,
      max: 3,
      application_name: `vigil-fan-out:${cluster}`,
    });
    this.pool.on('error', errorHandler);
    // The adapter keeps one client checked out for LISTEN; a pool's error handler does not cover
    // it, and an unhandled 'error' (PostgreSQL restarting) would end the process. The adapter
    // reconnects by itself once that client ends.
    this.pool.on('connect', (client) => client.on('error', errorHandler));
    return createPostgresAdapter(this.pool, {
      channelPrefix: cluster,
      tableName: 'socket_io_attachments',
      errorHandler,
    });
  }

  /** Stops the adapter's timers and connections (the HTTP server is Nest's to close). */
  async close(io: Server): Promise<void> {
    await Promise.resolve(io.of('/').adapter.close()).catch(() => undefined);
    // A LISTEN client that lost its connection is never given back to the pool, and end() would
    // wait for it for ever: give the others a moment, then go on.
    const pool = this.pool;
    this.pool = null;
    if (pool) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        pool.end().catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 2000);
        }),
      ]);
      clearTimeout(timer);
    }
  }
}
