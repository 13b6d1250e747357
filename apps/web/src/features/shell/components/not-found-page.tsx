import { Link } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Shown for unknown routes and for routes the user may not use (so they are not revealed). */
export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p>The page you are looking for does not exist or has moved.</p>
      <p>
        <Link to="/">Go to the overview</Link>
      </p>
    </section>
  );
}
