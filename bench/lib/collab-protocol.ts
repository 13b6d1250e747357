/** Messages between bench/collab.ts, its editors' worker threads and its two server processes. */

/** Which server the editors talk to. */
export type Side = 'vigil' | 'peer';

/** One simulated editor: its index in the phase and, for Vigil, its access token. */
export interface EditorSpec {
  index: number;
  token: string;
}

export type EditorsCommand =
  | { type: 'open'; side: Side; url: string; documentId: string; editors: EditorSpec[] }
  /** Every editor types one character every `intervalMs` from `startAt` (wall ms) for `totalMs`. */
  | { type: 'type'; startAt: number; totalMs: number; intervalMs: number }
  /** How many keystrokes (given every sender's count) this worker's editors still lack. */
  | { type: 'missing'; sent: { client: number; count: number }[] }
  | { type: 'collect' }
  | { type: 'close' };

/** Keystrokes made and keystrokes received, column-wise (cheap to post between threads). */
export interface EditorLog {
  /** Per keystroke: the Yjs client id of its editor, its clock (0, 1, …) and the wall ms it was made. */
  sendClient: Float64Array;
  sendClock: Int32Array;
  sendAt: Float64Array;
  /** Per (keystroke, receiving editor): receiver index, sender client id, clock, wall ms integrated. */
  recvEditor: Int32Array;
  recvClient: Float64Array;
  recvClock: Int32Array;
  recvAt: Float64Array;
  /** Updates the server refused or did not acknowledge (Vigil), connection drops (both). */
  errors: number;
  disconnects: number;
  firstError: string | null;
}

export type EditorsReply =
  | { type: 'opened'; ms: number; clients: number[] }
  | { type: 'typed'; sent: { client: number; count: number }[] }
  | { type: 'missing'; missing: number }
  | { type: 'log'; log: EditorLog }
  | { type: 'ok' }
  | { type: 'error'; message: string };

/** What a server process is told to start. */
export interface ServerJob {
  side: Side;
  databaseUrl: string;
  jwtSecret: string;
  port: number;
}

export type ServerCommand = { type: 'window-start' } | { type: 'window-end' } | { type: 'stop' };

/** A server process's own view of one measured window. */
export interface ServerWindow {
  /** CPU seconds of the whole server process (all its threads) over the window. */
  cpuSeconds: number;
  wallSeconds: number;
  /** Event-loop utilisation of its main thread and event-loop delay percentiles (ms). */
  elu: number;
  delayP50: number;
  delayP99: number;
  /** Resident set and V8 heap in MiB: before editors connected, and the peak sampled in the window. */
  rssBaseMiB: number;
  rssPeakMiB: number;
  heapBaseMiB: number;
  heapPeakMiB: number;
  /** Vigil: each update's handler from arrival to broadcast, and the PostgreSQL append inside it (ms). */
  handlerMs: number[];
  appendMs: number[];
  /** Vigil: mean and max queries waiting for a pooled connection (sampled every 10 ms). */
  poolWaitingAvg: number;
  poolWaitingMax: number;
  /** Peer: times its onStoreDocument hook wrote the document to PostgreSQL, and their durations. */
  stores: number[];
}

export type ServerReply =
  | { type: 'ready'; url: string }
  | { type: 'window'; figures: ServerWindow }
  | { type: 'ok' }
  | { type: 'error'; message: string };
