// storage.sync quotas with hundreds of followed dramas and thousands of mutes. The fake below refuses writes the way Chrome
// does (documented limits; tests/e2e/options.test.ts checks the per-item accounting against
// Chromium itself), independently of lib/settings/quota.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { uiLocalizer } from '../../lib/i18n';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import index from '../../generated/index.json';
import {
  FOLLOW_STATUSES,
  readSettings,
  saveSettings,
  SettingsQuotaError,
  setFollow,
  type Follows,
} from '../../lib/settings';

const PER_ITEM = 8192;
const TOTAL = 102_400;
const MAX_ITEMS = 512;
const bytes = (key: string, value: unknown) => Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));

function enforceChromeSyncQuotas() {
  vi.restoreAllMocks();
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const after = { ...(await sync.get(null)), ...items };
    for (const [key, value] of Object.entries(items)) {
      if (bytes(key, value) > PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    const total = Object.entries(after).reduce((sum, [key, value]) => sum + bytes(key, value), 0);
    if (total > TOTAL) throw new Error('QUOTA_BYTES quota exceeded');
    if (Object.keys(after).length > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    return set(items);
  });
}

async function syncUsage() {
  const stored = await fakeBrowser.storage.sync.get(null);
  const perItem = Object.entries(stored).map(([key, value]) => bytes(key, value));
  return { items: perItem.length, largest: Math.max(...perItem), total: perItem.reduce((a, b) => a + b, 0) };
}

/**
 * A synthetic index of `count` dramas whose ids are the bundled index's ids with a number
 * added: about 5 characters longer than real ids on average.
 */
function syntheticIds(count: number): string[] {
  const real = index.dramas.map((d) => d.id);
  return Array.from({ length: count }, (_, i) => `${real[i % real.length]}-${i}`);
}

/** A deterministic pseudo-random selection of about `share` of the ids. */
function pick(ids: string[], share: number): string[] {
  let seed = 12345;
  return ids.filter(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < share);
}

beforeEach(() => {
  fakeBrowser.reset();
  enforceChromeSyncQuotas();
});

/** Follows for `ids`, every status, progress on the watching and on-hold ones (up to 3 digits). */
function followsOf(ids: string[]): Follows {
  const follows: Follows = {};
  ids.forEach((id, i) => {
    const status = FOLLOW_STATUSES[i % FOLLOW_STATUSES.length];
    follows[id] = status === 'watching' || status === 'on-hold' ? { status, episode: (i % 120) + 1 } : { status };
  });
  return follows;
}

describe('storage.sync quotas with hundreds of followed dramas', () => {
  it('the quota-enforcing fake refuses what Chrome refuses', async () => {
    await expect(fakeBrowser.storage.sync.set({ big: 'x'.repeat(PER_ITEM) })).rejects.toThrow(/PER_ITEM/);
  });

  it.each([300, 1_000, 2_000])(
    '%i followed dramas with statuses and progress, plus 500 muted names, fit and read back',
    { timeout: 30_000 },
    async (count) => {
      const ids = syntheticIds(count);
      const follows = followsOf(ids);
      const muted = { dramas: pick(syntheticIds(5_000), 0.06), people: pick(syntheticIds(3_000), 0.06) };
      await saveSettings({ follows, muted, enabled: true, disabledSites: ['soompi.com'] });
      const { settings, corrupt } = await readSettings();
      expect(corrupt).toEqual([]);
      expect(settings.follows).toEqual(follows);
      expect(settings.muted.dramas).toEqual([...muted.dramas].sort());
      const usage = await syncUsage();
      expect(usage.largest).toBeLessThanOrEqual(PER_ITEM);
      expect(usage.total).toBeLessThanOrEqual(TOTAL);
      console.info(
        `sync quota: ${count} follows + ${muted.dramas.length + muted.people.length} mutes in ${usage.items} items, ${usage.total} bytes`,
      );
    },
  );

  it('at the limit: the most follows that fit save, one more is refused cleanly and changes nothing', async () => {
    const ids = syntheticIds(8_000);
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      fakeBrowser.reset();
      enforceChromeSyncQuotas();
      const ok = await saveSettings({ follows: followsOf(ids.slice(0, mid)) }).then(
        () => true,
        (error) => {
          expect(error).toBeInstanceOf(SettingsQuotaError);
          return false;
        },
      );
      if (ok) low = mid;
      else high = mid - 1;
    }
    const capacity = low;
    fakeBrowser.reset();
    enforceChromeSyncQuotas();
    await saveSettings({ follows: followsOf(ids.slice(0, capacity)) });
    const usage = await syncUsage();
    const before = await fakeBrowser.storage.sync.get(null);
    const refused = await saveSettings({ follows: followsOf(ids.slice(0, capacity + 1)) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SettingsQuotaError);
    // What the options page tells the reader, from the catalogue.
    expect((refused as SettingsQuotaError).reason(uiLocalizer())).toMatch(/^Settings not saved: .*synced storage/);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
    expect(capacity).toBeGreaterThan(2_500);
    console.info(`sync quota: at most ${capacity} follows fit (${usage.items} items, ${usage.total} bytes)`);
  }, 60_000);

  it('following one by one from cards never outgrows the quota', async () => {
    const ids = syntheticIds(400);
    for (const id of ids) await setFollow(id, { status: 'watching', episode: 9 });
    const { settings, corrupt } = await readSettings();
    expect(corrupt).toEqual([]);
    expect(Object.keys(settings.follows)).toHaveLength(400);
    expect((await syncUsage()).largest).toBeLessThanOrEqual(PER_ITEM);
  }, 30_000);
});
