import type { EditorLog } from './collab-protocol.js';
import { dist, type Dist } from './stats.js';

/** What the editors saw of the keystrokes made inside the measurement window. */
export interface Delivery {
  /** Keystrokes made in the window, and deliveries expected: each to every other editor. */
  keystrokes: number;
  expected: number;
  delivered: number;
  /** Expected deliveries that never arrived (after the drain). */
  lost: number;
  /** Per (keystroke, other editor): from the keystroke to its integration in that editor's doc. */
  latency: Dist;
  /** Per keystroke: until the last of the other editors had it. */
  untilAll: Dist;
  errors: number;
  disconnects: number;
  firstError: string | null;
}

/** A keystroke's key: its Yjs client id (uint32) and clock (< 2^20 here) in one exact number. */
const key = (client: number, clock: number) => client * 1_048_576 + clock;

/** Merges the workers' logs and matches every delivery to its keystroke. */
export function analyseDelivery(
  logs: EditorLog[],
  window: { start: number; end: number },
  editors: number,
): Delivery {
  const sentAt = new Map<number, number>();
  for (const log of logs) {
    for (let i = 0; i < log.sendAt.length; i += 1) {
      const at = log.sendAt[i] ?? Number.NaN;
      if (at >= window.start && at < window.end)
        sentAt.set(key(log.sendClient[i] ?? 0, log.sendClock[i] ?? 0), at);
    }
  }
  const latencies: number[] = [];
  const last = new Map<number, { at: number; count: number }>();
  for (const log of logs) {
    for (let i = 0; i < log.recvAt.length; i += 1) {
      const k = key(log.recvClient[i] ?? 0, log.recvClock[i] ?? 0);
      const sent = sentAt.get(k);
      if (sent === undefined) continue;
      const at = log.recvAt[i] ?? Number.NaN;
      latencies.push(at - sent);
      const seen = last.get(k);
      if (seen) {
        seen.at = Math.max(seen.at, at);
        seen.count += 1;
      } else last.set(k, { at, count: 1 });
    }
  }
  // "Until all" counts only keystrokes every other editor received (the rest are losses).
  const untilAll: number[] = [];
  for (const [k, sent] of sentAt) {
    const seen = last.get(k);
    if (seen && seen.count === editors - 1) untilAll.push(seen.at - sent);
  }
  const expected = sentAt.size * (editors - 1);
  return {
    keystrokes: sentAt.size,
    expected,
    delivered: latencies.length,
    lost: expected - latencies.length,
    latency: dist(latencies),
    untilAll: dist(untilAll),
    errors: logs.reduce((s, l) => s + l.errors, 0),
    disconnects: logs.reduce((s, l) => s + l.disconnects, 0),
    firstError: logs.find((l) => l.firstError)?.firstError ?? null,
  };
}
