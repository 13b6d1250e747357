import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Retries only transient failures (network / 5xx); 4xx answers are final. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const transient = error.statusCode === 0 || error.statusCode >= 500;
  return transient && failureCount < 2;
}

/** Creates the app-wide TanStack Query client. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
