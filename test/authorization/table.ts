import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the expected tables live (beside this file). */
export const TABLE_DIR = dirname(fileURLToPath(import.meta.url));
/** Set to 1 to rewrite the expected tables from what was observed (then review the diff). */
export const UPDATING = process.env.UPDATE_AUTHZ_MATRIX === '1';

/** One row of a table: its key columns and its cells, by column name. */
export interface Row {
  key: string[];
  cells: Record<string, string>;
}

/** A table: a header comment, the key column names, the cell column names, the rows. */
export interface Table {
  comment: string[];
  keyColumns: string[];
  columns: readonly string[];
  rows: Row[];
}

const rowId = (key: string[]) => key.join('\t');

/** Sort key: path before method, so a resource's routes stay together. */
function sortKey(key: string[]): string {
  const [route = '', ...rest] = key;
  const [method = '', path = route] = route.split(' ');
  return [path, method, ...rest].join('\u0000');
}

/** Reads a TSV table (missing file: no rows). */
export function readTable(file: string, keyColumns: string[], columns: readonly string[]): Table {
  let text = '';
  try {
    text = readFileSync(join(TABLE_DIR, file), 'utf8');
  } catch {
    return { comment: [], keyColumns, columns, rows: [] };
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const comment = lines.filter((l) => l.startsWith('#'));
  const [header, ...body] = lines.filter((l) => !l.startsWith('#'));
  const names = (header ?? '').split('\t');
  const rows = body.map((line) => {
    const values = line.split('\t');
    const cells: Record<string, string> = {};
    names
      .slice(keyColumns.length)
      .forEach((n, i) => (cells[n] = values[keyColumns.length + i] ?? ''));
    return { key: values.slice(0, keyColumns.length), cells };
  });
  return { comment, keyColumns, columns, rows };
}

/** Writes a table sorted so that diffs are stable. */
export function writeTable(file: string, table: Table): void {
  const rows = [...table.rows].sort((a, b) => (sortKey(a.key) < sortKey(b.key) ? -1 : 1));
  const lines = [
    ...table.comment,
    [...table.keyColumns, ...table.columns].join('\t'),
    ...rows.map((r) => [...r.key, ...table.columns.map((c) => r.cells[c] ?? '')].join('\t')),
  ];
  writeFileSync(join(TABLE_DIR, file), `${lines.join('\n')}\n`);
}

/** Whether an observed cell satisfies an expected one (`2xx` stands for any 2xx status). */
export function cellMatches(expected: string, observed: string): boolean {
  if (/^\dxx$/.test(expected)) return /^\d{3}$/.test(observed) && observed[0] === expected[0];
  return expected === observed;
}

/**
 * Every difference between the expected and the observed table, one line per cell, with what
 * to do about rows that are missing on either side.
 */
export function tableDiff(expected: Table, observed: Table): string[] {
  const want = new Map(expected.rows.map((r) => [rowId(r.key), r]));
  const got = new Map(observed.rows.map((r) => [rowId(r.key), r]));
  const out: string[] = [];
  for (const [id, row] of [...got].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const exp = want.get(id);
    if (!exp) {
      out.push(
        `${row.key.join(' [')}${row.key.length > 1 ? ']' : ''}: not in the table — add it to the table (UPDATE_AUTHZ_MATRIX=1 writes it for review)`,
      );
      continue;
    }
    for (const c of observed.columns) {
      const e = exp.cells[c] ?? '';
      const o = row.cells[c] ?? '';
      if (!cellMatches(e, o))
        out.push(
          `${row.key.join(' [')}${row.key.length > 1 ? ']' : ''} as ${c}: expected ${e || '(empty)'}, got ${o || '(empty)'}`,
        );
    }
  }
  for (const [id, row] of want)
    if (!got.has(id))
      out.push(
        `${row.key.join(' [')}${row.key.length > 1 ? ']' : ''}: in the table but not observed (route or fixture gone) — remove it`,
      );
  return out;
}

/** The observed table, keeping an expected class cell (`2xx`) wherever it still matches. */
export function mergeForUpdate(expected: Table, observed: Table): Table {
  const want = new Map(expected.rows.map((r) => [rowId(r.key), r]));
  return {
    ...observed,
    rows: observed.rows.map((row) => {
      const exp = want.get(rowId(row.key));
      const cells = { ...row.cells };
      for (const c of observed.columns) {
        const e = exp?.cells[c];
        if (e && /^\dxx$/.test(e) && cellMatches(e, cells[c] ?? '')) cells[c] = e;
      }
      return { key: row.key, cells };
    }),
  };
}

/** Compares (or, when updating, rewrites) one expected table; returns the differences. */
export function checkTable(file: string, observed: Table): string[] {
  const expected = readTable(file, observed.keyColumns, observed.columns);
  if (UPDATING) {
    writeTable(file, { ...mergeForUpdate(expected, observed), comment: observed.comment });
    return [];
  }
  return tableDiff(expected, observed);
}

/**
 * Whether two key sets (space-separated paths) describe the same answer. The element keys of a
 * list (`items[].…`) are compared only when both sides saw an element: whether a list holds rows
 * on its first page depends on what other suites wrote, not on who is asking.
 */
export function sameKeys(expected: string, observed: string): boolean {
  const split = (set: string) => set.split(' ').filter(Boolean);
  const lists = (paths: string[]) =>
    new Set(paths.filter((p) => p.includes('[]')).map((p) => p.slice(0, p.indexOf('[]'))));
  const e = split(expected);
  const o = split(observed);
  const both = new Set([...lists(e)].filter((l) => lists(o).has(l)));
  const kept = (paths: string[]) =>
    paths
      .filter((p) => !p.includes('[]') || both.has(p.slice(0, p.indexOf('[]'))))
      .sort()
      .join(' ');
  return kept(e) === kept(o);
}

/**
 * Compares key-set tables actor by actor (rows group actors whose key sets were equal when the
 * table was written), with `sameKeys`; when updating, rewrites the table instead.
 */
export function checkKeyTable(file: string, observed: Table): string[] {
  if (UPDATING) return checkTable(file, observed);
  const expected = readTable(file, observed.keyColumns, observed.columns);
  const perActor = (table: Table) => {
    const out = new Map<string, string>();
    for (const row of table.rows) {
      const [route = '', fixture = '', actors = ''] = row.key;
      for (const actor of actors.split(','))
        out.set(`${route} [${fixture}] as ${actor}`, row.cells['keys'] ?? '');
    }
    return out;
  };
  const want = perActor(expected);
  const got = perActor(observed);
  const diff: string[] = [];
  for (const [id, keys] of [...got].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const exp = want.get(id);
    if (exp === undefined) diff.push(`${id}: not in the table — add it (UPDATE_AUTHZ_MATRIX=1)`);
    else if (!sameKeys(exp, keys)) diff.push(`${id}: expected keys ${exp}, got ${keys}`);
  }
  for (const id of want.keys())
    if (!got.has(id)) diff.push(`${id}: in the table but not observed — remove it`);
  return diff;
}
