import { Link } from 'react-router';

interface AccessLostProps {
  backTo: string;
  backLabel: string;
  /** What was taken away: a situation (the default) or a document of one. */
  subject?: 'situation' | 'document';
}

const EXPLANATIONS = {
  situation:
    'Your access changed while you were viewing it (for example you were removed from the case, ' +
    'it was classified above your clearance, your clearance changed or it is no longer shared), ' +
    'so it is no longer shown.',
  document:
    'Your access to this document was withdrawn while you had it open (for example you were ' +
    'removed from the situation or your clearance changed). Its text is no longer shown, and ' +
    'nothing more you type is sent.',
} as const;

/** Shown in place of a case or document the user was just taken out of (membership, clearance). */
export function AccessLost({ backTo, backLabel, subject = 'situation' }: AccessLostProps) {
  return (
    <section className="page" aria-labelledby="access-lost-title">
      <h1 id="access-lost-title">You no longer have access to this {subject}</h1>
      <div role="alert" className="alert alert--error">
        <span>{EXPLANATIONS[subject]}</span>
      </div>
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </section>
  );
}
