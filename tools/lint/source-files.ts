import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript source file under `dir`, spec and test files left out. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}
