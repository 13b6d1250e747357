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
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 1440).default(15),
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
  /** How long a document with no connection stays in memory, in milliseconds. */
  DOC_IDLE_UNLOAD_MS: int(0, 24 * 3600 * 1000).default(60_000),
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
  /** SMTP server for notification e-mail (smtp://user:pass@host:port); unset sends none. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  SMTP_FROM: z.string().min(3).default('Vigil <vigil@localhost>'),
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
