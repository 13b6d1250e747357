import { showHiddenCharacters, splitHiddenCharacters } from '@vigil/domain';
import { Fragment } from 'react';

const EXPLANATION =
  'An invisible or text-direction character, shown by its code so it cannot disguise the text';

/**
 * Text someone else typed (a title, a file name), with each invisible or text-direction character
 * written out as ⟨U+202E⟩: a right-to-left override would otherwise show `report\u202Efdp.txt`
 * as "reporttxt.pdf", and zero-width characters make two names look the same. Rendered as text,
 * never as HTML.
 */
export function VisibleText({ text }: { text: string }) {
  const segments = splitHiddenCharacters(text);
  if (segments.every((segment) => segment.hidden === undefined)) return <>{text}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.hidden === undefined ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <span key={index} className="hidden-character" title={EXPLANATION}>
            ⟨{segment.hidden}⟩
          </span>
        ),
      )}
    </>
  );
}

/** The same, for places that take a plain string (the window title, an option, a label). */
export function visibleText(text: string): string {
  return showHiddenCharacters(text);
}
