// `nx build api|worker`: compiles the app and the libs it imports (`@vigil/*`, followed
// transitively) with swc, one `.js` per `.ts`, into dist/apps/<name>, keeping the repository's
// layout so that relative imports and the render pool's `render-worker.js` beside `render-pool.js`
// work unchanged. The same swc settings as the running app and Jest (legacy decorators with their
// metadata, which Nest's injection needs and esbuild cannot emit). Packages stay external: they are
// resolved from node_modules at run time, native ones (argon2, pg's optional bindings) included.
// `node dist/apps/<name>/main.js` starts the app from the repository root (or any folder below
// which node_modules is found), with the same environment as `npm start` or the source entry point.
import { transformFile, type Options } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APPS = ['api', 'worker'];
const ALIAS = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])@vigil\/([a-z-]+)\2/g;
const NOT_SHIPPED = /\.(spec|e2e-spec|test)\.tsx?$|\.d\.ts$/;

const SWC: Options = {
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: false },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !NOT_SHIPPED.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The app's source folder and those of the libs it reaches through `@vigil/*` imports. */
async function sourceDirs(app: string): Promise<Map<string, string[]>> {
  const dirs = new Map<string, string[]>();
  const pending = [join('apps', app, 'src')];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    if (dirs.has(dir)) continue;
    const files = await sources(join(ROOT, dir));
    dirs.set(dir, files);
    for (const file of files) {
      for (const match of (await readFile(file, 'utf8')).matchAll(ALIAS)) {
        const lib = join('libs', match[3], 'src');
        if (!existsSync(join(ROOT, lib, 'index.ts')))
          throw new Error(`${file}: no ${lib}/index.ts`);
        if (!dirs.has(lib)) pending.push(lib);
      }
    }
  }
  return dirs;
}

async function build(app: string): Promise<void> {
  const started = Date.now();
  const out = join(ROOT, 'dist', 'apps', app);
  await rm(out, { recursive: true, force: true });
  const dirs = await sourceDirs(app);
  let count = 0;
  for (const files of dirs.values()) {
    await Promise.all(
      files.map(async (file) => {
        const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
        const { code, map } = await transformFile(file, {
          ...SWC,
          filename: file,
          sourceFileName: relative(dirname(target), file).split(sep).join('/'),
        });
        const rewritten = code.replace(
          ALIAS,
          (_all, keyword: string, quote: string, lib: string) => {
            let path = relative(dirname(target), join(out, 'libs', lib, 'src', 'index.js'));
            path = path.split(sep).join('/');
            if (!path.startsWith('.')) path = `./${path}`;
            return `${keyword}${quote}${path}${quote}`;
          },
        );
        await mkdir(dirname(target), { recursive: true });
        const mapName = `${target.slice(dirname(target).length + 1)}.map`;
        await writeFile(target, `${rewritten}\n//# sourceMappingURL=${mapName}\n`);
        if (map) await writeFile(`${target}.map`, map);
        count += 1;
      }),
    );
  }
  await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  await writeFile(
    join(out, 'main.js'),
    `// Built by tools/build/build-app.ts from apps/${app}/src/main.ts.\nimport './apps/${app}/src/main.js';\n`,
  );
  const libs = [...dirs.keys()].filter((d) => d.startsWith('libs')).join(', ');
  console.log(
    `${app}: ${count} files (apps/${app}/src, ${libs}) -> ${relative(ROOT, out)}/main.js in ${Date.now() - started} ms`,
  );
}

const app = process.argv[2] ?? '';
if (!APPS.includes(app)) {
  console.error(`usage: build-app.ts <${APPS.join('|')}>`);
  process.exit(2);
}
await build(app);
