// "Now" for every context. Normally the real clock; e2e tests pin it by writing an ISO instant
// to `storage.local` under TEST_NOW_KEY (from the service worker, via Playwright). Web pages
// cannot reach extension storage, so a page can never move Dramalens's clock.
export const TEST_NOW_KEY = 'testing:now';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that reads the pinned instant if one is set (an invalid value is ignored). */
export function pinnedOrSystemClock(pinnedIso: unknown): Clock {
  if (typeof pinnedIso === 'string') {
    const pinned = Date.parse(pinnedIso);
    if (Number.isFinite(pinned)) return { now: () => pinned };
  }
  return systemClock;
}
