import type { Delivery } from './realtime-analysis.js';
import type { WaitProfile } from './realtime-sampling.js';
import { type Dist, fmt, markdownTable } from './stats.js';

/** The Vigil p95 the issue asks for (commit to delivery). */
export const TARGET_P95_MS = 100;

/** Event loop figures over a phase's measurement window. */
export interface Loop {
  /** Event-loop utilisation of the main thread: the api (Vigil) or the bare server. */
  elu: number;
  /** Event-loop utilisation of the 200 clients' thread. */
  clientsElu: number;
  /** Main thread's event loop delay beyond the sampling timer, ms. */
  delayP50: number;
  delayP99: number;
  delayMax: number;
  /** Whole machine over the window: CPU busy (every process) and stolen by the hypervisor. */
  machineBusy: number;
  steal: number;
  /** Queries of the api waiting for a pool connection (sampled every 10 ms); NaN for the bare server. */
  poolWaitingAvg: number;
  poolWaitingMax: number;
}

/** The writes of a Vigil phase that were sent inside the window. */
export interface WriteFigures {
  ok: number;
  comments: number;
  errors: number;
  skipped: number;
  /** HTTP answer time of each write. */
  http: Dist;
  firstError: string | null;
}

export interface PhaseFigures {
  side: 'bare' | 'vigil';
  rate: number;
  delivery: Delivery;
  loop: Loop;
  waits?: WaitProfile | null;
  writes?: WriteFigures;
}

