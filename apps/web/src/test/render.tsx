import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { CurrentUserContext } from '../features/auth/hooks/current-user-context';
import type { User } from '../lib/api-types';

/** A signed-in user as `/api/auth/me` would give it; `overrides` change any field. */
export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: 'user-1',
    email: 'ana@example.org',
    displayName: 'Ana Analyst',
    roles: ['analyst'],
    clearance: 'confidential',
    organisationId: 'org-1',
    organisation: { id: 'org-1', name: 'Office', acronym: 'OSAPG', kind: 'office' },
    active: true,
    lockedUntil: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * Renders `ui` as the app would: a fresh query cache (no retries, so a failure shows at once) and,
 * when `user` is given, that user signed in.
 */
export function renderWithProviders(ui: ReactElement, { user }: { user?: User } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <CurrentUserContext.Provider value={user ?? null}>{children}</CurrentUserContext.Provider>
    </QueryClientProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}
