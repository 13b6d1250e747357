import { useRef, useState } from 'react';
import { SPEECH_HALLMARK_LABELS, isRabatLevel, type SpeechHallmark } from '@vigil/domain';
import { formatDateTime } from '../../../lib/format';
import type { InformationItem } from '../api/information-api';
import { useItem } from '../hooks/use-information';
import { SpeechAssessmentForm } from './speech-assessment-form';

interface SpeechAssessmentCardProps {
  item: InformationItem;
  onDone: (message: string) => void;
}

const hallmarkLabel = (h: string) =>
  h in SPEECH_HALLMARK_LABELS ? SPEECH_HALLMARK_LABELS[h as SpeechHallmark] : h;

/** The Rabat assessment of a speech item: as recorded, and a form for those who may edit. */
export function SpeechAssessmentCard({ item, onDone }: SpeechAssessmentCardProps) {
  const [editing, setEditing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const query = useItem(item.id);
  const assessment = item.speechAssessment;
  const close = () => {
    setEditing(false);
    window.setTimeout(() => headingRef.current?.focus(), 0);
  };

  return (
    <section className="card" aria-labelledby="speech-title">
      <div className="card__header">
        <h2 id="speech-title" className="card__title" ref={headingRef} tabIndex={-1}>
          Speech assessment
        </h2>
        {item.canEdit && !editing ? (
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {assessment ? 'Edit the speech assessment' : 'Assess the speech'}
          </button>
        ) : null}
      </div>
      {editing ? (
        <SpeechAssessmentForm
          item={item}
          onSaved={() => {
            close();
            onDone('Speech assessment saved.');
          }}
          onCancel={close}
          onReload={async () => (await query.refetch()).data}
        />
      ) : assessment ? (
        <>
          <p
            className={`rabat-level rabat-level--${isRabatLevel(assessment.level) ? assessment.level : 'of_concern'}`}
          >
            Level: <strong>{assessment.levelLabel}</strong>
          </p>
          <ul className="computed-level__reasons">
            {assessment.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <dl className="details details--compact">
            <dt>Speaker</dt>
            <dd>
              {assessment.speaker}
              {assessment.speakerStatus ? ` (${assessment.speakerStatus})` : ''}
            </dd>
            <dt>Audience</dt>
            <dd>{assessment.audience || '—'}</dd>
            <dt>Target group</dt>
            <dd>{assessment.targetGroup}</dd>
            <dt>Medium and reach</dt>
            <dd>{[assessment.medium, assessment.reach].filter(Boolean).join('; ') || '—'}</dd>
            <dt>Hallmarks</dt>
            <dd>{assessment.hallmarks.map(hallmarkLabel).join(', ') || 'None recorded'}</dd>
            <dt>Assessed</dt>
            <dd>
              {formatDateTime(assessment.assessedAt)} by {assessment.assessedBy.displayName}
            </dd>
          </dl>
          <table className="table table--dense">
            <caption className="visually-hidden">The six parts of the Rabat test</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Met</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {assessment.parts.map((part) => (
                <tr key={part.part}>
                  <th scope="row" className="table__wrap">
                    {part.label}
                  </th>
                  <td>{part.met ? 'Met' : 'Not met'}</td>
                  <td className="table__wrap">{part.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">
          Not assessed yet. The Rabat test decides whether the speech is of concern, may warrant
          civil or administrative action, or is incitement.
        </p>
      )}
    </section>
  );
}
