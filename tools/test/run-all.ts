import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildWeb, webBuildIsStale } from '../launcher/web-build.js';

/**
 * `npm test`: the web unit tests (Vitest, jsdom), then every other tier in one Jest run (unit,
 * integration, api, realtime, resilience, browser). Both always run; the run fails if either does.
 * Arguments after `npm test --` go to Jest. `VIGIL_TEST_SUITES=web` or `=jest` runs only one of
 * the two. The browser tier needs the built web app and Debian's Chromium; without Chromium it is
 * skipped with the reason printed, unless VIGIL_REQUIRE_BROWSER=1 (CI), where a missing browser
 * fails the run.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const suites = (process.env.VIGIL_TEST_SUITES ?? 'web,jest').split(',').map((s) => s.trim());
  const unknown = suites.filter((suite) => suite !== 'web' && suite !== 'jest');
  if (unknown.length > 0) {
    console.error(`VIGIL_TEST_SUITES: unknown ${unknown.join(', ')} (use web, jest or both).`);
    process.exit(1);
  }
  const failed: string[] = [];
  if (suites.includes('web')) {
    console.log('Web unit tests (Vitest): apps/web/src/**/*.test.ts(x)');
    const code = await run(
      ['node_modules/vitest/vitest.mjs', 'run', '--config', 'apps/web/vitest.config.ts'],
      { TZ: 'UTC' },
    );
    if (code !== 0) failed.push('web unit tests (npm run test:web)');
  }
  if (suites.includes('jest') && (await runJest(args)) !== 0) failed.push('Jest tiers');
  if (failed.length > 0) {
    console.error(`\nFAILED: ${failed.join(' and ')}; see the output above.`);
    process.exit(1);
  }
}

/** The Jest tiers (building the web app first for the browser tier); resolves to the exit code. */
async function runJest(args: string[]): Promise<number> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const projects = ['unit', 'integration', 'api', 'realtime', 'resilience'];
  if (existsSync(chromium)) {
    projects.push('browser');
    if (webBuildIsStale()) {
      console.log('Building the web app for the browser tests…');
      await buildWeb();
    }
  } else if (process.env.VIGIL_REQUIRE_BROWSER === '1') {
    console.error(`Chromium not found at ${chromium}: install it (apt-get install -y chromium).`);
    process.exit(1);
  } else {
    console.log(
      `SKIPPED browser tests: Chromium not found at ${chromium} (apt-get install -y chromium).`,
    );
  }
  return run(['node_modules/jest/bin/jest.js', '--selectProjects', ...projects, ...args], {
    TZ: 'UTC',
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
  });
}

/** Runs a Node script with this environment plus `env`, output inherited; resolves to its exit code. */
function run(script: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, script, {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
