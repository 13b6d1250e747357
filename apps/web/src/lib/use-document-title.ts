import { showHiddenCharacters } from '@vigil/domain';
import { useEffect } from 'react';

/**
 * Sets `document.title` to "<title> · Vigil", with invisible and text-direction characters of a
 * title someone typed written out (⟨U+202E⟩), as on the page.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${showHiddenCharacters(title)} · Vigil` : 'Vigil';
  }, [title]);
}
