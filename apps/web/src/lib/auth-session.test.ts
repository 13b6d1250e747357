import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type SessionModule = typeof import('./auth-session');

const grant = (id: string, displayName: string, expiresIn = 900) => ({
  accessToken: `token-of-${id}`,
  expiresIn,
  user: { id, displayName },
});

/** A fresh copy of the store, as a newly opened tab has (the store is module state). */
async function openTab(): Promise<SessionModule> {
  vi.resetModules();
  return import('./auth-session');
}

/** Another tab of the same browser (BroadcastChannel reaches every other channel of that name). */
let otherTab: BroadcastChannel;
beforeEach(() => {
  otherTab = new BroadcastChannel('vigil.session');
});
afterEach(() => {
  otherTab.close();
  vi.useRealTimers();
});

/** Resolves once the store has told its subscribers something changed. */
function nextChange(session: SessionModule): Promise<void> {
  return new Promise((resolve) => {
    const stop = session.subscribeSession(() => {
      stop();
      resolve();
    });
  });
}

describe('auth session store', () => {
  it('starts signed out in a browser that never signed in', async () => {
    const session = await openTab();
    expect(session.getSessionState()).toEqual({
      status: 'anonymous',
      notice: null,
      userId: null,
      elsewhere: null,
    });
  });

  it('starts restoring when this browser may hold a session', async () => {
    window.localStorage.setItem('vigil.hasSession', '1');
    const session = await openTab();
    expect(session.getSessionState().status).toBe('restoring');
  });

  it('signs in: keeps the token in memory only, leaves a hint and tells subscribers', async () => {
    const session = await openTab();
    const listener = vi.fn();
    session.subscribeSession(listener);
    session.startSession(grant('u1', 'Ana'));
    expect(session.getSessionState()).toMatchObject({ status: 'authenticated', userId: 'u1' });
    expect(session.getAccessToken()).toBe('token-of-u1');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem('vigil.hasSession')).toBe('1');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('token-of-u1');
  });

  it('stops offering a token shortly before it expires', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00.000Z') });
    const session = await openTab();
    session.startSession(grant('u1', 'Ana', 60));
    expect(session.getUnexpiredAccessToken(15_000)).toBe('token-of-u1');
    vi.advanceTimersByTime(46_000);
    expect(session.getUnexpiredAccessToken(15_000)).toBeNull();
    expect(session.getAccessToken()).toBe('token-of-u1');
  });

  it('signs out with a notice, forgets the token and the hint', async () => {
    const session = await openTab();
    session.startSession(grant('u1', 'Ana'));
    const epoch = session.getSessionEpoch();
    session.clearSession(session.SESSION_EXPIRED_MESSAGE);
    expect(session.getSessionState()).toMatchObject({
      status: 'anonymous',
      notice: 'Your session has expired. Please sign in again.',
    });
    expect(session.getAccessToken()).toBeNull();
    expect(session.getSessionEpoch()).not.toBe(epoch);
    expect(window.localStorage.getItem('vigil.hasSession')).toBeNull();
    session.dismissNotice();
    expect(session.getSessionState().notice).toBeNull();
  });

  it('refuses a refresh that now belongs to someone else and says who signed in', async () => {
    const session = await openTab();
    session.startSession(grant('u1', 'Ana'));
    expect(session.renewSession(grant('u2', 'Ben'))).toBe(false);
    expect(session.getSessionState()).toEqual({
      status: 'anonymous',
      notice:
        'Ben signed in to Vigil in another window of this browser, so you were signed out here.',
      userId: null,
      elsewhere: { id: 'u2', displayName: 'Ben' },
    });
    expect(session.getAccessToken()).toBeNull();
  });

  it('renews the same person without changing the epoch', async () => {
    const session = await openTab();
    session.startSession(grant('u1', 'Ana'));
    const epoch = session.getSessionEpoch();
    expect(session.renewSession({ ...grant('u1', 'Ana'), accessToken: 'fresh' })).toBe(true);
    expect(session.getAccessToken()).toBe('fresh');
    expect(session.getSessionEpoch()).toBe(epoch);
  });

  it('is signed out when someone else signs in in another tab', async () => {
    const session = await openTab();
    session.startSession(grant('u1', 'Ana'));
    const changed = nextChange(session);
    otherTab.postMessage({ type: 'signed-in', user: { id: 'u2', displayName: 'Ben' } });
    await changed;
    expect(session.getSessionState()).toMatchObject({
      status: 'anonymous',
      elsewhere: { id: 'u2', displayName: 'Ben' },
    });
  });

  it('follows a sign-out in another tab, and ignores messages that are not its own', async () => {
    const session = await openTab();
    session.startSession(grant('u1', 'Ana'));
    const changed = nextChange(session);
    otherTab.postMessage({ type: 'signed-in', user: { id: 42 } });
    otherTab.postMessage({ type: 'signed-out' });
    await changed;
    expect(session.getSessionState()).toMatchObject({
      status: 'anonymous',
      notice: 'You were signed out in another window.',
    });
  });

  it('tells the other tabs when this one signs in', async () => {
    const session = await openTab();
    const heard = new Promise<unknown>((resolve) =>
      otherTab.addEventListener('message', (event) => resolve(event.data), { once: true }),
    );
    session.startSession(grant('u1', 'Ana'));
    await expect(heard).resolves.toEqual({
      type: 'signed-in',
      user: { id: 'u1', displayName: 'Ana' },
    });
  });
});
