import { DomainError } from '@vigil/domain';
import { type AppConfig, toErrorResponse } from '@vigil/server';
import type { FastifyInstance } from 'fastify';
import { type Server, STATUS_CODES } from 'node:http';
import { isIPv6, type Socket } from 'node:net';
import type { Logger } from 'pino';

/** Connections one client address may hold at once when HTTP_CONNECTIONS_PER_ADDRESS is unset. */
export const DEFAULT_CONNECTIONS_PER_ADDRESS = 128;

/**
 * How long a client may take, as options of Fastify and of Node's HTTP server (README, "Limits"):
 * the request line and headers within HTTP_HEADERS_TIMEOUT_MS, the whole request within
 * HTTP_REQUEST_TIMEOUT_MS (Node answers 408 through `clientErrorHandler`), a connection silent
 * both ways for HTTP_IDLE_TIMEOUT_MS closed, a kept-alive one with no new request closed after
 * HTTP_KEEP_ALIVE_TIMEOUT_MS. Node checks the first two every `connectionsCheckingInterval`, so
 * that interval is kept well below them. A WebSocket leaves all of these at its upgrade (`ws`
 * clears the socket's timeout; the HTTP parser, which the request timeouts watch, is released).
 */
export function httpTimeoutOptions(config: AppConfig) {
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout);
  const timedOut = `The request did not arrive in time (the headers within ${seconds(headersTimeout)}, the whole request within ${seconds(requestTimeout)}). Nothing was done.`;
  return {
    requestTimeout,
    connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      headersTimeout,
      requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
    },
    /** Malformed HTTP, headers too large, or one of Node's timeouts: answered in the API's shape. */
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') answerAndClose(socket, 408, timedOut);
      else if (error.code === 'HPE_HEADER_OVERFLOW')
        answerAndClose(socket, 431, 'The request headers are too large.');
      else answerAndClose(socket, 400, 'The request is not valid HTTP.');
    },
  };
}

/**
 * The body deadline: a request body must start within HTTP_BODY_TIMEOUT_MS and keep arriving at
 * HTTP_BODY_MIN_BYTES_PER_SECOND or more — each such amount received buys one more second — or
 * the request is answered 408 and its connection closed before any handler acts on it. A body
 * trickled a byte at a time is cut within the timeout; a large upload at any usable speed is not
 * (HTTP_REQUEST_TIMEOUT_MS still bounds the whole request). Measured on the socket's byte count,
 * so the body itself is left to whichever parser reads it (JSON or multipart).
 */
export function enforceBodyDeadline(fastify: FastifyInstance, config: AppConfig): void {
  const timeoutMs = config.HTTP_BODY_TIMEOUT_MS;
  const minRate = config.HTTP_BODY_MIN_BYTES_PER_SECOND;
  const message = `The request body arrived too slowly (it must start within ${seconds(timeoutMs)} and keep coming at ${minRate} bytes a second or more). Nothing was done.`;
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    const length = Number(raw.headers['content-length'] ?? 0);
    if (raw.complete || (raw.headers['transfer-encoding'] === undefined && !(length > 0))) {
      done();
      return;
    }
    const socket = raw.socket;
    const startedAt = Date.now();
    const bytesAtStart = socket.bytesRead;
    const check = () => {
      if (raw.complete || socket.destroyed) return;
      const received = socket.bytesRead - bytesAtStart;
      const allowedMs = timeoutMs + (received / minRate) * 1000;
      const elapsedMs = Date.now() - startedAt;
      if (elapsedMs < allowedMs) {
        timer = setTimeout(check, Math.max(10, allowedMs - elapsedMs));
        return;
      }
      request.log.warn({ received, elapsedMs }, 'request body too slow: answered 408');
      answerAndClose(socket, 408, message, reply.raw.headersSent);
    };
    let timer = setTimeout(check, timeoutMs);
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}

/**
 * Caps the connections one client address holds at once (HTTP and WebSocket alike: an upgraded
 * socket stays the connection it was). Wraps the server's own 'connection' listeners, so a
 * refused connection never reaches the HTTP parser: it is answered 429 and closed. IPv6 addresses
 * count by their /64, which one client usually holds whole. Behind a proxy (TRUST_PROXY) every
 * connection comes from the proxy, so the cap is off unless HTTP_CONNECTIONS_PER_ADDRESS is set:
 * cap clients at the proxy instead.
 */
export function capConnectionsPerAddress(server: Server, config: AppConfig, log: Logger): void {
  const cap =
    config.HTTP_CONNECTIONS_PER_ADDRESS ??
    (config.TRUST_PROXY ? 0 : DEFAULT_CONNECTIONS_PER_ADDRESS);
  if (cap <= 0) return;
  const open = new Map<string, number>();
  const message = `Too many open connections from your address (at most ${cap} at once). Close some and try again.`;
  let lastWarning = 0;
  const handlers = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    const key = addressKey(socket.remoteAddress);
    const count = open.get(key) ?? 0;
    if (count >= cap) {
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now();
        log.warn({ address: key, cap }, 'connection refused: too many from one address');
      }
      refuseConnection(socket, message);
      return;
    }
    open.set(key, count + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
    for (const handler of handlers) handler.call(server, socket);
  });
}

/** The key a client address is counted under: IPv4 as it is, IPv6 by its /64. */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const bare = address.split('%')[0] ?? address;
  if (!isIPv6(bare)) return address;
  const [head = '', tail = ''] = bare.split('::');
  const groups = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const left = groups(head);
  const right = bare.includes('::') ? groups(tail) : [];
  const all = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((g: string) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** An error answer in the API's shape, as raw HTTP/1.1 closing the connection. */
function rawAnswer(status: number, message: string, retryAfterSeconds?: number): string {
  const body = JSON.stringify(
    retryAfterSeconds === undefined
      ? toErrorResponse({ statusCode: status, message })
      : toErrorResponse(new DomainError('rate_limited', message, { retryAfterSeconds })),
  );
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    (retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`) +
    `Connection: close\r\n\r\n${body}`
  );
}

/**
 * Writes an error answer straight to the socket and destroys it at once, as Node does for its own
 * client errors: the request being read stops there, so no handler acts on what arrives after.
 * Nothing is written when an answer has already begun on the socket (`answerStarted`).
 */
function answerAndClose(
  socket: Socket,
  status: number,
  message: string,
  answerStarted = responseStarted(socket),
): void {
  if (socket.writable && !answerStarted) socket.write(rawAnswer(status, message));
  socket.destroy();
}

/** Answers a connection no parser reads, then lets the answer leave before closing. */
function refuseConnection(socket: Socket, message: string): void {
  socket.on('error', () => undefined);
  socket.resume(); // read and drop what it sends, so closing does not reset the answer
  socket.end(rawAnswer(429, message, 5));
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Whether an answer is already being written on this socket (Node's own check, `_httpMessage`). */
function responseStarted(socket: Socket): boolean {
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return current?.headersSent === true;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} ${s === 1 ? 'second' : 'seconds'}`;
}
