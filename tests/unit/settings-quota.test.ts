// storage.sync quotas with thousands of dramas. The fake below refuses writes the way Chrome
// does (documented limits; tests/e2e/options.test.ts checks the per-item accounting against
// Chromium itself), independently of lib/settings/quota.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import index from '../../generated/index.json';
import { readSettings, saveSettings, SettingsQuotaError, setDramaTracked } from '../../lib/settings';
import { rebalanceTracking, type Tracking } from '../../lib/settings/tracking';

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

describe('storage.sync quotas with thousands of dramas', () => {
  it('the quota-enforcing fake refuses what Chrome refuses', async () => {
    await expect(fakeBrowser.storage.sync.set({ big: 'x'.repeat(PER_ITEM) })).rejects.toThrow(/PER_ITEM/);
  });

  it('v1’s single item would have been refused at a few hundred untracked dramas', async () => {
    const ids = syntheticIds(500);
    expect(bytes('tracking', { mode: 'all-except', ids })).toBeGreaterThan(PER_ITEM);
    await saveSettings({ tracking: { mode: 'all-except', ids } }); // v2 stores it fine
    expect((await readSettings()).settings.tracking.ids).toHaveLength(500);
  });

  it.each([2_000, 5_000, 9_000])(
    'any selection of a %i-drama index fits, half tracked being the worst',
    { timeout: 30_000 },
    async (count) => {
      const all = syntheticIds(count);
      for (const share of [0.02, 0.5, 0.98]) {
        const tracked = pick(all, share);
        const tracking = rebalanceTracking({ mode: 'only', ids: tracked }, all);
        expect(tracking.ids.length).toBeLessThanOrEqual(count / 2);
        await saveSettings({ tracking, enabled: true, disabledSites: ['soompi.com'] });
        const { settings, corrupt } = await readSettings();
        expect(corrupt).toEqual([]);
        const trackedSet = new Set(tracked);
        expect(all.filter((id) => (settings.tracking.mode === 'only') === settings.tracking.ids.includes(id))).toEqual(
          all.filter((id) => trackedSet.has(id)),
        );
        const usage = await syncUsage();
        expect(usage.largest).toBeLessThanOrEqual(PER_ITEM);
        expect(usage.total).toBeLessThanOrEqual(TOTAL);
      }
    },
  );

  it('at the limit: the largest list fits, one more id is refused cleanly and changes nothing', async () => {
    const ids = syntheticIds(20_000);
    // Find the longest prefix of ids that saves (binary search over real writes).
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      fakeBrowser.reset();
      enforceChromeSyncQuotas();
      const ok = await saveSettings({ tracking: { mode: 'only', ids: ids.slice(0, mid) } }).then(
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
    await saveSettings({ tracking: { mode: 'only', ids: ids.slice(0, capacity) } });
    const usage = await syncUsage();
    const before = await fakeBrowser.storage.sync.get(null);
    await expect(saveSettings({ tracking: { mode: 'only', ids: ids.slice(0, capacity + 1) } })).rejects.toThrow(
      SettingsQuotaError,
    );
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
    // The list is the smaller set, so an index of twice this many dramas always fits.
    expect(capacity).toBeGreaterThan(4_500);
    expect(usage.total).toBeGreaterThan(TOTAL - 2 * 24); // full: not even two more ids would fit
    console.info(
      `sync quota: ${capacity} listed ids (avg ${(ids.slice(0, capacity).join('').length / capacity).toFixed(1)} chars) ` +
        `fit in ${usage.items} items, ${usage.total} bytes, largest item ${usage.largest} bytes`,
    );
  });

  it('untracking one by one from the popup never outgrows the quota either', async () => {
    const all = syntheticIds(1_200);
    await saveSettings({ tracking: { mode: 'all-except', ids: [] } });
    for (const id of all.slice(0, 650)) {
      // The popup and card pass no index: the list grows by one id each time.
      await setDramaTracked(id, false);
    }
    const { settings } = await readSettings();
    expect(settings.tracking.ids).toHaveLength(650);
    // One toggle from the options page (which knows every drama) stores the smaller set again.
    await setDramaTracked(all[1_000], false, all);
    const tracking: Tracking = (await readSettings()).settings.tracking;
    expect(tracking).toEqual({ mode: 'only', ids: [...all.slice(650, 1_000), ...all.slice(1_001)].sort() });
  }, 30_000);
});
