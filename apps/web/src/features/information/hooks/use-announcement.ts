import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The page's status message, starting with one handed over in the navigation state
 * (`{ announcement }`), also when the same page opens another record. Shown once: the state is
 * then cleared so a reload is quiet.
 */
export function useAnnouncement(): [string, (message: string) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state: unknown = location.state;
  const handed =
    typeof state === 'object' &&
    state !== null &&
    'announcement' in state &&
    typeof state.announcement === 'string'
      ? state.announcement
      : '';
  const [shown, setShown] = useState({ key: location.key, message: handed });
  // A new navigation carrying a message replaces the one shown (adjusted while rendering).
  if (handed && shown.key !== location.key) setShown({ key: location.key, message: handed });
  useEffect(() => {
    if (handed) void navigate('.', { replace: true, state: null });
  }, [handed, navigate]);
  return [shown.message, (message: string) => setShown((s) => ({ ...s, message }))];
}
