import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAnnouncement } from '../../information/hooks/use-announcement';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { useSupersedeAssessment } from '../hooks/use-assessment-actions';
import {
  useAssessedCase,
  useAssessment,
  useAssessmentAbilities,
  useCaseAssessments,
} from '../hooks/use-assessments';
import { AssessmentForm } from './assessment-form';
import { STATUS_LABELS } from './assessment-labels';
import { AssessmentView } from './assessment-view';
import { VisibleText } from '../../../components/visible-text';

/** `/assessments/:id`: edit a draft, or read a finalised one (and supersede it to revise). */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const assessment = useAssessment(id);
  const caseId = assessment.data?.caseId ?? '';
  const { item, members } = useAssessedCase(caseId);
  const history = useCaseAssessments(caseId);
  const supersede = useSupersedeAssessment(id);
  const [announcement, setAnnouncement] = useAnnouncement();
  const [error, setError] = useState<string | null>(null);
  const { canAssess, canFinalise } = useAssessmentAbilities(item.data, members.data);
  useDocumentTitle(assessment.data ? `Assessment ${assessment.data.period}` : 'Assessment');

  if (assessment.isPending || (assessment.data && (item.isPending || members.isPending)))
    return <LoadingIndicator label="Loading the assessment…" />;
  if (assessment.isError || item.isError) {
    const failure = assessment.error ?? item.error;
    if (failure instanceof ApiError && [400, 403, 404].includes(failure.statusCode))
      return <NotFoundPage />;
    return <QueryError error={failure} onRetry={() => void assessment.refetch()} />;
  }
  const a = assessment.data;
  const c = item.data;
  if (!c) return <LoadingIndicator label="Loading the situation…" />;
  const editable = a.status === 'draft' && canAssess;

  const revise = async () => {
    setError(null);
    try {
      const draft = await supersede.mutateAsync();
      void navigate(`/assessments/${draft.id}`, {
        state: { announcement: `A new draft for ${draft.period} was started from this one.` },
      });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <article className="page page--wide" aria-labelledby="assessment-title">
      <p className="breadcrumb">
        <Link to={`/situations/${c.id}`}>
          ← {c.reference}: <VisibleText text={c.title} />
        </Link>
      </p>
      <div className="page__header">
        <h1 id="assessment-title">
          Risk assessment, {a.period}{' '}
          <span className={`badge status-badge status-badge--${a.status}`} data-testid="status">
            {STATUS_LABELS[a.status]}
          </span>
        </h1>
        {a.status === 'finalised' && canAssess ? (
          <button
            type="button"
            className="button"
            onClick={() => void revise()}
            disabled={supersede.isPending}
          >
            Supersede (revise)
          </button>
        ) : null}
      </div>
      <p role="status" className="page__status">
        {announcement}
      </p>
      <FormAlert message={error} />
      {a.status === 'superseded' ? (
        <p className="note">A later revision for {a.period} replaced this assessment.</p>
      ) : null}
      {a.status === 'draft' && !canAssess ? (
        <p className="note">This is a draft. Only those who work the situation may edit it.</p>
      ) : null}
      {editable ? (
        <AssessmentForm
          key={a.id}
          caseItem={c}
          assessment={a}
          history={history.data ?? []}
          canFinalise={canFinalise}
          onCreated={() => undefined}
          onAnnounce={setAnnouncement}
          onReload={async () => (await assessment.refetch()).data}
        />
      ) : (
        <AssessmentView assessment={a} />
      )}
    </article>
  );
}
