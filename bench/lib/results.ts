import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
const HEADER =
  '# Benchmark results\n\nWritten by `npm run bench`; each section is replaced by the latest run of its benchmark.\n';

/** Replaces (or appends) the `## <name>` section of bench/RESULTS.md with `body`. */
export function writeSection(name: string, body: string): string {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const heading = `## ${name}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = current.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const rest = lines.slice(start + 1);
    const endOffset = rest.findIndex((l) => l.startsWith('## '));
    const before = lines.slice(0, start).join('\n').trimEnd();
    const after = endOffset === -1 ? '' : rest.slice(endOffset).join('\n');
    next = `${before}\n\n${section}${after ? `\n${after}` : ''}`;
  }
  writeFileSync(RESULTS, next.endsWith('\n') ? next : `${next}\n`);
  return RESULTS;
}

/** What every benchmark notes as it begins: when, the load average, and a check for its watchdog. */
export function beginRun(signal: AbortSignal): {
  started: number;
  loadAtStart: string;
  check: () => void;
} {
  return {
    started: Date.now(),
    loadAtStart: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
    check: () => {
      if (signal.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
    },
  };
}