export interface RunInfo {
  cpu: string;
  cores: number;
  memoryGiB: string;
  platform: string;
  node: string;
  pg: string;
  loadAtStart: string;
  seconds: number;
  setup: {
    cases: number;
    perCase: number;
    warmupMs: number;
    durationMs: number;
    poolSize: number;
    eldResolutionMs: number;
  };
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const pair = (d: Dist | undefined) => (d ? `${fmt.ms(d.p50)} / ${fmt.ms(d.p95)}` : '-');

/** The terminal summary and the RESULTS.md section of a run. */
export function buildRealtimeReport(
  phases: PhaseFigures[],
  info: RunInfo,
): { terminal: string; markdown: string } {
  const s = info.setup;
  const clients = s.cases * s.perCase;
  const main = markdownTable(
    [
      'server',
      'events/s',
      'events',
      'deliveries',
      'lost',
      'dup',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'server thread ELU',
      'loop delay p50 / p99 / max ms',
      'clients thread ELU',
      'machine CPU busy (steal)',
    ],
    phases.map((p) => [
      p.side === 'vigil' ? 'Vigil api' : 'bare Socket.IO',
      String(p.rate),
      String(p.delivery.events),
      `${p.delivery.delivered} / ${p.delivery.expected}`,
      String(p.delivery.lost),
      String(p.delivery.duplicates),
      fmt.ms(p.delivery.latency.p50),
      fmt.ms(p.delivery.latency.p95),
      fmt.ms(p.delivery.latency.p99),
      fmt.ms(p.delivery.latency.max),
      pct(p.loop.elu),
      `${fmt.ms(p.loop.delayP50)} / ${fmt.ms(p.loop.delayP99)} / ${fmt.ms(p.loop.delayMax)}`,
      pct(p.loop.clientsElu),
      `${pct(p.loop.machineBusy)} (${pct(p.loop.steal)})`,
    ]),
  );
  const vigil = phases.filter((p) => p.side === 'vigil');
  const floorOf = (rate: number) => phases.find((p) => p.side === 'bare' && p.rate === rate);
  const ratios = vigil.map((v) => {
    const floor = floorOf(v.rate);
    const ratio = floor ? v.delivery.latency.p95 / floor.delivery.latency.p95 : Number.NaN;
    return `at ${v.rate} events/s Vigil p95 ${fmt.ms(v.delivery.latency.p95)} ms / floor p95 ${fmt.ms(floor?.delivery.latency.p95 ?? Number.NaN)} ms = **${fmt.ratio(ratio)}×**`;
  });
  const met = vigil.length > 0 && vigil.every((v) => v.delivery.latency.p95 < TARGET_P95_MS);
  const problems = phases.reduce(
    (n, p) => n + p.delivery.lost + p.delivery.duplicates + p.delivery.wrongCase,
    0,
  );
  const targetLine =
    `Target Vigil p95 < ${TARGET_P95_MS} ms (commit to delivery): **${met ? 'MET' : 'MISSED'}** (` +
    vigil.map((v) => `${fmt.ms(v.delivery.latency.p95)} ms at ${v.rate}/s`).join(', ') +
    `). Every committed event reached all ${s.perCase} clients of its case exactly once: **${problems === 0 ? 'yes' : 'NO'}** ` +
    `(lost ${sum(phases, (p) => p.delivery.lost)}, duplicated ${sum(phases, (p) => p.delivery.duplicates)}, ` +
    `on the wrong case ${sum(phases, (p) => p.delivery.wrongCase)}, sockets dropped ${sum(phases, (p) => p.delivery.disconnects)}).`;

  const breakdown = markdownTable(
    [
      'events/s',
      'row written → commit',
      'commit → relay hands it to the gateway',
      'gateway → client handler',
      'commit → client handler (p50 / p95 / p99)',
      'write HTTP p50 / p95',
      'writes in window (comments) / errors / not sent',
    ],
    vigil.map((v) => [
      String(v.rate),
      pair(v.delivery.createdToCommit),
      pair(v.delivery.commitToEmit),
      pair(v.delivery.emitToReceive),
      v.delivery.commitToReceive
        ? `${fmt.ms(v.delivery.commitToReceive.p50)} / ${fmt.ms(v.delivery.commitToReceive.p95)} / ${fmt.ms(v.delivery.commitToReceive.p99)}`
        : '-',
      pair(v.writes?.http),
      v.writes
        ? `${v.writes.ok} (${v.writes.comments}) / ${v.writes.errors} / ${v.writes.skipped}`
        : '-',
    ]),
  );
  const waits = markdownTable(
    [
      'events/s',
      'api queries waiting for a pool connection (avg / max)',
      'backends waiting for the audit lock',
      'waiting for a row lock',
      'idle in transaction (waiting on the api)',
      'running',
    ],
    vigil.map((v) => [
      String(v.rate),
      `${v.loop.poolWaitingAvg.toFixed(1)} / ${fmt.rate(v.loop.poolWaitingMax)}`,
      v.waits ? v.waits.advisory.toFixed(1) : '-',
      v.waits ? v.waits.rowLock.toFixed(1) : '-',
      v.waits ? v.waits.idleInTransaction.toFixed(1) : '-',
      v.waits ? v.waits.active.toFixed(1) : '-',
    ]),
  );
  const firstErrors = vigil
    .filter((v) => v.writes?.firstError)
    .map((v) => `First write error at ${v.rate}/s: ${v.writes?.firstError ?? ''}`);

  const how =
    `${clients} Socket.IO clients (socket.io-client over websocket, ${s.perCase} distinct member analysts per case, ${s.cases} cases) in one worker thread; ` +
    `the api (Nest + Fastify + Socket.IO gateway, outbox relay, DB_POOL_SIZE=${s.poolSize}, LOG_LEVEL=silent) in the main thread; ` +
    `the load generator in another worker thread: open loop at a fixed rate, round-robin over the cases, alternating ` +
    '`POST /api/cases/:id/comments` (internal thread) and `POST /api/cases/:id/reviews` (RECORD_REVIEW). ' +
    `${s.warmupMs / 1000} s warm-up + ${s.durationMs / 1000} s measured per phase; late deliveries awaited up to 10 s before counting losses.`;
  const latencyDef =
    'Latency = the client handler’s wall-clock time − `outbox_events.created_at` of the event (clock_timestamp() at the insert, inside the writer’s ' +
    'transaction, so it also counts the rest of that transaction: the audit append and the commit), over every delivery of every event written in the window. ' +
    'The floor: the same clients on a bare Socket.IO server (node:http, no Nest, no database) in the main thread, broadcasting events of the same shape to the same rooms ' +
    'at the same rates; its latency is emit → client handler. “Commit” in the breakdown is when a separate LISTEN connection in the load thread received the ' +
    'NOTIFY the trigger sends at commit; “relay hands it to the gateway” is when `RealtimeGateway.deliverCaseEvent` was called (wrapped by the benchmark). ' +
    `Loop delay: perf_hooks.monitorEventLoopDelay (${s.eldResolutionMs} ms timer, delay beyond it) over the window.`;

  const reading = readingOf(vigil, floorOf);
  const markdown = [
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB memory (${info.platform}; load average at start ${info.loadAtStart}); Node ${info.node}; ${info.pg}  `,
    'Command: `npm run bench -- realtime`  ',
    `Run took ${info.seconds} s.`,
    '',
    how,
    '',
    main,
    '',
    `Vigil / floor: ${ratios.join('; ')}.  `,
    targetLine,
    '',
    'Where Vigil’s time goes (p50 / p95, ms):',
    '',
    breakdown,
    '',
    `The api’s pool (DB_POOL_SIZE=${s.poolSize}) and PostgreSQL’s backends over the window (pg_stat_activity every 25 ms, averages):`,
    '',
    waits,
    '',
    ...firstErrors.map((e) => `${e}  `),
    latencyDef,
    '',
    reading,
  ].join('\n');
  const terminal = [
    main,
    '',
    ...ratios,
    targetLine,
    '',
    breakdown,
    '',
    waits,
    ...firstErrors,
    '',
    reading,
  ].join('\n');
  return { terminal, markdown };
}

function sum(phases: PhaseFigures[], f: (p: PhaseFigures) => number): number {
  return phases.reduce((n, p) => n + f(p), 0);
}

function readingOf(
  vigil: PhaseFigures[],
  floorOf: (rate: number) => PhaseFigures | undefined,
): string {
  const parts: string[] = [];
  for (const v of vigil) {
    const d = v.delivery;
    const floor = floorOf(v.rate);
    const stages = [
      ['the rest of the writer’s transaction (row → commit)', d.createdToCommit?.p95],
      ['the relay (NOTIFY → row read back → gateway)', d.commitToEmit?.p95],
      ['the emit to 10 sockets and the clients’ thread', d.emitToReceive?.p95],
    ] as const;
    const biggest = [...stages].sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
    parts.push(
      `At ${v.rate} writes/s the api’s thread was ${pct(v.loop.elu)} busy (loop delay p99 ${fmt.ms(v.loop.delayP99)} ms) and the clients’ thread ${pct(v.loop.clientsElu)}; ` +
        `p95 ${fmt.ms(d.latency.p95)} ms against ${fmt.ms(floor?.delivery.latency.p95 ?? Number.NaN)} ms for the bare transport; ` +
        `the largest p95 share is ${biggest?.[0] ?? '?'} (${fmt.ms(biggest?.[1] ?? Number.NaN)} ms).`,
    );
  }
  return parts.join(' ');
}
