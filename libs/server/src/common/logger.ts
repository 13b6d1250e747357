import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * The process's one pino logger: structured JSON lines. Fastify logs every request through it
 * with its request id; Nest's own messages go through PinoNestLogger below.
 */
export function createRootLogger(
  config: { LOG_LEVEL: string },
  name: string,
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    name,
    level: config.LOG_LEVEL,
    // Paths only: query strings carry search words and names (a source looked up by name must
    // never reach a log line).
    serializers: { req: serializeRequest, err: serializeError, error: serializeError },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        // Anything else logged with a request's headers (@fastify/multipart at trace level logs
        // the options it gives busboy, headers included).
        '*.headers.authorization',
        '*.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'password',
        '*.password',
        'refreshToken',
        '*.refreshToken',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** A request as log lines show it: method, path without its query string, host and address. */
export function serializeRequest(req: LoggedRequest): Record<string, string | undefined> {
  return {
    method: req.method,
    url: req.url?.split('?')[0],
    host: req.host,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
  };
}

/**
 * An error as log lines show it: its kind, code, constraint and stack, with every quoted value
 * taken out of the message ('invalid input syntax for type uuid: "…"', a driver error echoing a
 * title). Only the fields listed are kept: a database error's statement, parameters and detail
 * (which quote the values) never reach a log line.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const fields = error as Error & Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: error.name,
    message: scrub(error.message),
    stack: error.stack
      ?.split('\n')
      .map((line, n) => (n === 0 ? `${error.name}: ${scrub(error.message)}` : line))
      .join('\n'),
  };
  for (const key of ['code', 'constraint', 'table', 'column', 'routine', 'severity']) {
    if (typeof fields[key] === 'string') out[key] = fields[key];
  }
  if (error.cause instanceof Error) out.cause = serializeError(error.cause);
  return out;
}

/** A message without the values quoted in it. */
function scrub(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\([^()]*\)=\([^()]*\)/g, '"…"');
}

/** Routes Nest's Logger calls into pino, keeping the context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // The level comes from LOG_LEVEL.
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ): void {
    const context =
      typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
}
