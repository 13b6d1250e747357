import type { Worker } from 'node:worker_threads';
import type { WaitProfile } from './realtime-sampling.js';

/** Messages between bench/realtime.ts and its two worker threads. */

/** Every `case:event` the clients received, column-wise (cheap to post between threads). */
export interface Receipts {
  /** Index of the receiving client (0–199). */
  client: Int32Array;
  /** Index of the event's case in the worker's case list (-1: unknown case). */
  caseIdx: Int32Array;
  seq: Int32Array;
  /** Wall-clock ms (performance.timeOrigin + now()) when the client's handler ran. */
  receivedAt: Float64Array;
  /** The bare server's emit time carried in the payload; NaN for Vigil's events. */
  sentAt: Float64Array;
  /** Events that arrived on a socket joined to another case. */
  wrongCase: number;
  /** Sockets that disconnected while measuring. */
  disconnects: number;
}

export type ClientsCommand =
  | { type: 'connect'; url: string; clients: { token: string; caseId: string }[] }
  | { type: 'reset' }
  | { type: 'count' }
  | { type: 'collect' }
  | { type: 'disconnect' };

export type ClientsReply =
  | { type: 'connected'; ms: number }
  | { type: 'ok' }
  | { type: 'count'; received: number }
  | { type: 'receipts'; receipts: Receipts }
  | { type: 'error'; message: string };

/** One write the load generator sent. */
export interface WriteRecord {
  caseIdx: number;
  kind: 'comment' | 'review';
  /** The comment's id (from the answer) or the review's unique note: finds its event. */
  key: string;
  /** Wall-clock ms at send and at the answer. */
  sentAt: number;
  answeredAt: number;
  status: number;
}

/** A NOTIFY seen by the load worker's own listener: the outbox row id and when it arrived. */
export interface NotifySeen {
  id: string;
  at: number;
}

export interface LoadJob {
  baseUrl: string;
  databaseUrl: string;
  /** Per case (same order as the clients' list): its id and the tokens of members who write. */
  cases: { caseId: string; writerTokens: string[] }[];
}

export type LoadCommand = {
  type: 'phase';
  tag: string;
  ratePerSecond: number;
  /** pg_stat_activity is sampled from warmupMs to totalMs. */
  warmupMs: number;
  totalMs: number;
};

export type LoadReply =
  | { type: 'ready' }
  | {
      type: 'done';
      writes: WriteRecord[];
      notifies: NotifySeen[];
      /** Writes not sent because 64 were already in flight (the api could not keep up). */
      skipped: number;
      /** Writes answered with an error (or not at all). */
      errors: number;
      firstError: string | null;
      /** Backends' states over the window. */
      waits: WaitProfile | null;
    }
  | { type: 'error'; message: string };

/** Posts one command and resolves with the worker's next answer (one at a time per worker). */
export function ask<Reply extends { type: string }>(
  worker: Worker,
  command: unknown,
  timeoutMs = 60_000,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`worker did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (reply: Reply) => {
      cleanup();
      if (reply.type === 'error')
        reject(new Error((reply as { message?: string }).message ?? 'worker error'));
      else resolve(reply);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(command);
  });
}
