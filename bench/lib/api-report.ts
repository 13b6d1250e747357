import type { PhaseFigures } from './api-load.js';
import type { RouteSpec } from './api-routes.js';
import { fmt, markdownTable } from './stats.js';

/** The figures and prose of bench/api, for the terminal and bench/RESULTS.md. */

export const TARGET_P99_MS = 50;

export interface RouteRow {
  route: RouteSpec;
  figures: PhaseFigures;
  /** The same route at one connection (reads and the floor). */
  single?: PhaseFigures;
}

export interface ScaleRow {
  route: RouteSpec;
  one: PhaseFigures;
  two: PhaseFigures;
}

export interface ReportInput {
  date: string;
  machine: string;
  database: string;
  seed: string;
  setup: string;
  rows: RouteRow[];
  floorAgain: PhaseFigures;
  scale: ScaleRow[];
  connections: number;
  perInstance: number;
  patch: { ok: number; stale: number };
  seconds: number;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : '-');
const cores = (xs: number[]) =>
  xs.map((x) => (Number.isFinite(x) ? x.toFixed(2) : '-')).join(' + ');
const statuses = (f: PhaseFigures) => {
  const parts = Object.entries(f.statuses).map(([code, n]) => `${n}×${code}`);
  if (f.errors) parts.push(`${f.errors} errors`);
  return parts.length ? `${f.non2xx} (${parts.join(', ')})` : String(f.non2xx);
};

export function buildReport(input: ReportInput): { terminal: string; markdown: string } {
  const floor = input.rows.find((r) => r.route.kind === 'floor')?.figures;
  const floorRps = floor?.rps ?? Number.NaN;
  const table = markdownTable(
    [
      'route',
      'kind',
      'requests/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'non-2xx',
      'p50 / p99 ms at 1 connection',
      '÷ floor',
      'api CPU (cores)',
      'api CPU ms / request',
      'load generator busy',
      'machine CPU busy',
    ],
    input.rows.map(({ route, figures: f, single }) => [
      route.label,
      route.kind,
      fmt.rate(f.rps),
      fmt.ms(f.p50),
      fmt.ms(f.p99),
      fmt.ms(f.max),
      statuses(f),
      single ? `${fmt.ms(single.p50)} / ${fmt.ms(single.p99)}` : '-',
      route.kind === 'floor' ? '1.00' : fmt.ratio(f.rps / floorRps),
      cores(f.apiCores),
      fmt.ms((1000 * (f.apiCores[0] ?? Number.NaN)) / f.rps),
      pct(f.generatorBusy),
      pct(f.machineBusy),
    ]),
  );
  const reads = input.rows.filter((r) => r.route.kind === 'read');
  const missed = reads.filter((r) => !(r.figures.p99 < TARGET_P99_MS));
  const target =
    `Target: read routes at p99 under ${TARGET_P99_MS} ms at ${input.connections} connections: ` +
    (missed.length === 0
      ? `**MET** (worst ${fmt.ms(Math.max(...reads.map((r) => r.figures.p99)))} ms).`
      : `**MISSED** for ${missed.length} of ${reads.length}: ${missed
          .map((r) => `${r.route.key} ${fmt.ms(r.figures.p99)} ms`)
          .join(', ')}${
          missed.length < reads.length
            ? `; met for ${reads
                .filter((r) => !missed.includes(r))
                .map((r) => `${r.route.key} ${fmt.ms(r.figures.p99)} ms`)
                .join(', ')}`
            : ''
        }.`);
  const floorLine =
    `Floor measured again after the writes: ${fmt.rate(input.floorAgain.rps)} requests/s, p50 ${fmt.ms(input.floorAgain.p50)} ms, ` +
    `p99 ${fmt.ms(input.floorAgain.p99)} ms (first: ${fmt.rate(floorRps)}/s); the ratios use the first.`;
  const patchLine = `Case edits: ${input.patch.ok} answered 200, ${input.patch.stale} met a stale version (409, then retried with details.currentVersion).`;

  const scaleTable = markdownTable(
    [
      'route',
      `1 instance: requests/s`,
      'p50 / p99 ms',
      'api CPU',
      `2 instances: requests/s (A + B)`,
      'p50 / p99 ms',
      'api CPU (A + B)',
      'gain',
      'machine CPU busy (1 → 2)',
      'load generator busy (1 → 2)',
    ],
    input.scale.map(({ route, one, two }) => [
      route.key,
      fmt.rate(one.rps),
      `${fmt.ms(one.p50)} / ${fmt.ms(one.p99)}`,
      cores(one.apiCores),
      fmt.rate(two.rps),
      `${fmt.ms(two.p50)} / ${fmt.ms(two.p99)}`,
      cores(two.apiCores),
      `${fmt.ratio(two.rps / one.rps)}×`,
      `${pct(one.machineBusy)} → ${pct(two.machineBusy)}`,
      `${pct(one.generatorBusy)} → ${pct(two.generatorBusy)}`,
    ]),
  );
  const readScale = input.scale.filter((s) => s.route.kind === 'read');
  const grew = readScale.filter((s) => s.two.rps > s.one.rps * 1.05);
  const scaleLine =
    `Two instances: ${grew.length} of ${readScale.length} read routes served more with two api processes than with one ` +
    `(gains ${readScale.map((s) => `${s.route.key} ${fmt.ratio(s.two.rps / s.one.rps)}×`).join(', ')}).`;
  const nonOk = input.rows.reduce((n, r) => n + r.figures.non2xx + r.figures.errors, 0);

  const terminal = [
    table,
    '',
    target.replace(/\*\*/g, ''),
    floorLine,
    patchLine,
    `Non-2xx answers and errors in the measured windows: ${nonOk}.`,
    '',
    `Scale-out (one instance at ${input.connections} connections, then two instances at ${input.perInstance} connections each, at once):`,
    scaleTable,
    '',
    scaleLine,
  ].join('\n');
  const markdown = [
    `Date: ${input.date}  `,
    `Machine: ${input.machine}  `,
    `Database: ${input.database}  `,
    'Command: `npm run bench -- api`  ',
    `Run took ${input.seconds} s.`,
    '',
    input.seed,
    '',
    input.setup,
    '',
    table,
    '',
    `${target}  `,
    `${floorLine}  `,
    `${patchLine}  `,
    `Non-2xx answers and errors in the measured windows: ${nonOk}.`,
    '',
    `Scale-out: the floor and the read routes against one api process at ${input.connections} connections, then right after against two api ` +
      `processes on one database at ${input.perInstance} connections each (two autocannon instances at once, the same ${input.connections} in all):`,
    '',
    scaleTable,
    '',
    scaleLine,
  ].join('\n');
  return { terminal, markdown };
}
