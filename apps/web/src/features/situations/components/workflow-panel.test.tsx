import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { buildUser, renderWithProviders } from '../../../test/render';
import {
  decideEscalation,
  getEscalation,
  proposeMove,
  recordReview,
  type Escalation,
  type Workflow,
} from '../api/cases-api';
import { WorkflowPanel } from './workflow-panel';

// Every function of the api module becomes a mock; each test says what the server answers.
vi.mock('../api/cases-api');

const adviser = buildUser({ id: 'adviser-1', displayName: 'Ada Adviser', roles: ['adviser'] });

const workflow = (overrides: Partial<Workflow> = {}): Workflow => ({
  caseId: 'case-1',
  stage: 'monitoring',
  subState: 'steady',
  version: 3,
  pendingEscalationId: null,
  allowedEvents: [],
  proposableStages: [],
  nextReviewDue: null,
  ...overrides,
});

const escalation = (overrides: Partial<Escalation> = {}): Escalation => ({
  id: 'esc-1',
  caseId: 'case-1',
  caseReference: 'SIT-2026-0001',
  caseTitle: 'Darfur',
  fromStage: 'monitoring',
  toStage: 'alert',
  justification: 'Killings reported in three villages.',
  proposedBy: { id: 'analyst-1', displayName: 'Ana Analyst' },
  status: 'pending',
  approvals: [
    {
      userId: 'adviser-2',
      displayName: 'Ben Adviser',
      email: 'ben@example.org',
      at: '2026-03-01T10:00:00.000Z',
      note: null,
    },
  ],
  approvalsRequired: 2,
  decidedBy: null,
  decisionNote: null,
  decidedAt: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  waitingSeconds: 7200,
  canApprove: true,
  ...overrides,
});

const pending = (allowedEvents: Workflow['allowedEvents']) =>
  workflow({ subState: 'pending', pendingEscalationId: 'esc-1', allowedEvents });

function show(current: Workflow, user = adviser) {
  const onDone = vi.fn();
  renderWithProviders(<WorkflowPanel caseId="case-1" workflow={current} onDone={onDone} />, {
    user,
  });
  return { onDone, user: userEvent.setup({ delay: null }) };
}

describe('WorkflowPanel', () => {
  it('offers only the actions the server allows now', () => {
    show(workflow({ allowedEvents: ['PROPOSE', 'RECORD_REVIEW'], proposableStages: ['alert'] }));
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Propose a move', 'Record review']);
    expect(screen.getByText('Monitoring')).toBeTruthy();
  });

  it('says when there is nothing to do, and hides "Propose" without a stage to propose', () => {
    show(workflow({ allowedEvents: [] }));
    expect(
      screen.getByText("There is nothing you can do on this situation's workflow now."),
    ).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('shows the pending proposal: the move, who proposed it and the approvals so far', async () => {
    vi.mocked(getEscalation).mockResolvedValue(escalation());
    show(pending(['APPROVE', 'REJECT']));
    expect(screen.getByText(/awaiting approval/)).toBeTruthy();
    expect(await screen.findByText('Monitoring → Alert')).toBeTruthy();
    expect(screen.getByText('Ana Analyst (waiting 2 hours)')).toBeTruthy();
    expect(screen.getByText('1 of 2: Ben Adviser (ben@example.org)')).toBeTruthy();
    expect(getEscalation).toHaveBeenCalledWith('esc-1');
  });

  it('tells the proposer that someone else must approve their proposal', async () => {
    vi.mocked(getEscalation).mockResolvedValue(
      escalation({ proposedBy: { id: adviser.id, displayName: adviser.displayName } }),
    );
    show(pending(['WITHDRAW']));
    expect(
      await screen.findByText('Your own proposal: another adviser must approve it.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('records an approval with the note written, then says so', async () => {
    vi.mocked(getEscalation).mockResolvedValue(escalation());
    vi.mocked(decideEscalation).mockResolvedValue(escalation({ status: 'approved' }));
    const { user, onDone } = show(pending(['APPROVE', 'REJECT']));
    await user.type(screen.getByLabelText('Decision note (optional)'), 'Agreed.');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Approval recorded.'));
    expect(decideEscalation).toHaveBeenCalledWith('esc-1', 'approve', 'Agreed.');
    expect((screen.getByLabelText('Decision note (optional)') as HTMLTextAreaElement).value).toBe(
      '',
    );
  });

  it('shows why a decision was refused and keeps the note', async () => {
    vi.mocked(getEscalation).mockResolvedValue(escalation());
    vi.mocked(decideEscalation).mockRejectedValue(
      new ApiError({ statusCode: 409, error: 'Conflict', message: 'The proposal was withdrawn.' }),
    );
    const { user, onDone } = show(pending(['APPROVE', 'REJECT']));
    await user.type(screen.getByLabelText('Decision note (optional)'), 'No.');
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The proposal was withdrawn.');
    expect(decideEscalation).toHaveBeenCalledWith('esc-1', 'reject', 'No.');
    expect((screen.getByLabelText('Decision note (optional)') as HTMLTextAreaElement).value).toBe(
      'No.',
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends a proposal only with a target stage and a justification', async () => {
    vi.mocked(proposeMove).mockResolvedValue(escalation());
    const { user, onDone } = show(
      workflow({ allowedEvents: ['PROPOSE'], proposableStages: ['alert', 'closed'] }),
    );
    await user.click(screen.getByRole('button', { name: 'Propose a move' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Propose a move' }));
    const send = dialog.getByRole('button', { name: 'Send proposal' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.selectOptions(dialog.getByLabelText('Target stage'), 'Alert');
    await user.type(dialog.getByLabelText(/Justification/), '  Reports of killings.  ');
    expect(send.disabled).toBe(false);
    await user.click(send);
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith(
        'Proposal to move to Alert sent; it is awaiting approval.',
      ),
    );
    expect(proposeMove).toHaveBeenCalledWith('case-1', {
      toStage: 'alert',
      justification: 'Reports of killings.',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the proposal dialog open with the reason when the server refuses it', async () => {
    vi.mocked(proposeMove).mockRejectedValue(
      new ApiError({
        statusCode: 409,
        error: 'Conflict',
        message: 'A proposal is already pending.',
      }),
    );
    const { user, onDone } = show(
      workflow({ allowedEvents: ['PROPOSE'], proposableStages: ['alert'] }),
    );
    await user.click(screen.getByRole('button', { name: 'Propose a move' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Propose a move' }));
    // The only stage on offer is already chosen.
    await user.type(dialog.getByLabelText(/Justification/), 'Why.');
    await user.click(dialog.getByRole('button', { name: 'Send proposal' }));
    expect((await dialog.findByRole('alert')).textContent).toBe('A proposal is already pending.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('records a review with its note', async () => {
    vi.mocked(recordReview).mockResolvedValue(workflow());
    const { user, onDone } = show(workflow({ allowedEvents: ['RECORD_REVIEW'] }));
    await user.click(screen.getByRole('button', { name: 'Record review' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Record review' }));
    await user.type(dialog.getByLabelText(/Review note/), 'Situation unchanged.');
    await user.click(dialog.getByRole('button', { name: 'Record review' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Review recorded.'));
    expect(recordReview).toHaveBeenCalledWith('case-1', 'Situation unchanged.');
  });
});
