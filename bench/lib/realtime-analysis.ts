import { dist, type Dist } from './stats.js';
import type { Receipts } from './realtime-protocol.js';

/** One event that should reach every client of its case, with the times known for it (wall-clock ms). */
export interface ExpectedEvent {
  caseIdx: number;
  seq: number;
  /** Where latency is measured from: outbox_events.created_at (Vigil) or the emit (bare server). */
  originAt: number;
  /** Commit, as seen by a LISTEN connection outside the api (Vigil only). */
  commitAt?: number;
  /** When the api's gateway emitted it to the room (Vigil only). */
  emitAt?: number;
}

/** Delivery figures of one phase. */
export interface Delivery {
  events: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  wrongCase: number;
  disconnects: number;
  /** originAt → client receive, one value per first delivery. */
  latency: Dist;
  /** Vigil only: created_at → commit (NOTIFY seen), commit → gateway emit, emit → receive, commit → receive. */
  createdToCommit?: Dist;
  commitToEmit?: Dist;
  emitToReceive?: Dist;
  commitToReceive?: Dist;
}

/**
 * Matches receipts to the events of the window: every event must reach each of the
 * `perCase` clients of its case (client c works case c % cases) exactly once.
 */
export function analyseDelivery(
  events: ExpectedEvent[],
  receipts: Receipts,
  cases: number,
  perCase: number,
): Delivery {
  const keyOf = (caseIdx: number, seq: number) => caseIdx * 10_000_000 + seq;
  const byKey = new Map<number, number>();
  events.forEach((e, i) => byKey.set(keyOf(e.caseIdx, e.seq), i));
  const firstAt = new Map<number, number>(); // event index * 1000 + client → first receive time
  let duplicates = 0;
  for (let r = 0; r < receipts.seq.length; r += 1) {
    const i = byKey.get(keyOf(receipts.caseIdx[r] ?? -1, receipts.seq[r] ?? -1));
    if (i === undefined) continue; // warm-up or drain, outside the window
    const slot = i * 1000 + (receipts.client[r] ?? 0);
    const at = receipts.receivedAt[r] ?? Number.NaN;
    const seen = firstAt.get(slot);
    if (seen === undefined) firstAt.set(slot, at);
    else {
      duplicates += 1;
      if (at < seen) firstAt.set(slot, at);
    }
  }
  const latency: number[] = [];
  const emitToReceive: number[] = [];
  const commitToReceive: number[] = [];
  let delivered = 0;
  events.forEach((e, i) => {
    for (let k = 0; k < perCase; k += 1) {
      const client = e.caseIdx + k * cases;
      const at = firstAt.get(i * 1000 + client);
      if (at === undefined) continue;
      delivered += 1;
      latency.push(at - e.originAt);
      if (e.emitAt !== undefined) emitToReceive.push(at - e.emitAt);
      if (e.commitAt !== undefined) commitToReceive.push(at - e.commitAt);
    }
  });
  const expected = events.length * perCase;
  const withCommit = events.filter((e) => e.commitAt !== undefined);
  const vigil = withCommit.length > 0;
  return {
    events: events.length,
    expected,
    delivered,
    lost: expected - delivered,
    duplicates,
    wrongCase: receipts.wrongCase,
    disconnects: receipts.disconnects,
    latency: dist(latency),
    ...(vigil
      ? {
          createdToCommit: dist(withCommit.map((e) => (e.commitAt ?? 0) - e.originAt)),
          commitToEmit: dist(
            withCommit
              .filter((e) => e.emitAt !== undefined)
              .map((e) => (e.emitAt ?? 0) - (e.commitAt ?? 0)),
          ),
          emitToReceive: dist(emitToReceive),
          commitToReceive: dist(commitToReceive),
        }
      : {}),
  };
}
