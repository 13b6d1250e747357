import type { DocumentSyncState } from '@vigil/client';
import { plural } from '../../../lib/format';
import type { ConnectionStatus } from '../../realtime/hooks/realtime-context';

interface SyncStatusProps {
  connection: ConnectionStatus;
  state: DocumentSyncState | null;
  readOnly: boolean;
}

type Tone = 'ok' | 'busy' | 'warning';

/** Words for where the text stands: connected or not, and whether every edit is stored. */
export function describeSync(
  connection: ConnectionStatus,
  state: DocumentSyncState | null,
  readOnly: boolean,
): { link: string; saved: string; tone: Tone } {
  const pending = state?.pending ?? 0;
  const edits = plural(pending, 'edit');
  if (connection === 'offline') {
    return {
      link: 'Offline',
      saved: pending > 0 ? `${edits} pending` : 'Edits are kept here until the connection is back',
      tone: 'warning',
    };
  }
  if (!state?.joined) {
    const link = connection === 'connecting' && pending === 0 ? 'Connecting…' : 'Reconnecting…';
    return { link, saved: pending > 0 ? `${edits} pending` : '', tone: 'warning' };
  }
  if (!state.synced) return { link: 'Connected', saved: 'Loading the text…', tone: 'busy' };
  if (readOnly) return { link: 'Connected', saved: 'Read only', tone: 'ok' };
  if (pending > 0) return { link: 'Connected', saved: `Saving ${edits}…`, tone: 'busy' };
  return { link: 'Connected', saved: 'All changes saved', tone: 'ok' };
}

/** The document's connection and save state, in words (never colour alone). */
export function SyncStatus({ connection, state, readOnly }: SyncStatusProps) {
  const { link, saved, tone } = describeSync(connection, state, readOnly);
  return (
    <p className={`doc-sync doc-sync--${tone}`} role="status" data-testid="sync-status">
      <span className="doc-sync__dot" aria-hidden="true" />
      <span className="doc-sync__link">{link}</span>
      {saved ? <span className="doc-sync__saved"> — {saved}</span> : null}
    </p>
  );
}
