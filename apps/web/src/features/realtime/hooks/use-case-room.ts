import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseFeedEvent, PresentUser } from '@vigil/client';
import { invalidateCase, invalidateForEvent } from './invalidate-case';
import { useRealtime } from './realtime-context';

/** What the room of a case says: who is here, which view, and whether access was lost. */
export interface CaseRoom {
  /** People viewing the case now (each person once), the caller included. */
  presence: PresentUser[];
  /** The view the server gave: the Office's or the Framework Team's restricted one. */
  view: 'office' | 'framework_team' | null;
  /** The server took this user out of the room: they may no longer read the case. */
  removed: boolean;
  /** Set when the server refused to let the user in. */
  error: string | null;
}

const EMPTY: CaseRoom = { presence: [], view: null, removed: false, error: null };

/**
 * Joins the live room of a case while mounted (again after each reconnection, then refetching
 * what may have been missed), keeps presence, and refreshes the case's queries on each event.
 */
export function useCaseRoom(caseId: string | null): CaseRoom {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  const [room, setRoom] = useState<CaseRoom>(EMPTY);

  useEffect(() => {
    if (!socket || !caseId) return;
    let current = true;
    setRoom(EMPTY);
    const join = () => {
      socket.emit('case:join', { caseId }, (answer) => {
        if (!current) return;
        if (!answer.ok) {
          setRoom((r) => ({ ...r, error: answer.error }));
          return;
        }
        setRoom({ presence: answer.presence, view: answer.view, removed: false, error: null });
        // Whatever happened between the page's first load (or the drop) and now.
        void invalidateCase(queryClient, caseId);
      });
    };
    const onEvent = (event: CaseFeedEvent) => {
      if (event.caseId === caseId) void invalidateForEvent(queryClient, event);
    };
    const onPresence = (update: { caseId: string; users: PresentUser[] }) => {
      if (update.caseId === caseId) setRoom((r) => ({ ...r, presence: update.users }));
    };
    const onRemoved = (notice: { caseId: string }) => {
      if (notice.caseId !== caseId) return;
      setRoom({ ...EMPTY, removed: true });
      queryClient.removeQueries({ queryKey: ['cases', 'detail', caseId] });
      queryClient.removeQueries({ queryKey: ['comments', caseId] });
      queryClient.removeQueries({ queryKey: ['priority-situations', 'detail', caseId] });
    };

    socket.on('connect', join);
    socket.on('case:event', onEvent);
    socket.on('presence', onPresence);
    socket.on('case:removed', onRemoved);
    if (socket.connected) join();
    return () => {
      current = false;
      socket.off('connect', join);
      socket.off('case:event', onEvent);
      socket.off('presence', onPresence);
      socket.off('case:removed', onRemoved);
      if (socket.connected) socket.emit('case:leave', { caseId }, () => undefined);
    };
  }, [socket, caseId, queryClient]);

  return room;
}
