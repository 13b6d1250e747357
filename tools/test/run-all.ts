import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildWeb, webBuildIsStale } from '../launcher/web-build.js';

/**
 * `npm test`: every tier in one Jest run (unit, integration, api, realtime, resilience, browser). The browser tier needs
 * the built web app and Debian's Chromium; without Chromium it is skipped with the reason printed,
 * unless VIGIL_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
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
  const jest = spawn(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--selectProjects', ...projects, ...args],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        TZ: 'UTC',
        NODE_OPTIONS:
          `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
      },
    },
  );
  jest.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
