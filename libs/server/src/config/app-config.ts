import { z } from 'zod';
import { DATA_KEY_FORMAT, parseDataKeyList } from '../common/crypto/data-keys.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

// The keys are checked here for form only; that each is the right key is checked against the
// database at start (DataKeyCheck). A problem names the entry, never echoes key material.
const dataKeyList = z
  .string({ message: `is required: ${DATA_KEY_FORMAT}` })
  .superRefine((value, ctx) => {
    const parsed = parseDataKeyList(value);
    if ('problem' in parsed)
      ctx.addIssue({ code: 'custom', message: `${DATA_KEY_FORMAT} (${parsed.problem})` });
  });

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

/** Every setting Vigil reads from the environment, with its default. README lists them. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ message: 'is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection string' }),
  HOST: z.string().min(1).default('localhost'),
  PORT: int(0, 65535).default(3000),
  JWT_SECRET: z
    .string({ message: 'is required: at least 32 random characters' })
    .min(32, { message: 'must be at least 32 characters' }),
  ACCESS_TOKEN_TTL_SECONDS: int(30, 3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: int(1, 90).default(14),
  /** The absolute lifetime of a session (one sign-in): refreshing cannot extend it. */
  SESSION_MAX_HOURS: int(1, 720).default(12),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins (https://host)' }))),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  LOGIN_RATE_LIMIT: int(1, 10000).default(10),
  LOGIN_RATE_WINDOW_SECONDS: int(1, 3600).default(60),
  /** Failed sign-ins from one address on one account before that address must wait. */
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  /** The first wait after LOGIN_MAX_FAILURES; it doubles with each further failure. */
  LOGIN_DELAY_SECONDS: int(1, 3600).default(30),
  /** The longest wait between two attempts from one address on one account. */
  LOGIN_DELAY_MAX_SECONDS: int(1, 86_400).default(900),
  /** Failures older than this are forgotten (delays and the count toward a hard lock). */
  LOGIN_FAILURE_WINDOW_MINUTES: int(1, 43_200).default(1440),
  /** A hard lock needs failures from at least this many addresses (an IPv6 /64 is one)… */
  LOGIN_LOCK_ADDRESSES: int(2, 10_000).default(10),
  /** …and at least this many failures in all, within the failure window. */
  LOGIN_LOCK_FAILURES: int(2, 100_000).default(50),
  /** How long a hard lock lasts (an administrator may lift it sooner). */
  LOGIN_LOCK_MINUTES: int(1, 10_080).default(60),
  TRUST_PROXY: bool.default(false),
  DB_POOL_SIZE: int(1, 200).default(10),
  /** Where attachments are kept on disk; unset keeps them in PostgreSQL. */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_BYTES: int(1024, 1024 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Rows in one CSV export of the information database, at most. */
  EXPORT_MAX_ROWS: int(1, 1_000_000).default(10_000),
  /** Whether this api relays the outbox to its sockets (off only to test delivery by another). */
  OUTBOX_RELAY: bool.default(true),
  /** Largest Socket.IO message accepted, in bytes. */
  SOCKET_MAX_MESSAGE_BYTES: int(1024, 16 * 1024 * 1024).default(1024 * 1024),
  /** Largest Yjs update accepted for a document, in bytes (refused, connection kept). */
  DOC_UPDATE_MAX_BYTES: int(1024, 16 * 1024 * 1024).default(256 * 1024),
  /** Window of the drafting traffic limits below, in seconds (per person and per socket). */
  DOC_TRAFFIC_WINDOW_SECONDS: int(1, 3600).default(10),
  /** `doc:sync` messages one person (and one socket) may send per window. */
  DOC_SYNC_MESSAGES_PER_WINDOW: int(1, 1_000_000).default(200),
  /** Bytes of `doc:sync` messages one person (and one socket) may send per window. */
  DOC_SYNC_BYTES_PER_WINDOW: int(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  /** `doc:awareness` messages (carets, presence) one person (and one socket) may send per window. */
  DOC_AWARENESS_PER_WINDOW: int(1, 1_000_000).default(100),
  /** How long a document with no connection stays in memory, in milliseconds. */
  DOC_IDLE_UNLOAD_MS: int(0, 24 * 3600 * 1000).default(60_000),
  /**
   * Documents within bounds (issue 15; docs/security.md "Limits"): the largest a document's Yjs
   * state may grow, in bytes, and how many nodes (elements and text runs) it may hold. An update
   * that would pass either is refused before it is stored or sent to anyone.
   */
  DOC_MAX_BYTES: int(64 * 1024, 256 * 1024 * 1024).default(4 * 1024 * 1024),
  DOC_MAX_NODES: int(100, 10_000_000).default(20_000),
  /**
   * Diffs and PDFs run in a pool of worker threads (RENDER_THREADS; unset, the cores less one,
   * from 1 to 4), each within a time budget (RENDER_TIME_BUDGET_MS, past it 422) and a size budget
   * (RENDER_MAX_CHARS of version text or HTML, past it 413); at most RENDER_QUEUE_MAX wait for a
   * thread, more answer 503.
   */
  RENDER_THREADS: int(1, 64).optional(),
  RENDER_TIME_BUDGET_MS: int(10, 600_000).default(20_000),
  RENDER_MAX_CHARS: int(1000, 256 * 1024 * 1024).default(4_000_000),
  RENDER_QUEUE_MAX: int(0, 10_000).default(16),
  /**
   * Redis (redis://host:port): when set, Socket.IO fans out through Redis and rate limits are
   * shared there; unset, the fan-out goes through PostgreSQL and limits are kept per instance.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /**
   * The group of api instances that share their sockets: the NOTIFY channel (or Redis key) their
   * fan-out uses. Instances on one database with the same name reach each other's sockets.
   */
  SOCKET_CLUSTER: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, { message: 'must be 1–40 of a-z, 0-9, _ and -' })
    .default('vigil'),
  /** Seconds a socket whose access token expired has to send a fresh one before it is closed. */
  SOCKET_RENEW_GRACE_SECONDS: int(1, 600).default(30),
  /** Open sockets one person may hold at once across every instance (tabs, devices). */
  SOCKETS_PER_USER_MAX: int(1, 1000).default(20),
  /** Writes (POST, PUT, PATCH, DELETE) one person may make per window, sign-in aside. */
  WRITE_RATE_LIMIT: int(1, 100_000).default(600),
  WRITE_RATE_WINDOW_SECONDS: int(1, 3600).default(60),
  /**
   * Creations one person may make in the last minute and in the last hour, per kind, counted from
   * the database (so across instances and restarts): situations, information items, attachments
   * and escalation proposals (README, "Limits").
   */
  CREATE_CASES_PER_MINUTE: int(1, 1_000_000).default(10),
  CREATE_CASES_PER_HOUR: int(1, 1_000_000).default(30),
  CREATE_ITEMS_PER_MINUTE: int(1, 1_000_000).default(30),
  CREATE_ITEMS_PER_HOUR: int(1, 1_000_000).default(300),
  CREATE_ATTACHMENTS_PER_MINUTE: int(1, 1_000_000).default(30),
  CREATE_ATTACHMENTS_PER_HOUR: int(1, 1_000_000).default(300),
  CREATE_PROPOSALS_PER_MINUTE: int(1, 1_000_000).default(5),
  CREATE_PROPOSALS_PER_HOUR: int(1, 1_000_000).default(20),
  /** Bytes of attachments one information item may hold, in total. */
  ATTACHMENT_QUOTA_ITEM_BYTES: int(1024, 2 ** 50).default(100 * 1024 * 1024),
  /** Bytes of attachments one person may have added, in total. */
  ATTACHMENT_QUOTA_PERSON_BYTES: int(1024, 2 ** 50).default(2 * 1024 ** 3),
  /** Bytes of attachments the whole deployment may hold (keep it below the free space). */
  ATTACHMENT_QUOTA_TOTAL_BYTES: int(1024, 2 ** 50).default(50 * 1024 ** 3),
  /**
   * HTTP timeouts, in milliseconds (README, "Limits"): the request line and headers must arrive
   * within HTTP_HEADERS_TIMEOUT_MS; a body must start within HTTP_BODY_TIMEOUT_MS and keep
   * arriving at HTTP_BODY_MIN_BYTES_PER_SECOND or more (each such amount buys a second more);
   * the whole request within HTTP_REQUEST_TIMEOUT_MS. Each answers 408 and closes the
   * connection. A connection silent both ways for HTTP_IDLE_TIMEOUT_MS is closed, as is a
   * kept-alive one with no new request for HTTP_KEEP_ALIVE_TIMEOUT_MS.
   */
  HTTP_HEADERS_TIMEOUT_MS: int(100, 600_000).default(15_000),
  HTTP_BODY_TIMEOUT_MS: int(100, 600_000).default(10_000),
  HTTP_BODY_MIN_BYTES_PER_SECOND: int(1, 100 * 1024 * 1024).default(4096),
  HTTP_REQUEST_TIMEOUT_MS: int(100, 3_600_000).default(300_000),
  HTTP_IDLE_TIMEOUT_MS: int(100, 3_600_000).default(120_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 600_000).default(72_000),
  /**
   * Open connections one client address may hold at once (0: no cap). Unset, 128 — or no cap
   * with TRUST_PROXY, where every connection comes from the proxy (cap clients there).
   */
  HTTP_CONNECTIONS_PER_ADDRESS: int(0, 1_000_000).optional(),
  /** SMTP server for notification e-mail (smtp://user:pass@host:port); unset sends none. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  SMTP_FROM: z.string().min(3).default('Vigil <vigil@localhost>'),
  /** E-mails one person receives per hour at most; the rest wait (urgent kinds first). */
  EMAIL_PER_RECIPIENT_PER_HOUR: int(1, 10_000).default(20),
  /** The address people open Vigil at, for links in e-mail (default http://HOST:PORT). */
  PUBLIC_URL: z.url({ message: 'must be a URL (https://vigil.example.org)' }).optional(),
  /**
   * The keys that encrypt source identities at rest: `id:base64key`, comma-separated, the first
   * encrypts new values (docs/security.md). Required by the api and the command line; the worker
   * never reads a source and loads its configuration with `dataKey: 'optional'`.
   */
  VIGIL_DATA_KEY: dataKeyList.optional(),
});

/** Validated configuration. */
export type AppConfig = z.infer<typeof schema>;

/** Raised at start when a variable is missing or malformed; the message names each one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Options of loadConfig. */
export interface LoadConfigOptions {
  /** VIGIL_DATA_KEY: required (api, command line; the default) or optional (the worker). */
  dataKey?: 'required' | 'optional';
}

/** Reads and validates configuration from `env`; throws ConfigError naming every bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  const required = (options.dataKey ?? 'required') === 'required';
  const parsed = (required ? schema.extend({ VIGIL_DATA_KEY: dataKeyList }) : schema).safeParse(
    env,
  );
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
