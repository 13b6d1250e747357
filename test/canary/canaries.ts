import { randomBytes } from 'node:crypto';

/**
 * The canary registry and the scanner of the canary test (issue 14 item 2).
 *
 * A canary is a unique word planted in one text field of one record. It is found in any answer
 * by its key: `cnry` and 8 hex digits, case-insensitively (so a lowercased copy, a tsvector or a
 * truncated tail still counts). Source ids are canaries too (matched as UUIDs), and so are the
 * writers' passwords and tokens, which are looked for in the log files only.
 */

/** Who may read something, in the canary's terms: a probe's name. */
export type ProbeName = string;

/** What is searched for in an answer. */
export type CanaryMatch = 'word' | 'id' | 'secret';

export interface Canary {
  /** The planted text (a word for `word`, the id, or the secret). */
  word: string;
  /** How it is found: the lowercased `cnry` key, the lowercased id, or the secret as is. */
  key: string;
  match: CanaryMatch;
  /** The kind of record that holds it (case, item, source…). */
  kind: string;
  /** The field it was planted in. */
  field: string;
  /** The record's id, when known. */
  recordId: string | null;
  /** The situation the record belongs to (SC, CONF…), or null. */
  situation: string | null;
  /** The probes who may read it (writers always may). */
  readers: Set<ProbeName>;
  /** Secrets are checked in the log files only (any probe reading its own token is no leak). */
  logsOnly: boolean;
  /** Locations (channel|JSON path) where this canary is no leak for anyone (e.g. an audit entityId). */
  exemptAt: RegExp | null;
  /** The step of the fixture that planted it. */
  phase: string;
  /** Not expected to be readable by anyone (e.g. an update the server must refuse). */
  neverStored: boolean;
}

const KEY = /cnry[0-9a-f]{8}/gi;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A situation's reference (SIT-2026-0001): it names the situation to whoever reads it. */
const REFERENCE = /SIT-\d{4}-\d{4,}/gi;
/** A word that no record holds: the search oracle's baseline (its key is never registered). */
export const ABSENT_WORD = 'CNRY00000000Absent';

/** One canary found somewhere. */
export interface Hit {
  canary: Canary;
  /** JSON path, or `offset N` / `line N` in a text. */
  at: string;
}

export class CanaryRegistry {
  private readonly byKey = new Map<string, Canary>();
  private readonly secrets: Canary[] = [];
  phase = 'setup';

  get all(): Canary[] {
    return [...this.byKey.values(), ...this.secrets];
  }

  /** A fresh canary word for `kind.field`, e.g. CNRY1a2b3c4dItemTitle. */
  word(
    kind: string,
    field: string,
    where: { situation: string | null; recordId?: string | null; readers: Iterable<ProbeName> },
    options: { neverStored?: boolean } = {},
  ): Canary {
    for (;;) {
      const hex = randomBytes(4).toString('hex');
      const key = `cnry${hex}`;
      if (this.byKey.has(key) || key === ABSENT_WORD.slice(0, 12).toLowerCase()) continue;
      const canary: Canary = {
        word: `CNRY${hex}${pascal(kind)}${pascal(field)}`,
        key,
        match: 'word',
        kind,
        field,
        recordId: where.recordId ?? null,
        situation: where.situation,
        readers: new Set(where.readers),
        logsOnly: false,
        exemptAt: null,
        phase: this.phase,
        neverStored: options.neverStored ?? false,
      };
      this.byKey.set(key, canary);
      return canary;
    }
  }

  /** An id (a source's, a situation's reference) that only some may see; `exemptAt` where anyone may. */
  id(
    kind: string,
    id: string,
    where: { situation: string | null; readers: Iterable<ProbeName> },
    exemptAt: RegExp | null,
  ): Canary {
    const canary: Canary = {
      word: id,
      key: id.toLowerCase(),
      match: 'id',
      kind,
      field: /^SIT-/i.test(id) ? 'reference' : 'id',
      recordId: id,
      situation: where.situation,
      readers: new Set(where.readers),
      logsOnly: false,
      exemptAt,
      phase: this.phase,
      neverStored: false,
    };
    this.byKey.set(canary.key, canary);
    return canary;
  }

  /** A password or token: it must never be in the logs. */
  secret(kind: string, field: string, value: string): Canary {
    const canary: Canary = {
      word: value,
      key: value,
      match: 'secret',
      kind,
      field,
      recordId: null,
      situation: null,
      readers: new Set(),
      logsOnly: true,
      exemptAt: null,
      phase: this.phase,
      neverStored: false,
    };
    if (value.length >= 12 && !this.secrets.some((s) => s.key === value)) this.secrets.push(canary);
    return canary;
  }

  get(key: string): Canary | undefined {
    return this.byKey.get(key.toLowerCase());
  }

