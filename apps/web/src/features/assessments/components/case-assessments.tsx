import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useAbility } from '../../../lib/ability';
import type { Case, CaseMember } from '../../situations/api/cases-api';
import { useAssessmentAbilities, useCaseAssessments } from '../hooks/use-assessments';
import { AssessmentHistoryTable } from './assessment-history-table';
import type { TrendPoint } from './assessment-trend-chart';
import { EvidenceSinceList } from './evidence-since-list';

const AssessmentTrendChart = lazy(() =>
  import('./assessment-trend-chart').then((m) => ({ default: m.AssessmentTrendChart })),
);

interface CaseAssessmentsProps {
  caseItem: Case;
  members: CaseMember[] | undefined;
}

/** The case page's risk assessments: history and trend, new evidence, a new assessment. */
export function CaseAssessments({ caseItem, members }: CaseAssessmentsProps) {
  const ability = useAbility();
  const history = useCaseAssessments(caseItem.id);
  const { canAssess } = useAssessmentAbilities(caseItem, members);
  const draft = history.data?.find((a) => a.status === 'draft');
  const points: TrendPoint[] = (history.data ?? [])
    .filter((a) => a.status === 'finalised' && a.overallLevel !== null)
    .flatMap((a) => (a.overallLevel ? [{ period: a.period, level: a.overallLevel }] : []))
    .reverse();

  return (
    <section className="card" aria-labelledby="assessments-title">
      <div className="card__header">
        <h2 id="assessments-title" className="card__title">
          Risk assessments
        </h2>
        <div className="card__actions">
          {ability.can('read', 'InformationItem') ? (
            <Link to={`/information?caseId=${caseItem.id}`} className="button button--small">
              Information on this situation
            </Link>
          ) : null}
          {canAssess ? (
            <Link
              to={`/situations/${caseItem.id}/assessments/new`}
              className="button button--small button--primary"
            >
              New assessment
            </Link>
          ) : null}
        </div>
      </div>
      {draft ? (
        <p className="note">
          A draft for {draft.period} is open:{' '}
          <Link to={`/assessments/${draft.id}`}>continue the draft</Link>.
        </p>
      ) : null}
      {history.isPending ? (
        <LoadingIndicator label="Loading assessments…" />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="muted">No assessment yet.</p>
      ) : (
        <>
          {points.length > 0 ? (
            <Suspense fallback={<LoadingIndicator label="Loading the chart…" />}>
              <AssessmentTrendChart points={points} />
            </Suspense>
          ) : null}
          <AssessmentHistoryTable assessments={history.data} />
        </>
      )}
      <EvidenceSinceList caseId={caseItem.id} />
    </section>
  );
}
