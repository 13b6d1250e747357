import type { CommentAuthor } from '../api/comments-api';

interface MentionOptionsProps {
  id: string;
  options: CommentAuthor[];
  active: number;
  loading: boolean;
  onPick: (person: CommentAuthor) => void;
}

/** The listbox under the textarea while an `@name` is typed (driven from the textarea's keys). */
export function MentionOptions({ id, options, active, loading, onPick }: MentionOptionsProps) {
  return (
    <div className="mention-options">
      <ul
        id={id}
        role="listbox"
        aria-label="People who can read this thread"
        className="mention-options__list"
      >
        {options.map((person, index) => (
          <li
            key={person.id}
            id={`${id}-${person.id}`}
            role="option"
            aria-selected={index === active}
            className={`mention-options__option${index === active ? ' mention-options__option--active' : ''}`}
            // Keep the focus in the textarea while choosing with the mouse.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(person)}
          >
            {person.displayName} <span className="muted">{person.organisationAcronym}</span>
          </li>
        ))}
      </ul>
      {options.length === 0 ? (
        <p className="mention-options__empty muted">
          {loading ? 'Looking for people…' : 'Nobody who can read this thread matches.'}
        </p>
      ) : null}
    </div>
  );
}
