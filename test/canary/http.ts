/** A small HTTP client over fetch for the canary test: raw bytes kept, every request counted. */

export interface Answer {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  bytes: Buffer;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** A multipart upload of one file in field `file`. */
  file?: { name: string; type: string; content: Buffer };
  headers?: Record<string, string>;
}

export class HttpClient {
  requests = 0;
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, v);
    }
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: FormData | string | undefined;
    if (options.file) {
      const form = new FormData();
      form.append(
        'file',
        new Blob([options.file.content], { type: options.file.type }),
        options.file.name,
      );
      body = form;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    this.requests += 1;
    const res = await fetch(url, { method, headers, body, redirect: 'manual' });
    const bytes = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? '';
    const text = bytes.toString('utf8');
    let json: unknown;
    if (contentType.includes('json')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      out[k] = v;
    });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    if (setCookie.length) out['set-cookie'] = setCookie.join('\n');
    return { status: res.status, headers: out, contentType, bytes, json, text };
  }

  /** Like `call`, failing with the answer unless the status is `expected`. */
  async must<T = Record<string, unknown>>(
    expected: number | number[],
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<T> {
    const res = await this.call(method, path, options);
    const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
    if (!ok) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 500)}`);
    return res.json as T;
  }
}

/** Runs `tasks` with at most `n` at a time. */
export async function inPool<T>(n: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(n, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next;
      next += 1;
      const task = tasks[i];
      if (task) results[i] = await task();
    }
  });
  await Promise.all(workers);
  return results;
}

/** Waits until `check` resolves truthy, polling; fails naming `what` after `ms`. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(
        `timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
