import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { SelectField } from '../../../components/select-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { CaseMember, MemberCandidate, MemberRole } from '../api/cases-api';
import { useAddMember, useRemoveMember } from '../hooks/use-case-actions';
import { useCaseMembers, useMemberCandidates } from '../hooks/use-cases';

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  analyst: 'Analyst',
  adviser: 'Adviser',
  contributor: 'Contributor',
};
const MEMBER_ROLES: readonly MemberRole[] = ['analyst', 'adviser', 'contributor'];

function roleLabel(role: string): string {
  const labels: Record<string, string> = MEMBER_ROLE_LABELS;
  return labels[role] ?? role;
}

interface CaseMembersProps {
  caseId: string;
  /** The user's abilities allow managing the members of this case. */
  canManage: boolean;
  /** Announces a completed change in the page's status region. */
  onDone: (message: string) => void;
}

/** The members card of a case page: the list and, for those allowed, adding and removing. */
export function CaseMembers({ caseId, canManage, onDone }: CaseMembersProps) {
  const members = useCaseMembers(caseId);
  const remove = useRemoveMember(caseId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The server is the judge: if it refuses the search (403/404), do not offer the controls.
  const [refused, setRefused] = useState(false);
  const manage = canManage && !refused;
  const onRefused = useCallback(() => setRefused(true), []);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const confirmRemoval = async (member: CaseMember) => {
    if (remove.isPending) return;
    setError(null);
    try {
      await remove.mutateAsync(member.userId);
      setConfirming(null);
      onDone(`${member.displayName} was removed from the situation.`);
      headingRef.current?.focus();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const cancelRemoval = (userId: string) => {
    setConfirming(null);
    // Back to the button that opened the confirmation, once it is rendered again.
    window.setTimeout(() => removeButtons.current.get(userId)?.focus(), 0);
  };

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title" className="card__title" ref={headingRef} tabIndex={-1}>
        Members
      </h2>
      <FormAlert message={error} />
      {members.isPending ? (
        <LoadingIndicator label="Loading members…" />
      ) : members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <ul className="members" aria-label="Current members">
          {members.data.map((member) => (
            <li key={member.userId} className="member">
              <div className="member__who">
                <strong>{member.displayName}</strong>{' '}
                <span className="muted">
                  {roleLabel(member.role)} · {member.email}
                </span>
              </div>
              {manage ? (
                confirming === member.userId ? (
                  <div
                    className="member__confirm"
                    role="group"
                    aria-label={`Confirm removing ${member.displayName}`}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') cancelRemoval(member.userId);
                    }}
                  >
                    <span>Remove {member.displayName} from this situation?</span>
                    <button
                      type="button"
                      className="button button--small button--primary"
                      onClick={() => void confirmRemoval(member)}
                      disabled={remove.isPending}
                      autoFocus
                    >
                      Yes, remove
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => cancelRemoval(member.userId)}
                    >
                      Keep
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Remove ${member.displayName}`}
                    ref={(node) => {
                      if (node) removeButtons.current.set(member.userId, node);
                      else removeButtons.current.delete(member.userId);
                    }}
                    onClick={() => {
                      setError(null);
                      setConfirming(member.userId);
                    }}
                  >
                    Remove
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <AddMemberForm caseId={caseId} onAdded={onDone} onRefused={onRefused} onError={setError} />
      ) : null}
    </section>
  );
}

interface AddMemberFormProps {
  caseId: string;
  onAdded: (message: string) => void;
  /** The server refused the candidate search: the user may not manage members after all. */
  onRefused: () => void;
  onError: (message: string | null) => void;
}

/** "Find a colleague" → pick one → choose their role → "Add member". */
function AddMemberForm({ caseId, onAdded, onRefused, onError }: AddMemberFormProps) {
  const searchId = useId();
  const hintId = `${searchId}-hint`;
  const resultsId = `${searchId}-results`;
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const candidates = useMemberCandidates(caseId, q, q.length > 0);
  const [selected, setSelected] = useState<MemberCandidate | null>(null);
  const [role, setRole] = useState<MemberRole>('analyst');
  const add = useAddMember(caseId);
  const searchRef = useRef<HTMLInputElement>(null);

  const refused =
    candidates.error instanceof ApiError && [403, 404].includes(candidates.error.statusCode);
  useEffect(() => {
    if (refused) onRefused();
  }, [refused, onRefused]);

  const choose = (candidate: MemberCandidate) => {
    setSelected(candidate);
    setRole(candidate.roles.includes('adviser') ? 'adviser' : 'analyst');
    onError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!selected) {
      onError('Choose a colleague from the search results first.');
      searchRef.current?.focus();
      return;
    }
    onError(null);
    try {
      await add.mutateAsync({ userId: selected.id, role });
      onAdded(`${selected.displayName} was added as ${roleLabel(role).toLowerCase()}.`);
      setSelected(null);
      setSearch('');
      searchRef.current?.focus();
    } catch (caught) {
      onError(errorMessage(caught));
    }
  };

  const results = q && candidates.data ? candidates.data : [];
  const searching = search.trim() !== q || (q.length > 0 && candidates.isFetching);

  return (
    <form
      className="form add-member"
      aria-labelledby={`${searchId}-title`}
      aria-busy={add.isPending}
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${searchId}-title`} className="add-member__title">
        Add a member
      </h3>
      <div className="field">
        <label htmlFor={searchId} className="field__label">
          Find a colleague
        </label>
        <p id={hintId} className="field__hint">
          Analysts and advisers cleared for this situation, by name or e-mail.
        </p>
        <input
          id={searchId}
          ref={searchRef}
          className="input"
          type="search"
          autoComplete="off"
          aria-describedby={hintId}
          aria-controls={resultsId}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter picks the only match instead of submitting with nobody chosen.
            const only = results.length === 1 ? results[0] : undefined;
            if (event.key === 'Enter' && !selected && only) {
              event.preventDefault();
              choose(only);
            }
          }}
        />
      </div>
      <p className="muted" aria-live="polite">
        {!q || candidates.isError
          ? ''
          : searching && results.length === 0
            ? 'Searching…'
            : results.length === 0
              ? `No colleague matches “${q}”.`
              : `${results.length} ${results.length === 1 ? 'colleague' : 'colleagues'} found.`}
      </p>
      <div id={resultsId} className="add-member__results">
        {q && candidates.isError && !refused ? (
          <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : results.length === 0 ? null : (
          <ul className="candidates" aria-label="Colleagues found">
            {results.map((candidate) => (
              <li key={candidate.id}>
                <button
                  type="button"
                  className="button button--small button--ghost candidate"
                  aria-pressed={selected?.id === candidate.id}
                  onClick={() => choose(candidate)}
                >
                  <span>{candidate.displayName}</span>
                  <span className="muted">{candidate.email}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="muted" aria-live="polite">
        {selected ? (
          <>
            Selected: <strong>{selected.displayName}</strong>
          </>
        ) : (
          'Nobody selected yet.'
        )}
      </p>
      <SelectField
        label="Role on the case"
        value={role}
        onChange={(event) =>
          setRole(MEMBER_ROLES.find((value) => value === event.target.value) ?? 'analyst')
        }
      >
        {MEMBER_ROLES.map((value) => (
          <option key={value} value={value}>
            {MEMBER_ROLE_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          Add member
        </button>
      </div>
    </form>
  );
}
