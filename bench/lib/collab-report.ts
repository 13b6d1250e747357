import type { Delivery } from './collab-analysis.js';
import type { ServerWindow, Side } from './collab-protocol.js';
import type { AppendProbe, WaitProfile } from './collab-sampling.js';
import { dist, type Dist, fmt, markdownTable } from './stats.js';

/** One server at one size. */
export interface CollabPhase {
  side: Side;
  editors: number;
  /** Time for the slower editors' thread to connect and sync all its editors. */
  connectMs: number;
  delivery: Delivery;
  server: ServerWindow;
  /** CPU seconds of the server's PostgreSQL backends over the window (null: not visible). */
  dbCpuSeconds: number | null;
  /** Vigil: its backends' states over the window. */
  waits: WaitProfile | null;
  /** Event-loop utilisation of each editors' thread over the window. */
  clientsElu: number[];
  /** Whole machine over the window (all processes, other engineers' included). */
  machineBusy: number;
  steal: number;
  drainMs: number;
  missingAfterDrain: number;
}

export interface CollabContext {
  cpu: string;
  cores: number;
  memoryGiB: string;
  platform: string;
  node: string;
  pg: string;
  loadAtStart: string;
  loadAtEnd: string;
  seconds: number;
  setup: { charsPerSecond: number; warmupMs: number; durationMs: number; editorThreads: number };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : '-');
const mib = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');

