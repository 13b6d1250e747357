import { diffArrays, diffWordsWithSpace } from 'diff';

/** A run of text in a diff: unchanged, only in the later version, or only in the earlier one. */
export interface WordDiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Past this many changed lines between two anchors, that stretch is shown as replaced. */
const GAP_EDIT_MAX = 2000;
/** A changed stretch longer than this (either side, characters) is shown as replaced. */
const HUNK_WORD_DIFF_MAX_CHARS = 20_000;
/** Past this many changed words in one changed stretch, it is shown as replaced. */
const WORD_EDIT_MAX = 1000;

/**
 * A word diff of two versions' plain text, in passes that each stay cheap: lines (paragraphs)
 * are first matched on those that occur once in each version (the "patience" anchors, in order),
 * the stretches between anchors are diffed line by line, and each stretch of changed lines word by
 * word. One word pass over a whole document costs (words × changed words): two 800-paragraph
 * versions with every other paragraph rewritten took over a minute that way. Every bound reached
 * shows the stretch as replaced rather than holding the request. Unchanged and removed runs give
 * the earlier text back, unchanged and added runs the later one.
 */
export function wordDiff(before: string, after: string): WordDiffPart[] {
  const out = new PartList();
  const a = splitLines(before);
  const b = splitLines(after);
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    wordsOf(out, removed.join(''), added.join(''));
    removed = [];
    added = [];
  };
  for (const run of lineDiff(a, b)) {
    if (run.kind === 'removed') removed.push(...run.lines);
    else if (run.kind === 'added') added.push(...run.lines);
    else {
      flush();
      out.push('same', run.lines.join(''));
    }
  }
  flush();
  return out.parts;
}

class PartList {
  readonly parts: WordDiffPart[] = [];

  push(kind: WordDiffPart['kind'], text: string): void {
    if (!text) return;
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else this.parts.push({ kind, text });
  }
}

/** Lines with their line break (the last may have none). */
function splitLines(text: string): string[] {
  return text ? text.split(/(?<=\n)/) : [];
}

/** A changed stretch word by word, or as replaced when too long or too different. */
function wordsOf(out: PartList, removed: string, added: string): void {
  if (removed && added && Math.max(removed.length, added.length) <= HUNK_WORD_DIFF_MAX_CHARS) {
    const words = diffWordsWithSpace(removed, added, { maxEditLength: WORD_EDIT_MAX });
    if (words) {
      for (const w of words) out.push(w.added ? 'added' : w.removed ? 'removed' : 'same', w.value);
      return;
    }
  }
  out.push('removed', removed);
  out.push('added', added);
}

interface LineRun {
  kind: WordDiffPart['kind'];
  lines: string[];
}

/** Lines diffed between anchors: lines found exactly once in each version, kept in order. */
function lineDiff(a: readonly string[], b: readonly string[]): LineRun[] {
  const runs: LineRun[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors(a, b), [a.length, b.length] as const]) {
    runs.push(...gapDiff(a.slice(i, ai), b.slice(j, bj)));
    if (ai < a.length) runs.push({ kind: 'same', lines: [a[ai] ?? ''] });
    i = ai + 1;
    j = bj + 1;
  }
  return runs;
}

/** The stretch between two anchors, line by line (Myers, bounded). */
function gapDiff(a: string[], b: string[]): LineRun[] {
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === 0) return [{ kind: 'added', lines: b }];
  if (b.length === 0) return [{ kind: 'removed', lines: a }];
  const changes = diffArrays(a, b, { maxEditLength: GAP_EDIT_MAX });
  if (!changes) {
    return [
      { kind: 'removed', lines: a },
      { kind: 'added', lines: b },
    ];
  }
  return changes.map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    lines: c.value,
  }));
}

/**
 * Pairs (index in a, index in b) of lines that occur once in each, the longest run of them in
 * the same order in both (patience sorting: n log n).
 */
function anchors(a: readonly string[], b: readonly string[]): [number, number][] {
  const seen = new Map<string, { a: number; b: number; inA: number; inB: number }>();
  a.forEach((line, i) => {
    const entry = seen.get(line) ?? { a: i, b: -1, inA: 0, inB: 0 };
    entry.inA += 1;
    seen.set(line, entry);
  });
  b.forEach((line, j) => {
    const entry = seen.get(line);
    if (!entry) return;
    entry.inB += 1;
    entry.b = j;
  });
  const pairs = [...seen.values()]
    .filter((e) => e.inA === 1 && e.inB === 1)
    .map((e) => [e.a, e.b] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of the b indices.
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, bj], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((pairs[tails[mid] ?? 0]?.[1] ?? 0) < bj) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1] ?? -1;
    tails[low] = k;
  });
  const chain: [number, number][] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k] ?? -1) {
    const pair = pairs[k];
    if (pair) chain.push(pair);
  }
  return chain.reverse();
}
