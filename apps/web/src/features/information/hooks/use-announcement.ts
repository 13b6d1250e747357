import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The page's status message, starting with one handed over by the previous page in the
 * navigation state (`{ announcement }`). Shown once: the state is cleared so a reload is quiet.
 */
export function useAnnouncement(): [string, (message: string) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state: unknown = location.state;
  const initial =
    typeof state === 'object' &&
    state !== null &&
    'announcement' in state &&
    typeof state.announcement === 'string'
      ? state.announcement
      : '';
  const [announcement, setAnnouncement] = useState(initial);
  useEffect(() => {
    if (initial) void navigate('.', { replace: true, state: null });
  }, [initial, navigate]);
  return [announcement, setAnnouncement];
}
