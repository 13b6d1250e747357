import { Link, useNavigate, useParams } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { useCase, useCaseMembers } from '../../situations/hooks/use-cases';
import { useAssessmentAbilities, useCaseAssessments } from '../hooks/use-assessments';
import { AssessmentForm } from './assessment-form';
import { VisibleText } from '../../../components/visible-text';

/** `/situations/:caseId/assessments/new`: draft a risk assessment of a situation. */
export function NewAssessmentPage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const item = useCase(caseId);
  const members = useCaseMembers(caseId);
  const history = useCaseAssessments(caseId);
  const { canAssess, canFinalise } = useAssessmentAbilities(item.data, members.data);
  useDocumentTitle(item.data ? `New assessment: ${item.data.reference}` : 'New assessment');

  if (item.isPending || members.isPending) return <LoadingIndicator label="Loading…" />;
  if (item.isError) {
    if (item.error instanceof ApiError && [400, 403, 404].includes(item.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  }
  const data = item.data;

  return (
    <section className="page page--wide" aria-labelledby="assessment-title">
      <p className="breadcrumb">
        <Link to={`/situations/${data.id}`}>
          ← {data.reference}: <VisibleText text={data.title} />
        </Link>
      </p>
      <h1 id="assessment-title">New risk assessment</h1>
      <p className="muted">
        {data.reference}, {data.countryName}. Rate each applicable factor of the Framework of
        Analysis; the computed level follows your ratings.
      </p>
      {canAssess ? (
        <AssessmentForm
          caseItem={data}
          assessment={null}
          history={history.data ?? []}
          canFinalise={canFinalise}
          onCreated={(created) =>
            void navigate(`/assessments/${created.id}`, {
              state: { announcement: `Draft assessment for ${created.period} saved.` },
            })
          }
          onAnnounce={() => undefined}
          onReload={() => Promise.resolve(undefined)}
        />
      ) : (
        <p role="alert" className="alert alert--error">
          Only those who work this situation may draft its assessments.
        </p>
      )}
    </section>
  );
}
