import { useEffect } from 'react';

/** Sets `document.title` to "<title> · Vigil". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Vigil` : 'Vigil';
  }, [title]);
}
