import { connectRealtime, type CaseFeedEvent, type RealtimeSocket } from '@vigil/client';
import { parentPort, workerData } from 'node:worker_threads';
import type { ClientsCommand, ClientsReply, Receipts } from './realtime-protocol.js';

/**
 * The 200 Socket.IO clients, in their own thread so that parsing what they receive does not share
 * the api's event loop. Each records (client, case, seq, receive time) for every `case:event`.
 */

const { caseIds } = workerData as { caseIds: string[] };
const caseIndex = new Map(caseIds.map((id, i) => [id, i]));
const port = parentPort;
if (!port) throw new Error('run as a worker thread');

/** Wall-clock milliseconds with sub-millisecond precision (comparable across threads). */
const now = () => performance.timeOrigin + performance.now();

let sockets: RealtimeSocket[] = [];
let disconnects = 0;
let wrongCase = 0;
let client: number[] = [];
let cases: number[] = [];
let seqs: number[] = [];
let received: number[] = [];
let sentAt: number[] = [];

function reset(): void {
  client = [];
  cases = [];
  seqs = [];
  received = [];
  sentAt = [];
  wrongCase = 0;
  disconnects = 0;
}

function onEvent(index: number, expectedCase: number, event: CaseFeedEvent): void {
  const at = now();
  const c = caseIndex.get(event.caseId) ?? -1;
  if (c !== expectedCase) wrongCase += 1;
  client.push(index);
  cases.push(c);
  seqs.push(event.seq);
  received.push(at);
  const sent = event.payload['sentAt'];
  sentAt.push(typeof sent === 'number' ? sent : Number.NaN);
}

async function connectOne(
  url: string,
  token: string,
  caseId: string,
  index: number,
): Promise<RealtimeSocket> {
  const socket = connectRealtime({ url, token: () => token, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${index}: connect timeout`)), 15_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(new Error(`client ${index}: ${e.message}`));
    });
  });
  const expected = caseIndex.get(caseId) ?? -1;
  socket.on('case:event', (event) => onEvent(index, expected, event));
  socket.on('disconnect', () => {
    disconnects += 1;
  });
  const ack = await socket.timeout(15_000).emitWithAck('case:join', { caseId });
  if (!ack.ok) throw new Error(`client ${index}: join refused: ${ack.error}`);
  return socket;
}

async function handle(command: ClientsCommand): Promise<ClientsReply> {
  switch (command.type) {
    case 'connect': {
      const t0 = performance.now();
      const opened: RealtimeSocket[] = [];
      // Batches of 20: a burst of 200 handshakes is not what is being measured.
      for (let i = 0; i < command.clients.length; i += 20) {
        const batch = command.clients.slice(i, i + 20);
        const settled = await Promise.allSettled(
          batch.map((c, j) => connectOne(command.url, c.token, c.caseId, i + j)),
        );
        for (const s of settled) if (s.status === 'fulfilled') opened.push(s.value);
        const failed = settled.find((s) => s.status === 'rejected');
        if (failed) {
          for (const s of opened) s.disconnect();
          throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
        }
      }
      sockets = opened;
      reset();
      return { type: 'connected', ms: performance.now() - t0 };
    }
    case 'reset':
      reset();
      return { type: 'ok' };
    case 'count':
      return { type: 'count', received: received.length };
    case 'collect': {
      const receipts: Receipts = {
        client: Int32Array.from(client),
        caseIdx: Int32Array.from(cases),
        seq: Int32Array.from(seqs),
        receivedAt: Float64Array.from(received),
        sentAt: Float64Array.from(sentAt),
        wrongCase,
        disconnects,
      };
      return { type: 'receipts', receipts };
    }
    case 'disconnect': {
      for (const s of sockets) {
        s.removeAllListeners('disconnect');
        s.disconnect();
      }
      sockets = [];
      return { type: 'ok' };
    }
  }
}

port.on('message', (command: ClientsCommand) => {
  handle(command)
    .then((reply) => port.postMessage(reply))
    .catch((e: unknown) =>
      port.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
      } satisfies ClientsReply),
    );
});
