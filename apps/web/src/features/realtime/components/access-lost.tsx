import { Link } from 'react-router';

/** Shown in place of a case the user was just taken out of (membership, clearance, sharing). */
export function AccessLost({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  return (
    <section className="page" aria-labelledby="access-lost-title">
      <h1 id="access-lost-title">You no longer have access to this situation</h1>
      <div role="alert" className="alert alert--error">
        Your access changed while you were viewing it (for example you were removed from the case,
        your clearance changed or it is no longer shared), so it is no longer shown.
      </div>
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </section>
  );
}
