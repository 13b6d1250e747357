import { useEffect, useState } from 'react';
import { DocumentProvider, type DocumentSyncState } from '@vigil/client';
import { useRealtime } from '../../realtime/hooks/realtime-context';

export interface DocumentConnection {
  /** The Yjs provider over the session's socket; null until the socket exists. */
  provider: DocumentProvider | null;
  state: DocumentSyncState | null;
  /** The server has answered a join at least once, so `state.readOnly` is its answer. */
  answered: boolean;
}

/** Opens the shared document over the session's socket while mounted. */
export function useDocumentProvider(documentId: string): DocumentConnection {
  const { socket } = useRealtime();
  const [connection, setConnection] = useState<DocumentConnection>({
    provider: null,
    state: null,
    answered: false,
  });

  useEffect(() => {
    if (!socket || !documentId) return;
    const provider = new DocumentProvider(socket, documentId);
    let answered = false;
    const stop = provider.subscribe((state) => {
      answered ||= state.joined || state.error !== null;
      setConnection({ provider, state, answered });
    });
    return () => {
      stop();
      provider.destroy();
      setConnection({ provider: null, state: null, answered: false });
    };
  }, [socket, documentId]);

  return connection;
}