/** The terminal summary and the Markdown section for bench/RESULTS.md. */
export function buildCollabReport(
  phases: CollabPhase[],
  probe: AppendProbe,
  ctx: CollabContext,
): { terminal: string; markdown: string } {
  const sizes = [...new Set(phases.map((p) => p.editors))];
  const find = (side: Side, editors: number) =>
    phases.find((p) => p.side === side && p.editors === editors);

  const main = markdownTable(
    [
      'Server',
      'Editors',
      'Keystrokes',
      'Deliveries',
      'Lost',
      'Errors',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'All-editors p95',
      'Server CPU',
      'CPU ms / keystroke',
      'Its PG CPU',
      'Server ELU',
      'RSS peak (idle) MiB',
      'Heap peak MiB',
      "Editors' threads",
      'Machine busy',
    ],
    phases.map((p) => {
      const l = p.delivery.latency;
      const s = p.server;
      return [
        p.side === 'vigil' ? 'Vigil' : 'Hocuspocus',
        String(p.editors),
        String(p.delivery.keystrokes),
        String(p.delivery.delivered),
        String(p.delivery.lost),
        String(p.delivery.errors + p.delivery.disconnects),
        fmt.ms(l.p50),
        fmt.ms(l.p95),
        fmt.ms(l.p99),
        fmt.ms(l.max),
        fmt.ms(p.delivery.untilAll.p95),
        pct(s.cpuSeconds / s.wallSeconds),
        fmt.ms((1000 * s.cpuSeconds) / Math.max(1, p.delivery.keystrokes)),
        p.dbCpuSeconds === null ? '-' : pct(p.dbCpuSeconds / s.wallSeconds),
        pct(s.elu),
        `${mib(s.rssPeakMiB)} (${mib(s.rssBaseMiB)})`,
        mib(s.heapPeakMiB),
        p.clientsElu.map(pct).join(' / '),
        pct(p.machineBusy),
      ];
    }),
  );

  const verdicts: { editors: number; ratio: number; met: boolean }[] = [];
  const ratios = markdownTable(
    [
      'Editors',
      'Vigil p50 / p95 / p99',
      'Peer p50 / p95 / p99',
      'p95 ratio (Vigil / peer)',
      'p99 ratio',
      'All-editors p95 ratio',
      'Target p95 ≤ peer',
    ],
    sizes.map((n) => {
      const v = find('vigil', n);
      const h = find('peer', n);
      if (!v || !h) return [String(n), '-', '-', '-', '-', '-', '-'];
      const ratio = v.delivery.latency.p95 / h.delivery.latency.p95;
      const met = v.delivery.latency.p95 <= h.delivery.latency.p95 && v.delivery.lost === 0;
      verdicts.push({ editors: n, ratio, met });
      const three = (d: Delivery) =>
        `${fmt.ms(d.latency.p50)} / ${fmt.ms(d.latency.p95)} / ${fmt.ms(d.latency.p99)}`;
      return [
        String(n),
        three(v.delivery),
        three(h.delivery),
        fmt.ratio(ratio),
        fmt.ratio(v.delivery.latency.p99 / h.delivery.latency.p99),
        fmt.ratio(v.delivery.untilAll.p95 / h.delivery.untilAll.p95),
        met ? 'met' : 'missed',
      ];
    }),
  );

  const vigilTime = markdownTable(
    [
      'Editors',
      'Updates/s',
      'Handler p50 / p95 / p99 ms',
      'Append (with pool wait) p50 / p95 / p99 ms',
      'Append share of handler (p50)',
      'Pool waiting avg / max',
      'Loop delay p50 / p99 ms',
      'ELU',
      'Its PG backends, average number by state',
    ],
    phases
      .filter((p) => p.side === 'vigil')
      .map((p) => {
        const h = dist(p.server.handlerMs);
        const a = dist(p.server.appendMs);
        return [
          String(p.editors),
          fmt.rate(h.n / p.server.wallSeconds),
          `${fmt.ms(h.p50)} / ${fmt.ms(h.p95)} / ${fmt.ms(h.p99)}`,
          `${fmt.ms(a.p50)} / ${fmt.ms(a.p95)} / ${fmt.ms(a.p99)}`,
          pct(a.p50 / h.p50),
          `${p.server.poolWaitingAvg.toFixed(2)} / ${p.server.poolWaitingMax}`,
          `${fmt.ms(p.server.delayP50)} / ${fmt.ms(p.server.delayP99)}`,
          pct(p.server.elu),
          (p.waits ?? [])
            .slice(0, 4)
            .map((w) => `${w.state} ${w.backends.toFixed(1)}`)
            .join(', ') || '-',
        ];
      }),
  );

  const peerStores = phases
    .filter((p) => p.side === 'peer')
    .map((p) => {
      const d = dist(p.server.stores);
      return `${p.editors} editors: ${d.n} store(s) in the window${d.n ? ` (max ${fmt.ms(d.max)} ms each)` : ''}`;
    })
    .join('; ');

  const three = (d: Dist) => `${fmt.ms(d.p50)} / ${fmt.ms(d.p95)} / ${fmt.ms(d.p99)}`;
  const probeLine =
    `The append alone, same database, servers idle (p50 / p95 / p99 ms): one round trip (\`SELECT 1\`) ${three(probe.roundTrip)}; ` +
    `one autocommit INSERT (round trip + WAL flush) ${three(probe.insertCommit)}; the append (one statement), one at a time, ` +
    `${three(probe.appendSerial)}; from ${probe.concurrency} connections on one document ${three(probe.appendConcurrent)}, ` +
    `${fmt.rate(probe.appendsPerSecond)} appends/s at most.`;
  const offered = sizes
    .map((n) => `${n} editors offer ${fmt.rate(n * ctx.setup.charsPerSecond)}/s`)
    .join(', ');

  const reading = phases
    .filter((p) => p.side === 'vigil')
    .map((p) => {
      const h = dist(p.server.handlerMs);
      const a = dist(p.server.appendMs);
      const idleInTx = p.waits?.find((w) => w.state === 'idle in transaction')?.backends ?? 0;
      const busyClients = Math.max(...p.clientsElu);
      if (p.server.poolWaitingAvg >= 1 || idleInTx >= 1)
        return (
          `- ${p.editors} editors: updates queue for a pooled connection (${p.server.poolWaitingAvg.toFixed(1)} waiting on average) ` +
          `while the pool's connections sit idle in transaction (${idleInTx.toFixed(1)} on average), each waiting for the api's event loop ` +
          `(ELU ${pct(p.server.elu)}, loop delay p99 ${fmt.ms(p.server.delayP99)} ms) to send the append; ` +
          `the loop is busy fanning every update out to ${p.editors - 1} sockets one message at a time, on a machine whose cores the editors ` +
          `fill (busiest editors' thread ${pct(busyClients)}, machine ${pct(p.machineBusy)}). Handler p50 ${fmt.ms(h.p50)} ms, ${pct(a.p50 / h.p50)} of it the append.`
        );
      return (
        `- ${p.editors} editors: no queue for connections; the append (p50 ${fmt.ms(a.p50)}, p95 ${fmt.ms(a.p95)} ms: round trips and the ` +
        `commit's WAL flush on a PostgreSQL shared with other test runs) is ${pct(a.p50 / h.p50)} of the handler at p50 and sets its tail ` +
        `(handler p95 ${fmt.ms(h.p95)} ms); it is the step the peer does not take before broadcasting.`
      );
    })
    .join('\n');
  const dbLimit =
    probe.appendsPerSecond > Math.max(...sizes) * ctx.setup.charsPerSecond
      ? `The database is not the limit: alone it takes ${fmt.rate(probe.appendsPerSecond)} appends/s from ${probe.concurrency} connections.`
      : `The database is near its limit: alone it takes ${fmt.rate(probe.appendsPerSecond)} appends/s from ${probe.concurrency} connections.`;

  const missed = verdicts.filter((v) => !v.met);
  const verdict = missed.length
    ? `**Target missed** at ${missed.map((v) => `${v.editors} editors (p95 ratio ${fmt.ratio(v.ratio)})`).join(', ')}` +
      (missed.length < verdicts.length
        ? `; met at ${verdicts
            .filter((v) => v.met)
            .map((v) => `${v.editors} (${fmt.ratio(v.ratio)})`)
            .join(', ')}.`
        : '.')
    : `**Target met** at every size (p95 ratios ${verdicts.map((v) => fmt.ratio(v.ratio)).join(', ')}).`;
  const losses = phases.filter((p) => p.delivery.lost > 0 || p.delivery.errors > 0);
  const lossLine = losses.length
    ? `Losses or errors: ${losses.map((p) => `${p.side} ${p.editors}: lost ${p.delivery.lost}, errors ${p.delivery.errors}${p.delivery.firstError ? ` (${p.delivery.firstError})` : ''}`).join('; ')}.`
    : 'Every keystroke in the window reached every other editor on both servers; no errors, no disconnects.';

  const s = ctx.setup;
  const markdown = `
Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- collab\` (${ctx.seconds} s).
Machine: ${ctx.cpu}, ${ctx.cores} cores, ${ctx.memoryGiB} GiB; ${ctx.platform}; Node ${ctx.node}; ${ctx.pg}.
Load average at start ${ctx.loadAtStart}, at end ${ctx.loadAtEnd} (1 / 5 / 15 min); "Machine busy" is all
processes over each window, other engineers' test suites included.

One document per phase; N editors, each with its own connection and Y.Doc, spread over
${s.editorThreads} worker threads of the bench process; each types one character every
${(1000 / s.charsPerSecond).toFixed(0)} ms (${s.charsPerSecond}/s, own phase, own cursor) into a paragraph of their own for
${(s.warmupMs + s.durationMs) / 1000} s; keystrokes made in the last ${s.durationMs / 1000} s are measured. A keystroke is its Yjs id
(client, clock); its latency to an editor is from just before \`text.insert\` to the remote transaction
that integrated it in that editor's doc (every thread reads the same clock). "Deliveries" counts
(keystroke, other editor) pairs; "All-editors" is per keystroke, until the last other editor had it.

- **Vigil**: the api's \`createApp\` with its default settings (pool of 10), its own process; editors
  are analysts working the case, each with a signed token, using \`DocumentProvider\` over
  \`connectRealtime\` (Socket.IO with the MessagePack parser). Every update is appended to
  PostgreSQL before it is sent to the other editors — one statement per batch (what arrived while
  the previous write ran), \`INSERT … WHERE EXISTS (… FOR SHARE)\` — and its sender is acknowledged.
- **Peer**: \`@hocuspocus/server\` 4.x with its defaults (broadcasts coalesced per tick, debounce 2 s,
  maxDebounce 10 s), its own process, plus the two hooks its Database extension adds (load and store
  the document's state in a table of the same PostgreSQL); editors use \`HocuspocusProvider\` over \`ws\`.
  Peer stores: ${peerStores}.
- Server CPU is the whole server process (\`process.cpuUsage\`, % of one core); "Its PG CPU" the
  PostgreSQL backends it holds (/proc); memory sampled every 250 ms (idle figure: after listening).

${main}

${ratios}

${verdict} ${lossLine}

Where Vigil's time goes (in its process: the \`doc:sync\` handler from arrival to broadcast, and the
append inside it; the rest of a delivery is the sender's and receivers' sockets and threads):

${vigilTime}

${probeLine} (${offered}.) ${dbLimit}

${reading}
`;
  const terminal = `${main}\n\n${ratios}\n\n${verdict} ${lossLine}\n\nVigil's time:\n${vigilTime}\n\n${probeLine} (${offered}.) ${dbLimit}\n${reading}\nPeer stores: ${peerStores}`;
  return { terminal, markdown };
}
