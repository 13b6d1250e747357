import type { CaseFeedEvent } from '@vigil/domain';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import msgpackParser from 'socket.io-msgpack-parser';

/**
 * The transport floor: a bare Socket.IO server (no Nest, no database) on plain node:http that
 * lets any socket join `case:<id>` and broadcasts events of Vigil's shape to those rooms.
 */
export interface BareServer {
  url: string;
  /** Broadcasts at `ratePerSecond` for `totalMs`, round-robin over the cases; returns what it sent. */
  broadcast(
    caseIds: string[],
    ratePerSecond: number,
    totalMs: number,
  ): Promise<{ caseIdx: number; seq: number; sentAt: number }[]>;
  close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();

export async function startBareServer(port: number): Promise<BareServer> {
  const http = createServer();
  // The same wire format as the api (MessagePack), so the floor compares like with like.
  const io = new Server(http, { path: '/socket.io', serveClient: false, parser: msgpackParser });
  io.on('connection', (socket) => {
    socket.on('case:join', (request: unknown, ack: unknown) => {
      const caseId =
        typeof request === 'object' && request !== null && 'caseId' in request
          ? String(request.caseId)
          : '';
      void socket.join(`case:${caseId}`);
      if (typeof ack === 'function') ack({ ok: true, view: 'office', presence: [] });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const seqs = new Map<string, number>();
  return {
    url: `http://127.0.0.1:${port}`,
    async broadcast(caseIds, ratePerSecond, totalMs) {
      const sent: { caseIdx: number; seq: number; sentAt: number }[] = [];
      const interval = 1000 / ratePerSecond;
      const start = performance.now();
      for (let i = 0; ; i += 1) {
        const due = start + i * interval;
        if (due - start >= totalMs) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const caseIdx = i % caseIds.length;
        const caseId = caseIds[caseIdx] ?? '';
        const seq = (seqs.get(caseId) ?? 0) + 1;
        seqs.set(caseId, seq);
        const sentAt = now();
        const event: CaseFeedEvent = {
          caseId,
          seq,
          type: 'comment.created',
          actorId: '00000000-0000-4000-8000-000000000000',
          fromStage: null,
          toStage: null,
          payload: { commentId: `bare-${i}`, thread: 'internal', parentId: null, sentAt },
          at: new Date(sentAt).toISOString(),
        };
        io.to(`case:${caseId}`).emit('case:event', event);
        sent.push({ caseIdx, seq, sentAt });
      }
      return sent;
    },
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      http.closeAllConnections();
    },
  };
}
