import { useCallback, useState } from 'react';
import type { CommentAuthor } from '../api/comments-api';

/** The `@word` being typed just before the caret, if any. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** The letters after it. */
  text: string;
}

/** Finds an `@` at a word start, followed by up to 40 name characters, ending at the caret. */
export function mentionAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{M}'.-]{0,40})$/u.exec(before);
  if (!match) return null;
  const text = match[2] ?? '';
  return { start: caret - text.length - 1, text };
}

/** Ids of the picked people whose `@Name` is still in the text. */
export function mentionedIds(body: string, picked: CommentAuthor[]): string[] {
  const ids = picked.filter((p) => body.includes(`@${p.displayName}`)).map((p) => p.id);
  return [...new Set(ids)];
}

/** The text and the people picked in it, with the `@` query under the caret. */
export function useMentionText(initial: string, initialPicked: CommentAuthor[] = []) {
  const [value, setValue] = useState(initial);
  const [picked, setPicked] = useState<CommentAuthor[]>(initialPicked);
  const [query, setQuery] = useState<MentionQuery | null>(null);

  const update = useCallback((next: string, caret: number) => {
    setValue(next);
    setQuery(mentionAt(next, caret));
  }, []);

  /** Replaces the `@query` with `@Name ` and returns where the caret goes. */
  const pick = useCallback(
    (person: CommentAuthor): number | null => {
      if (!query) return null;
      const end = query.start + 1 + query.text.length;
      const inserted = `@${person.displayName} `;
      setValue((current) => current.slice(0, query.start) + inserted + current.slice(end));
      setPicked((current) => [...current.filter((p) => p.id !== person.id), person]);
      setQuery(null);
      return query.start + inserted.length;
    },
    [query],
  );

  const reset = useCallback(() => {
    setValue('');
    setPicked([]);
    setQuery(null);
  }, []);

  return {
    value,
    query,
    mentions: mentionedIds(value, picked),
    update,
    pick,
    reset,
    closeQuery: () => setQuery(null),
  };
}
