import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { buildUser, renderWithProviders } from '../../../test/render';
import { listMentionable } from '../api/comments-api';
import { CommentComposer } from './comment-composer';

vi.mock('../api/comments-api');

const me = buildUser({ id: 'me', displayName: 'Tomás Self' });
const people = [
  { id: 'me', displayName: 'Tomás Self', organisationAcronym: 'OSAPG' },
  { id: 'u1', displayName: 'Tomás Herrera', organisationAcronym: 'OHCHR' },
  { id: 'u2', displayName: 'Ana Tomlinson', organisationAcronym: 'UNHCR' },
  { id: 'u3', displayName: 'Ben Okafor', organisationAcronym: 'AU' },
];

beforeEach(() => {
  vi.mocked(listMentionable).mockResolvedValue(people);
});

function show(onSubmit = vi.fn<(body: string, mentions: string[]) => Promise<void>>()) {
  onSubmit.mockResolvedValue(undefined);
  const onCancel = vi.fn();
  renderWithProviders(
    <CommentComposer
      caseId="case-1"
      thread="internal"
      label="Add a comment"
      submitLabel="Send"
      onSubmit={onSubmit}
      onCancel={onCancel}
    />,
    { user: me },
  );
  const textarea = screen.getByLabelText('Add a comment') as HTMLTextAreaElement;
  return { onSubmit, onCancel, textarea, user: userEvent.setup({ delay: null }) };
}

describe('CommentComposer', () => {
  it('asks for some text instead of sending an empty comment', async () => {
    const { user, onSubmit, textarea } = show();
    await user.type(textarea, '   ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe('Write something before sending.');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the trimmed text and empties the field once sent', async () => {
    const { user, onSubmit, textarea } = show();
    await user.type(textarea, '  Looks **right** to me.  ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith('Looks **right** to me.', []);
    await waitFor(() => expect(textarea.value).toBe(''));
  });

  it('sends with Ctrl+Enter', async () => {
    const { user, onSubmit, textarea } = show();
    await user.type(textarea, 'Quick note');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledWith('Quick note', []);
  });

  it('offers the people matching an @name, accents aside, never oneself', async () => {
    const { user, textarea } = show();
    await user.type(textarea, 'cc @tomas');
    const listbox = await screen.findByRole('listbox', { name: 'People who can read this thread' });
    await waitFor(() =>
      expect([...listbox.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual([
        'Tomás Herrera OHCHR',
      ]),
    );
    // Once typing pauses, the server is asked for the words typed.
    await waitFor(() =>
      expect(listMentionable).toHaveBeenLastCalledWith('case-1', 'internal', 'tomas'),
    );
  });

  it('picks a person with the keyboard and sends their id with the comment', async () => {
    const { user, onSubmit, textarea } = show();
    await user.type(textarea, 'Thanks @tom');
    await screen.findByRole('option', { name: /Ana Tomlinson/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(textarea.value).toBe('Thanks @Ana Tomlinson ');
    await user.type(textarea, 'for this.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledWith('Thanks @Ana Tomlinson for this.', ['u2']);
  });

  it('forgets a mention whose @Name was deleted from the text', async () => {
    const { user, onSubmit, textarea } = show();
    await user.type(textarea, '@ben');
    await user.click(await screen.findByRole('option', { name: /Ben Okafor/ }));
    expect(textarea.value).toBe('@Ben Okafor ');
    await user.clear(textarea);
    await user.type(textarea, 'Never mind');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith('Never mind', []);
  });

  it("shows the server's message about a field and keeps the text", async () => {
    const onSubmit = vi.fn<(body: string, mentions: string[]) => Promise<void>>();
    const { user, textarea } = show(onSubmit);
    onSubmit.mockRejectedValue(
      new ApiError({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Check the comment.',
        details: [{ field: 'mentions.0', message: 'Ben cannot read this thread.' }],
      }),
    );
    await user.type(textarea, 'Hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ben cannot read this thread.');
    expect(textarea.value).toBe('Hello');
    expect(document.activeElement).toBe(textarea);
  });

  it('cancels with Escape when no list of people is open', async () => {
    const { user, onCancel, textarea } = show();
    await user.type(textarea, 'Draft');
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
