import { Fragment } from 'react';

/** A piece of text; `match` marks the words a search found. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Text with the matched words in `<mark>` (rendered as text, never as HTML). */
export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
