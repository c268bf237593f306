import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  readSettings,
  saveSettings,
  setFollow,
  setMuted,
  setSiteDisabled,
  watchSettings,
  type Settings,
} from '../../lib/settings';
import { encodeList } from '../../lib/settings/chunked-list';

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
    ['follows', { list: 'goblin:w', overflow: 0, extra: 1 }],
    ['follows', { list: 'goblin:z', overflow: 0 }],
    ['follows', 42],
    ['muted', { list: 'd:Not An Id', overflow: 0 }],
    ['highlightScope', 'some'],
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

  it('treats a follow list whose overflow items do not match its header as unreadable', async () => {
    const tokens = Array.from({ length: 900 }, (_, i) => `drama-number-${i}:p`);
    const items = encodeList('follows', tokens, 'followed dramas');
    expect(Object.keys(items).length).toBeGreaterThan(1);
    // Sync delivers items one by one: the header of a new write, the overflow of an old one.
    await sync().set({ ...items, 'follows.1': 'drama-from-another-write:w' });
    const { settings, corrupt } = await readSettings();
    expect(corrupt).toEqual(['follows']);
    expect(settings.follows).toEqual(DEFAULT_SETTINGS.follows);
    await sync().set(items);
    expect(Object.keys((await readSettings()).settings.follows)).toHaveLength(900);
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

  it('writes a mute list with overflow in one storage.sync.set', async () => {
    const set = vi.spyOn(sync(), 'set');
    const dramas = Array.from({ length: 1200 }, (_, i) => `drama-number-${i}`);
    await saveSettings({ muted: { dramas, people: [] } });
    const valueWrites = set.mock.calls.filter(([items]) => 'muted' in items);
    expect(valueWrites).toHaveLength(1);
    // The header, its overflow items and the item's version metadata, together.
    expect(Object.keys(valueWrites[0][0]).sort()).toEqual(['muted', 'muted$', 'muted.1', 'muted.2']);
    // Shrinking removes the overflow items no longer needed.
    await saveSettings({ muted: { dramas: ['goblin'], people: [] } });
    const stored = await sync().get(null);
    expect(Object.keys(stored).filter((k) => k.startsWith('muted.'))).toEqual([]);
    expect((await readSettings()).settings.muted).toEqual({ dramas: ['goblin'], people: [] });
  });

  it('refuses invalid settings without writing', async () => {
    await expect(saveSettings({ disabledSites: ['not a site'] })).rejects.toThrow(/disabledSites/);
    await expect(saveSettings({ muted: { dramas: ['a,b'], people: [] } })).rejects.toThrow(/muted/);
    await expect(saveSettings({ follows: { a: { status: 'watching', episode: 0 } } })).rejects.toThrow(/follows/);
    expect(await sync().get(null)).toEqual({});
  });
});

describe('setFollow and setMuted', () => {
  it('follows, changes status and progress, and unfollows one drama', async () => {
    await setFollow('nevertheless', { status: 'watching', episode: 3 });
    await setFollow('goblin', { status: 'plan' });
    expect((await readSettings()).settings.follows).toEqual({
      nevertheless: { status: 'watching', episode: 3 },
      goblin: { status: 'plan' },
    });
    await setFollow('nevertheless', null);
    expect((await readSettings()).settings.follows).toEqual({ goblin: { status: 'plan' } });
  });

  it('mutes and unmutes names, and applies quick successive changes in order', async () => {
    await Promise.all([
      setMuted('drama', 'a', true),
      setMuted('person', 'b', true),
      setMuted('drama', 'c', true),
      setFollow('a', { status: 'completed' }),
    ]);
    expect((await readSettings()).settings.muted).toEqual({ dramas: ['a', 'c'], people: ['b'] });
    expect((await readSettings()).settings.follows).toEqual({ a: { status: 'completed' } });
    await setMuted('drama', 'a', false);
    expect((await readSettings()).settings.muted).toEqual({ dramas: ['c'], people: ['b'] });
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