  /** The canaries a probe may not read (the search oracle's words). */
  hiddenFrom(probe: ProbeName): Canary[] {
    return [...this.byKey.values()].filter(
      (c) =>
        (c.match === 'word' || c.field === 'reference') && !c.readers.has(probe) && !c.neverStored,
    );
  }

  /** The number of canaries checked in each answer of a channel. */
  countFor(channel: string): number {
    return channel === 'logs'
      ? [...this.byKey.values()].filter((c) => c.match === 'word').length + this.secrets.length
      : this.byKey.size;
  }

  /** Every canary in a text: words by key, ids as UUIDs, and secrets when `withSecrets`. */
  findInText(text: string, withSecrets = false): { canary: Canary; offset: number }[] {
    const found: { canary: Canary; offset: number }[] = [];
    for (const m of text.matchAll(KEY)) {
      const canary = this.byKey.get(m[0].toLowerCase());
      if (canary) found.push({ canary, offset: m.index });
    }
    for (const pattern of [UUID, REFERENCE]) {
      for (const m of text.matchAll(pattern)) {
        const canary = this.byKey.get(m[0].toLowerCase());
        if (canary) found.push({ canary, offset: m.index });
      }
    }
    if (withSecrets) {
      for (const secret of this.secrets) {
        let from = 0;
        for (;;) {
          const at = text.indexOf(secret.key, from);
          if (at < 0) break;
          found.push({ canary: secret, offset: at });
          from = at + 1;
        }
      }
    }
    return found;
  }

  /** Every canary in a JSON value, with its path; base64-looking strings are decoded too. */
  findInJson(value: unknown, path = '$'): Hit[] {
    const hits: Hit[] = [];
    const walk = (v: unknown, p: string) => {
      if (typeof v === 'string') {
        for (const f of this.findInText(v)) hits.push({ canary: f.canary, at: p });
        const decoded = decodeBase64(v);
        if (decoded)
          for (const f of this.findInText(decoded))
            hits.push({ canary: f.canary, at: `${p}(base64)` });
        return;
      }
      if (Array.isArray(v)) {
        v.forEach((x, i) => walk(x, `${p}[${i}]`));
        return;
      }
      if (v && typeof v === 'object') {
        if (v instanceof Uint8Array) {
          for (const f of this.findInBytes(v)) hits.push({ canary: f.canary, at: `${p}@${f.at}` });
          return;
        }
        for (const [k, x] of Object.entries(v)) {
          for (const f of this.findInText(k)) hits.push({ canary: f.canary, at: `${p} (key)` });
          walk(x, `${p}.${k}`);
        }
      }
    };
    walk(value, path);
    return hits;
  }

  /** Every canary in bytes read as UTF-8 and as Latin-1. */
  findInBytes(bytes: Uint8Array): Hit[] {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const seen = new Set<string>();
    const hits: Hit[] = [];
    for (const encoding of ['utf8', 'latin1'] as const) {
      for (const f of this.findInText(buffer.toString(encoding))) {
        if (seen.has(f.canary.key)) continue;
        seen.add(f.canary.key);
        hits.push({ canary: f.canary, at: `byte ~${f.offset}` });
      }
    }
    return hits;
  }
}

