import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from './source-files.js';

/**
 * Fails on a circle of imports between the feature folders of `libs/server/src` (issue 16): each
 * folder is one unit, and an import from one folder of another is an edge. ESLint's
 * `import/no-cycle` sees files only; two folders may tangle without any file-level circle.
 * Type-only imports and re-exports count too: they couple the folders just the same.
 */

/** An import of one folder by another, with the file that makes it (for the message). */
export interface FolderEdge {
  from: string;
  to: string;
  file: string;
  target: string;
}

const IMPORT =
  /(?:import|export)\s[^'";]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/** Every import between two different top-level folders under `root` (spec files left out). */
export function folderEdges(root: string): FolderEdge[] {
  const edges: FolderEdge[] = [];
  for (const file of sourceFiles(root)) {
    const folder = topFolder(root, file);
    if (!folder) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier) continue;
      const target = resolve(dirname(file), specifier);
      const to = topFolder(root, target);
      if (to && to !== folder) {
        edges.push({
          from: folder,
          to,
          file: relative(root, file),
          target: relative(root, target),
        });
      }
    }
  }
  return edges;
}

/** The circles among folders (strongly connected components of more than one folder), sorted. */
export function folderCycles(edges: FolderEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)?.add(to);
  }
  // Tarjan's algorithm, iterative so no tree of folders can overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; children: string[] }[] = [];
    const visit = (node: string) => {
      index.set(node, next);
      low.set(node, next);
      next += 1;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: [...(graph.get(node) ?? [])] });
    };
    visit(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; children: string[] };
      const child = frame.children.shift();
      if (child !== undefined) {
        if (!index.has(child)) visit(child);
        else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** The report for one circle: which files make each of its edges. */
export function describeCycle(cycle: string[], edges: FolderEdge[]): string {
  const inCycle = new Set(cycle);
  const lines = edges
    .filter((e) => inCycle.has(e.from) && inCycle.has(e.to))
    .map((e) => `  ${e.from} → ${e.to}: ${e.file} imports ${e.target}`);
  return [`Folders import each other in a circle: ${cycle.join(', ')}`, ...lines].join('\n');
}

/** The top-level folder of `path` under `root`, or null for a file directly in `root`. */
function topFolder(root: string, path: string): string | null {
  const parts = relative(root, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? (parts[0] ?? null) : null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'libs/server/src');
  const edges = folderEdges(root);
  const cycles = folderCycles(edges);
  if (cycles.length === 0) {
    console.log(`No circle between the folders of ${relative(process.cwd(), root)}.`);
  } else {
    for (const cycle of cycles) console.error(describeCycle(cycle, edges));
    process.exitCode = 1;
  }
}
