import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Temporary source trees for the lint tools' tests; `remove()` deletes every one made. */
export function fileTrees(prefix: string): {
  tree: (files: Record<string, string>) => string;
  remove: () => void;
} {
  const roots: string[] = [];
  return {
    tree(files) {
      const root = mkdtempSync(join(tmpdir(), prefix));
      roots.push(root);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      return root;
    },
    remove() {
      for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
    },
  };
}
