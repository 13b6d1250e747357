import { useState } from 'react';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { SelectField } from '../../../components/select-field';
import type { DiffPart, DocumentVersion } from '../api/documents-api';
import { useDocumentDiff } from '../hooks/use-documents';

interface VersionDiffProps {
  documentId: string;
  versions: DocumentVersion[];
}

/** One stretch of the diff: insertions and deletions say so in words, not only in colour. */
function Part({ part }: { part: DiffPart }) {
  if (part.kind === 'added')
    return (
      <ins className="diff__added">
        <span className="visually-hidden">added: </span>
        {part.text}
      </ins>
    );
  if (part.kind === 'removed')
    return (
      <del className="diff__removed">
        <span className="visually-hidden">removed: </span>
        {part.text}
      </del>
    );
  return <span>{part.text}</span>;
}

/** Compare two versions (the two latest by default). */
export function VersionDiff({ documentId, versions }: VersionDiffProps) {
  const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
  const latest = numbers[numbers.length - 1] ?? null;
  const before = numbers[numbers.length - 2] ?? null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const chosenFrom = from ?? before;
  const chosenTo = to ?? latest;
  const diff = useDocumentDiff(documentId, chosenFrom, chosenTo);

  if (numbers.length < 2) return null;
  const options = numbers.map((n) => (
    <option key={n} value={n}>
      Version {n}
    </option>
  ));
  const changed = diff.data?.parts.some((p) => p.kind !== 'same') ?? false;

  return (
    <section className="doc-diff" aria-labelledby="diff-title">
      <h3 id="diff-title" className="form-section__title">
        Compare versions
      </h3>
      <div className="doc-diff__pickers">
        <SelectField
          label="From"
          value={chosenFrom ?? ''}
          onChange={(e) => setFrom(Number(e.target.value))}
        >
          {options}
        </SelectField>
        <SelectField
          label="To"
          value={chosenTo ?? ''}
          onChange={(e) => setTo(Number(e.target.value))}
        >
          {options}
        </SelectField>
      </div>
      {chosenFrom === chosenTo ? (
        <p className="muted">Choose two different versions.</p>
      ) : diff.isPending ? (
        <LoadingIndicator label="Comparing…" />
      ) : diff.isError ? (
        <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
      ) : !changed ? (
        <p className="muted">
          Versions {chosenFrom} and {chosenTo} have the same text.
        </p>
      ) : (
        <div
          className="diff"
          aria-label={`Changes from version ${chosenFrom} to ${chosenTo}`}
          role="region"
        >
          {diff.data.parts.map((part, index) => (
            <Part key={index} part={part} />
          ))}
        </div>
      )}
      <p className="muted doc-diff__legend">
        <ins className="diff__added">Added text</ins> is underlined;{' '}
        <del className="diff__removed">removed text</del> is struck through.
      </p>
    </section>
  );
}
