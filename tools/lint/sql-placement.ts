import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sourceFiles } from './source-files.js';

/**
 * Fails on SQL written outside a store (issue 16, docs/architecture.md §18): in `libs/server/src`
 * a statement lives in a `*.store.ts` file, a condition built for other statements in a
 * `*.sql.ts` file, and the connection plumbing in `database/`. Services, controllers, gateways and
 * jobs call stores. Only string and template literals are read, so comments may name SQL.
 */

/** A statement keyword as the code writes SQL (upper case; "Select a country" is not SQL). */
const SQL = /\b(SELECT|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+[a-z_]+\s+(?:[a-z_]+\s+)?SET)\b/;

/** One literal holding SQL in a file where SQL does not belong. */
export interface MisplacedSql {
  file: string;
  line: number;
  text: string;
}

/** Whether `file` (relative to the root) may hold SQL. */
export function mayHoldSql(file: string): boolean {
  return /\.(store|sql)\.ts$/.test(file) || file.startsWith('database/');
}

/** The SQL literals of one file's source text. */
export function sqlLiterals(path: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const literal = literalText(node);
    if (literal !== null && SQL.test(literal)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ line: line + 1, text: literal.trim().split('\n')[0]?.slice(0, 80) ?? '' });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return null;
}

/** Every SQL literal under `root` outside the files that may hold it (spec files left out). */
export function misplacedSql(root: string): MisplacedSql[] {
  const found: MisplacedSql[] = [];
  for (const path of sourceFiles(root)) {
    const file = relative(root, path);
    if (mayHoldSql(file)) continue;
    for (const hit of sqlLiterals(path, readFileSync(path, 'utf8'))) found.push({ file, ...hit });
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'libs/server/src');
  const found = misplacedSql(root);
  if (found.length === 0) {
    console.log(`All SQL of ${relative(process.cwd(), root)} is in stores.`);
  } else {
    for (const hit of found) {
      console.error(`${hit.file}:${hit.line}: SQL outside a store (*.store.ts): ${hit.text}`);
    }
    console.error(`${found.length} SQL literals outside stores; see docs/architecture.md §18.`);
    process.exitCode = 1;
  }
}
