import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpLoadJob } from './http-load-worker.js';
import type { PhaseResult } from './stats.js';

/** True when Debian's `wrk` is installed (apt-get install -y wrk). */
export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

// Lua for wrk: cycles (token, case) pairs so in-flight requests touch different cases, counts
// non-200 answers, and prints the result and 200 latency quantiles (microseconds) when done.
function luaScript(job: HttpLoadJob): string {
  const pairs = job.clients.flatMap((c) => c.caseIds.map((id) => `{"${c.token}","${id}"}`));
  return `
local pairs = {${pairs.join(',')}}
local counter = 0
request = function()
  counter = counter + 1
  local p = pairs[(counter % #pairs) + 1]
  return wrk.format("POST", "/api/cases/" .. p[2] .. "/reviews",
    { ["authorization"] = "Bearer " .. p[1], ["content-type"] = "application/json" },
    '{"note":"Periodic review (wrk)"}')
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d\\n", summary.requests, errors, summary.duration))
  for i = 0, 199 do
    io.write(string.format("Q %d\\n", latency:percentile((i + 0.5) / 2)))
  end
end
`;
}

function runWrk(script: string, job: HttpLoadJob, durationMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', [
      '-t1',
      `-c${job.clients.length}`,
      `-d${Math.max(1, Math.round(durationMs / 1000))}s`,
      '--timeout',
      '10s',
      '-s',
      script,
      job.baseUrl,
    ]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out}`)),
    );
  });
}

/**
 * One closed-loop HTTP phase driven by wrk from a separate process: a C load generator spends
 * microseconds per request, so on a small machine the measured server keeps the CPU.
 */
export async function wrkPhase(job: HttpLoadJob): Promise<PhaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-wrk-'));
  const script = join(dir, 'reviews.lua');
  try {
    writeFileSync(script, luaScript(job));
    await runWrk(script, job, job.warmupMs);
    const out = await runWrk(script, job, job.durationMs);
    const result = /RESULT (\d+) (\d+) (\d+)/.exec(out);
    if (!result) throw new Error(`wrk printed no result: ${out.slice(0, 500)}`);
    const [, requests, errors, durationUs] = result.map(Number) as [number, number, number, number];
    const quantiles = [...out.matchAll(/^Q (\d+)$/gm)].map((m) => Number(m[1]) / 1000);
    return {
      ops: requests - errors,
      errors,
      windowMs: durationUs / 1000,
      // 200 evenly spaced quantiles stand for the latency distribution wrk measured.
      latencies: Float64Array.from(quantiles),
      firstError: errors > 0 ? `${errors} requests failed or answered other than 200` : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
