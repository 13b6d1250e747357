// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mentionAt, mentionedIds } from './use-mention-query';

const ana = { id: 'u1', displayName: 'Ana Herrera', organisationAcronym: 'OSAPG' };
const tomas = { id: 'u2', displayName: 'Tomás', organisationAcronym: 'OHCHR' };

describe('mentions', () => {
  it('finds the @name being typed at the caret, accents included', () => {
    expect(mentionAt('Thanks @Tom', 11)).toEqual({ start: 7, text: 'Tom' });
    expect(mentionAt('@Tomá', 5)).toEqual({ start: 0, text: 'Tomá' });
    expect(mentionAt('cc @', 4)).toEqual({ start: 3, text: '' });
  });

  it('ignores an @ inside a word (an e-mail address) and text after the caret', () => {
    expect(mentionAt('write to ana@example', 20)).toBeNull();
    expect(mentionAt('@Ana and more', 13)).toBeNull();
  });

  it('keeps only the people whose @Name is still in the text, once each', () => {
    expect(mentionedIds('@Ana Herrera and @Tomás, again @Ana Herrera', [ana, tomas, ana])).toEqual([
      'u1',
      'u2',
    ]);
    expect(mentionedIds('I removed the mention', [ana])).toEqual([]);
  });
});