function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The text of a base64 (or base64url) string of at least 16 characters, when it decodes to text. */
function decodeBase64(s: string): string | null {
  if (s.length < 16 || s.length > 100_000 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return null;
  const text = Buffer.from(s.replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString(
    'latin1',
  );
  // Only text-like results: printable for the most part.
  const printable = text.replace(/[^\x20-\x7e]/g, '').length;
  return printable >= text.length * 0.8 ? text : null;
}

/** One place a canary reached someone who may not read it. */
export interface Leak {
  channel: string;
  probe: ProbeName;
  /** The route (with its query) or the socket event, or the e-mail / log file. */
  where: string;
  canary: Canary;
  /** JSON path or offset in the answer. */
  at: string;
  /** Received after the probe lost access (deactivation, reclassification). */
  afterCut: boolean;
}

/** What one answer is, for the record: who received it, where, and when (before or after a cut). */
export interface Observation {
  channel: string;
  probe: ProbeName;
  where: string;
  /** Received after the probe lost access (deactivation, reclassification). */
  afterCut: boolean;
  /** Canary keys the probe itself sent in the request (echoing them is no leak). */
  sent?: Set<string>;
}

/** The situations each probe loses access to at its cut (data: see the spec's PROBES). */
export type Losses = Map<ProbeName, Set<string>>;

/** Collects leaks, allowed sightings (the self-check) and the combinations checked. */
export class LeakLedger {
  readonly leaks: Leak[] = [];
  /** canary key → the probes (and writers) who saw it where allowed, with the places (some). */
  readonly seen = new Map<string, Map<ProbeName, string[]>>();
  /** channel → probe → number of answers scanned. */
  readonly scanned = new Map<string, Map<ProbeName, number>>();
  requests = 0;
  private readonly leakKeys = new Set<string>();
  private readonly seenKinds = new Set<string>();

  constructor(
    readonly canaries: CanaryRegistry,
    readonly losses: Losses,
    readonly writers: Set<ProbeName>,
  ) {}

  /** May `probe` read `canary` in an answer observed as `o`? */
  allowed(o: Observation, canary: Canary): boolean {
    if (this.writers.has(o.probe)) return true;
    if (!canary.readers.has(o.probe)) return false;
    if (o.afterCut && canary.situation && this.losses.get(o.probe)?.has(canary.situation))
      return false;
    return true;
  }

  /** Records the hits of one answer. */
  record(o: Observation, hits: Hit[]): void {
    const byChannel = this.scanned.get(o.channel) ?? new Map<ProbeName, number>();
    this.scanned.set(o.channel, byChannel);
    byChannel.set(o.probe, (byChannel.get(o.probe) ?? 0) + 1);
    for (const hit of hits) {
      const c = hit.canary;
      if (c.logsOnly && o.channel !== 'logs') continue;
      if (o.sent?.has(c.key)) continue;
      if (c.exemptAt?.test(`${o.channel}|${hit.at}`)) continue;
      if (this.allowed(o, c)) {
        const who = this.seen.get(c.key) ?? new Map<ProbeName, string[]>();
        this.seen.set(c.key, who);
        const places = who.get(o.probe) ?? [];
        who.set(o.probe, places);
        // One place per channel, route and kind of place: enough to show each was read.
        const kind = `${c.key}|${o.probe}|${o.channel} ${templateOf(o.where)} ${hit.at.replace(/\d+/g, 'N')}`;
        if (!this.seenKinds.has(kind)) {
          this.seenKinds.add(kind);
          places.push(`${o.channel} ${o.where} ${hit.at}`);
        }
        continue;
      }
      const id = `${o.channel}|${o.probe}|${o.where}|${c.key}|${hit.at}`;
      if (this.leakKeys.has(id)) continue;
      this.leakKeys.add(id);
      this.leaks.push({
        channel: o.channel,
        probe: o.probe,
        where: o.where,
        canary: c,
        at: hit.at,
        afterCut: o.afterCut && Boolean(this.losses.get(o.probe)?.size),
      });
    }
  }

  /** Where `probe` saw `canary` where allowed (none: never). */
  sawAllowed(probe: ProbeName, canary: Canary): string[] {
    return this.seen.get(canary.key)?.get(probe) ?? [];
  }

  /** (channel, probe, canary) combinations checked: every canary in every answer of a pair. */
  combinations(): number {
    let n = 0;
    for (const [channel, probes] of this.scanned)
      n += probes.size * this.canaries.countFor(channel);
    return n;
  }

  leaksOf(channel: string): Leak[] {
    return this.leaks.filter((l) => l.channel === channel);
  }
}

/** `channel | probe | route | canary (kind.field) | where`, one line per leak, grouped. */
export function formatLeaks(leaks: Leak[], max = 400): string {
  // Group repetitions of one leak that differ only in ids, indexes or query values.
  const groups = new Map<string, { leak: Leak; count: number }>();
  for (const leak of leaks) {
    const key = [
      leak.channel,
      leak.probe,
      templateOf(leak.where),
      `${leak.canary.kind}.${leak.canary.field}`,
      leak.canary.situation,
      leak.afterCut,
      leak.at.replace(/\[\d+\]/g, '[*]').replace(/~?\d+/g, 'N'),
    ].join('|');
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { leak, count: 1 });
  }
  const lines = [...groups.values()]
    .sort((a, b) =>
      `${a.leak.channel}${a.leak.probe}${a.leak.where}`.localeCompare(
        `${b.leak.channel}${b.leak.probe}${b.leak.where}`,
      ),
    )
    .map(
      ({ leak, count }) =>
        `${leak.channel} | ${leak.probe}${leak.afterCut ? ' (after losing access)' : ''} | ${leak.where} | ${leak.canary.word} (${leak.canary.situation ?? '-'} ${leak.canary.kind}.${leak.canary.field}) | ${leak.at}${count > 1 ? ` (×${count} alike)` : ''}`,
    );
  const shown = lines.slice(0, max);
  if (lines.length > max) shown.push(`… and ${lines.length - max} more groups`);
  return shown.join('\n');
}

/** A route or event with its ids and canary words replaced, for grouping. */
export function templateOf(where: string): string {
  return where
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/CNRY[0-9a-f]{8}[A-Za-z]*/g, ':canary')
    .replace(/=[^&\s]+/g, '=…');
}
