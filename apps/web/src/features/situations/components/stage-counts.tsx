import { STAGES, type Stage } from '@vigil/domain';
import type { CaseStats } from '../api/cases-api';
import { plural } from '../../../lib/format';
import { STAGE_LABELS } from './stage';

interface StageCountsProps {
  stats: CaseStats | undefined;
  selected: Stage[];
  onToggle: (stage: Stage) => void;
}

/** Labelled counts per stage; each is also a checkbox that filters the list by that stage. */
export function StageCounts({ stats, selected, onToggle }: StageCountsProps) {
  return (
    <fieldset className="stage-counts">
      <legend className="field__label">
        Stage{stats ? ` (${plural(stats.total, 'situation')} in all)` : ''}
      </legend>
      <div className="stage-counts__list">
        {STAGES.map((stage) => {
          const checked = selected.includes(stage);
          return (
            <label
              key={stage}
              className={`stage-count stage-count--${stage}${checked ? ' stage-count--on' : ''}`}
            >
              <input type="checkbox" checked={checked} onChange={() => onToggle(stage)} />
              <span className="stage-badge__swatch" aria-hidden="true" />
              <span>
                {STAGE_LABELS[stage]}{' '}
                <strong className="stage-count__n">{stats?.byStage[stage] ?? 0}</strong>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
