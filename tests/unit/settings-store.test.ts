import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  readSettings,
  saveSettings,
  setDramaTracked,
  setSiteDisabled,
  watchSettings,
  type Settings,
} from '../../lib/settings';
import { encodeTracking } from '../../lib/settings/tracking';

const sync = () => fakeBrowser.storage.sync;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('readSettings', () => {
  it('reads defaults from empty storage', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, corrupt: [] });
  });

  it.each([
    ['enabled', 'yes'],
    ['tracking', { mode: 'sometimes', ids: [] }],
    ['tracking', { mode: 'only', ids: 'goblin,Not An Id', overflow: 0 }],
    ['tracking', 42],
    ['disabledSites', 'soompi.com'],
    ['disabledSites', ['soompi.com', 7]],
    ['display', { timeDisplay: 'mars' }],
    ['display', { ...DEFAULT_SETTINGS.display, dramaColor: 'plaid' }],
  ])('a corrupt %s falls back to its default alone, without throwing', async (key, value) => {
    await sync().set({ enabled: false, [key]: value });
    const { settings, corrupt } = await readSettings();
    expect(corrupt).toEqual([key]);
    expect(settings[key as keyof Settings]).toEqual(DEFAULT_SETTINGS[key as keyof Settings]);
    if (key !== 'enabled') expect(settings.enabled).toBe(false);
  });

  it('reads a list of strings as sites the way v1 lists are migrated: entries that are no site are dropped', async () => {
    await sync().set({ disabledSites: ['Soompi.com', 'not a site'] });
    expect(await readSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['soompi.com'] },
      corrupt: [],
    });
  });

  it('treats a tracking list whose overflow items do not match its header as unreadable', async () => {
    const ids = Array.from({ length: 900 }, (_, i) => `drama-number-${i}`);
    const items = encodeTracking({ mode: 'only', ids });
    expect(Object.keys(items).length).toBeGreaterThan(1);
    // Sync delivers items one by one: the header of a new write, the overflow of an old one.
    await sync().set({ ...items, 'tracking.1': 'drama-from-another-write' });
    const { settings, corrupt } = await readSettings();
    expect(corrupt).toEqual(['tracking']);
    expect(settings.tracking).toEqual(DEFAULT_SETTINGS.tracking);
    await sync().set(items);
    expect((await readSettings()).settings.tracking).toEqual({ mode: 'only', ids: [...ids].sort() });
  });

  it('falls back to defaults when storage itself fails', async () => {
    vi.spyOn(sync(), 'get').mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, corrupt: [] });
  });
});

describe('saving and watching', () => {
  it('delivers each change to watchers once, with the new settings', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await saveSettings({ enabled: false, display: { ...DEFAULT_SETTINGS.display, hourCycle: 24 } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].enabled).toBe(false);
    expect(seen[0].display.hourCycle).toBe(24);
    unwatch();
    await saveSettings({ enabled: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
  });

  it('writes a tracking list with overflow in one storage.sync.set', async () => {
    const set = vi.spyOn(sync(), 'set');
    const ids = Array.from({ length: 1200 }, (_, i) => `drama-number-${i}`);
    await saveSettings({ tracking: { mode: 'only', ids } });
    const valueWrites = set.mock.calls.filter(([items]) => 'tracking' in items);
    expect(valueWrites).toHaveLength(1);
    // The header, its overflow items and the item's version metadata, together.
    expect(Object.keys(valueWrites[0][0]).sort()).toEqual(['tracking', 'tracking$', 'tracking.1', 'tracking.2']);
    // Shrinking removes the overflow items no longer needed.
    await saveSettings({ tracking: { mode: 'only', ids: ['goblin'] } });
    const stored = await sync().get(null);
    expect(Object.keys(stored).filter((k) => k.startsWith('tracking.'))).toEqual([]);
    expect((await readSettings()).settings.tracking).toEqual({ mode: 'only', ids: ['goblin'] });
  });

  it('refuses invalid settings without writing', async () => {
    await expect(saveSettings({ disabledSites: ['not a site'] })).rejects.toThrow(/disabledSites/);
    await expect(saveSettings({ tracking: { mode: 'only', ids: ['a,b'] } })).rejects.toThrow(/tracking/);
    expect(await sync().get(null)).toEqual({});
  });
});

describe('setDramaTracked', () => {
  it('toggles one drama within the current mode', async () => {
    await setDramaTracked('nevertheless', false);
    expect((await readSettings()).settings.tracking).toEqual({ mode: 'all-except', ids: ['nevertheless'] });
    await setDramaTracked('nevertheless', true);
    expect((await readSettings()).settings.tracking).toEqual({ mode: 'all-except', ids: [] });
  });

  it('stores the smaller set when it knows every drama', async () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    await saveSettings({ tracking: { mode: 'all-except', ids: ['a', 'b'] } });
    await setDramaTracked('c', false, all);
    expect((await readSettings()).settings.tracking).toEqual({ mode: 'only', ids: ['d', 'e'] });
    await setDramaTracked('c', true, all);
    expect((await readSettings()).settings.tracking).toEqual({ mode: 'all-except', ids: ['a', 'b'] });
  });

  it('applies quick successive toggles in order', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => setDramaTracked(id, false)));
    expect((await readSettings()).settings.tracking.ids).toEqual(['a', 'b', 'c']);
  });
});

describe('setSiteDisabled', () => {
  it('adds a hostname and switches it back on, parents included', async () => {
    await setSiteDisabled('soompi.com', true);
    await setSiteDisabled('news.soompi.com', true); // already covered: no change
    expect((await readSettings()).settings.disabledSites).toEqual(['soompi.com']);
    await setSiteDisabled('news.soompi.com', false);
    expect((await readSettings()).settings.disabledSites).toEqual([]);
  });
});
