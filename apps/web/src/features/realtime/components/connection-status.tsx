import { useRealtime, type ConnectionStatus } from '../hooks/realtime-context';

const WORDS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const TITLES: Record<ConnectionStatus, string> = {
  connecting: 'Connecting to live updates.',
  connected: 'Changes made by others appear as they happen.',
  reconnecting: 'Live updates were interrupted; trying again. Pages catch up when it is back.',
  offline: 'No live updates. Reload the page to see the latest changes.',
};

/** A small header indicator of the live connection (text and shape, never colour alone). */
export function ConnectionStatusIndicator() {
  const { status, refusal } = useRealtime();
  return (
    <p
      className={`connection connection--${status}`}
      title={refusal ?? TITLES[status]}
      role="status"
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">Live updates: </span>
      {refusal ? 'Offline: too many tabs open' : WORDS[status]}
    </p>
  );
}
