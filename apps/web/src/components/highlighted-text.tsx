import { Fragment } from 'react';
import { VisibleText } from './visible-text';

/** A piece of text; `match` marks the words a search found. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Text with the matched words in `<mark>` (rendered as text, never as HTML), invisible and
 * text-direction characters written out (VisibleText).
 */
export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index}>
            <VisibleText text={segment.text} />
          </mark>
        ) : (
          <Fragment key={index}>
            <VisibleText text={segment.text} />
          </Fragment>
        ),
      )}
    </>
  );
}
