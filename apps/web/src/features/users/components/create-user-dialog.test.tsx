import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { renderWithProviders } from '../../../test/render';
import {
  listOrganisations,
  type OrganisationPage,
} from '../../organisations/api/organisations-api';
import { createUser, type UserChange } from '../api/users-api';
import { CreateUserDialog } from './create-user-dialog';

vi.mock('../api/users-api', () => ({ createUser: vi.fn() }));
vi.mock('../../organisations/api/organisations-api', () => ({ listOrganisations: vi.fn() }));

const organisations = {
  items: [
    { id: 'org-2', name: 'Regional Office', acronym: 'RO', kind: 'office' },
    { id: 'org-1', name: 'African Union', acronym: 'AU', kind: 'regional_org' },
  ],
  nextCursor: null,
} as unknown as OrganisationPage;

const created = { id: 'new-user', displayName: 'Chen Wei' } as UserChange;

beforeEach(() => {
  vi.mocked(listOrganisations).mockResolvedValue(organisations);
});

function open() {
  const onClose = vi.fn();
  const onCreated = vi.fn();
  renderWithProviders(<CreateUserDialog onClose={onClose} onCreated={onCreated} />);
  return { onClose, onCreated, user: userEvent.setup({ delay: null }) };
}

/** Fills every field correctly; the organisations must have loaded. */
async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Display name'), '  Chen Wei ');
  await user.type(screen.getByLabelText('E-mail'), ' chen@example.org ');
  await user.type(screen.getByLabelText('Initial password'), 'four uncommon words here');
  await user.click(screen.getByRole('checkbox', { name: 'analyst' }));
  await user.selectOptions(screen.getByLabelText('Clearance'), 'Confidential');
  await screen.findByRole('option', { name: 'African Union' });
  await user.selectOptions(screen.getByLabelText('Organisation'), 'African Union');
}

describe('CreateUserDialog', () => {
  it('lists the organisations by name to choose from', async () => {
    open();
    await screen.findByRole('option', { name: 'African Union' });
    const names = [...(screen.getByLabelText('Organisation') as HTMLSelectElement).options].map(
      (o) => o.textContent,
    );
    expect(names).toEqual(['Choose an organisation…', 'African Union', 'Regional Office']);
  });

  it('shows what is missing beside each field, focuses the first, and sends nothing', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getByRole('alert').textContent).toBe('Please correct the highlighted fields.');
    expect(screen.getByRole('textbox', { name: 'Display name' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(
      screen.getByRole('textbox', { name: 'Display name', description: 'Enter a display name.' }),
    ).toBe(document.activeElement);
    expect(
      screen.getByRole('textbox', { name: 'E-mail', description: 'Enter an e-mail address.' }),
    ).toBeTruthy();
    expect(screen.getByText('Choose at least one role.')).toBeTruthy();
    expect(screen.getByText('Choose a clearance.')).toBeTruthy();
    expect(createUser).not.toHaveBeenCalled();
  });

  it('creates the user with trimmed values and hands the result back', async () => {
    vi.mocked(createUser).mockResolvedValue(created);
    const { user, onCreated } = open();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(createUser).toHaveBeenCalledWith({
      email: 'chen@example.org',
      displayName: 'Chen Wei',
      password: 'four uncommon words here',
      roles: ['analyst'],
      clearance: 'confidential',
      organisationId: 'org-1',
    });
  });

  it("shows the server's field messages beside their fields and its message above", async () => {
    vi.mocked(createUser).mockRejectedValue(
      new ApiError({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Some fields need attention.',
        details: [
          { field: 'email', message: 'This e-mail address is already in use.' },
          { field: 'password', message: 'This password is too easy to guess.' },
        ],
      }),
    );
    const { user, onCreated } = open();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const email = await screen.findByRole('textbox', {
      name: 'E-mail',
      description: 'This e-mail address is already in use.',
    });
    expect(email).toBe(document.activeElement);
    expect(screen.getByLabelText('Initial password').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('This password is too easy to guess.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Some fields need attention.');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('is busy while the user is being created: one request, the button disabled', async () => {
    let finish: (value: UserChange) => void = () => undefined;
    vi.mocked(createUser).mockImplementation(
      () => new Promise<UserChange>((resolve) => (finish = resolve)),
    );
    const { user, onCreated } = open();
    await fillIn(user);
    const submit = screen.getByRole('button', { name: 'Create user' });
    await user.click(submit);
    await waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(true));
    expect(submit.closest('form')?.getAttribute('aria-busy')).toBe('true');
    await user.click(submit);
    expect(createUser).toHaveBeenCalledTimes(1);
    finish(created);
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  });

  it('closes on Cancel', async () => {
    const { user, onClose } = open();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
  });
});
