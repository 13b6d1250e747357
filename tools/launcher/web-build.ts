import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INDEX = 'apps/web/dist/index.html';
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'libs/domain/src', 'libs/client/src'];

/** Unit tests and their helpers are not part of the bundle: editing them needs no rebuild. */
const NOT_BUILT = /\.(test|spec)\.tsx?$|^apps\/web\/src\/test$/;

function newestMtime(path: string): number {
  if (!existsSync(path) || NOT_BUILT.test(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

/** True when the built web app is missing or older than its sources. */
export function webBuildIsStale(): boolean {
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/** Builds the web app with Vite. */
export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'apps/web/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`web build failed (exit ${code})`)),
    );
  });
}
