import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LEGACY_TRACKING_KEYS } from '../../lib/settings/keys';
import { MIGRATIONS, migrateItem, migrateItems } from '../../lib/settings/migrations';
import { SETTING_KEYS, SETTINGS_VERSION } from '../../lib/settings/schema';
import { checksumOf } from '../../lib/settings/chunked-list';
import { decodeStoredItems, type StoredItems } from '../../lib/settings/stored';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/settings');
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../lib/settings/migrations');

interface Fixture {
  version: number;
  items: StoredItems;
}
const fixture = (version: number): Fixture => JSON.parse(readFileSync(path.join(FIXTURES, `v${version}.json`), 'utf8'));
const versions = Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1);

/** Runs one version's step (per item, then across items) on the items of a fixture. */
function step(items: StoredItems, toVersion: number): StoredItems {
  const migration = MIGRATIONS.find((m) => m.version === toVersion)!;
  const out: StoredItems = { ...items };
  for (const [key, migrate] of Object.entries(migration.items)) if (migrate && key in out) out[key] = migrate(out[key]);
  return migration.combine ? migration.combine(out) : out;
}

describe('settings migrations', () => {
  it('has one migration file and one fixture per version', () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^v\d+\.ts$/.test(f));
    expect(files.sort()).toEqual(versions.slice(1).map((n) => `v${n}.ts`));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(versions.slice(1));
    for (const n of versions) expect(fixture(n).version).toBe(n);
  });

  it.each(versions.slice(1))('the step to v%i turns the previous fixture into this one', (n) => {
    expect(step(fixture(n - 1).items, n)).toEqual(fixture(n).items);
  });

  it.each(versions)('every step from v%i reads as the current fixture', (n) => {
    const current = decodeStoredItems(fixture(SETTINGS_VERSION).items, SETTINGS_VERSION);
    expect(current.corrupt).toEqual([]);
    expect(decodeStoredItems(fixture(n).items, n)).toEqual(current);
    // Values are recognised by shape, so reading storage from version 1 gives the same.
    expect(decodeStoredItems(fixture(n).items, 1)).toEqual(current);
  });

  it('leaves current values unchanged (steps are safe to re-run)', () => {
    const current = fixture(SETTINGS_VERSION).items;
    for (const key of SETTING_KEYS) expect(migrateItem(key, current[key], 1)).toEqual(current[key]);
    expect(migrateItems(current, 1)).toEqual(current);
  });

  it('v2 → v3: untracked dramas become muted; an "only" list becomes followed dramas lit alone', () => {
    const only = migrateItems({ tracking: { mode: 'only', ids: 'goblin,signal', overflow: 0 } }, 2);
    expect(Object.keys(only).filter((key) => LEGACY_TRACKING_KEYS.includes(key))).toEqual([]);
    const { settings } = decodeStoredItems(only, SETTINGS_VERSION);
    expect(settings.follows).toEqual({ goblin: { status: 'watching' }, signal: { status: 'watching' } });
    expect(settings.highlightScope).toBe('followed');
    expect(settings.muted).toEqual({ dramas: [], people: [] });
    // Version-3 items already stored (another device migrated first) win over a late v2 list.
    const both = migrateItems(
      { tracking: { mode: 'only', ids: 'goblin', overflow: 0 }, muted: { list: 'p:iu', overflow: 0 } },
      2,
    );
    expect(both).toEqual({ muted: { list: 'p:iu', overflow: 0 } });
    // An unreadable v2 list (half-synced overflow) falls back to the defaults.
    const broken = migrateItems({ tracking: { mode: 'only', ids: 'a', overflow: 1, checksum: '00000000' } }, 2);
    expect(decodeStoredItems(broken, SETTINGS_VERSION).settings.follows).toEqual({});
  });

  it('v2 → v3 carries a tracking list that spilled into overflow items, whole', () => {
    const ids = Array.from({ length: 900 }, (_, i) => `drama-number-${String(i).padStart(4, '0')}`);
    const chunks = [ids.slice(0, 400).join(','), ids.slice(400).join(',')];
    const header = { mode: 'all-except', ids: chunks[0], overflow: 1, checksum: checksumOf(ids.join(',')) };
    const { settings, corrupt } = decodeStoredItems({ tracking: header, 'tracking.1': chunks[1] }, 2);
    expect(corrupt).toEqual([]);
    expect(settings.muted.dramas).toEqual(ids);
  });

  it('passes values of no known shape through for the reader to report', () => {
    for (const key of SETTING_KEYS) {
      expect(migrateItem(key, 'garbage', 1)).toBe('garbage');
      expect(migrateItem(key, { mode: 'sometimes' }, 1)).toEqual({ mode: 'sometimes' });
    }
  });
});

describe('WXT storage migrations of stored items', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules(); // items are defined once per context: a fresh module is a fresh context
  });

  it('migrates v1 items in storage.sync to the current version, retires the tracking items, and records the version (the background does this at start)', async () => {
    await fakeBrowser.storage.sync.set(fixture(1).items);
    const { migrateStoredSettings, readSettings } = await import('../../lib/settings');
    const expected = decodeStoredItems(fixture(SETTINGS_VERSION).items, SETTINGS_VERSION);
    const migrating = migrateStoredSettings();
    // Read while the migrations run, and after: the same settings either way.
    expect(await readSettings()).toEqual(expected);
    await migrating;
    const stored = await fakeBrowser.storage.sync.get(null);
    // Items the fixture has (an item never written, like v4's reminders, stays absent).
    for (const key of SETTING_KEYS.filter((k) => k in fixture(SETTINGS_VERSION).items)) {
      expect(stored[key]).toEqual(fixture(SETTINGS_VERSION).items[key]);
      expect(stored[`${key}$`]).toEqual({ v: SETTINGS_VERSION });
    }
    expect(Object.keys(stored).filter((key) => key.startsWith('tracking'))).toEqual([]);
    expect(await readSettings()).toEqual(expected);
  });

  it('reads v1 items without writing anything: a page load only reads', async () => {
    await fakeBrowser.storage.sync.set(fixture(1).items);
    const before = await fakeBrowser.storage.sync.get(null);
    const { readSettings } = await import('../../lib/settings');
    expect(await readSettings()).toEqual(decodeStoredItems(fixture(SETTINGS_VERSION).items, SETTINGS_VERSION));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('reads a v1-shaped tracking value written under v2 metadata (a device still on v1)', async () => {
    await fakeBrowser.storage.sync.set({
      tracking: { mode: 'only', ids: ['goblin'] },
      tracking$: { v: 2 },
    });
    const { readSettings } = await import('../../lib/settings');
    const { settings, corrupt } = await readSettings();
    expect(corrupt).toEqual([]);
    expect(settings.follows).toEqual({ goblin: { status: 'watching' } });
    expect(settings.highlightScope).toBe('followed');
  });

  it('a write of a fresh item records the current version with it', async () => {
    const { saveSettings } = await import('../../lib/settings');
    await saveSettings({ enabled: false });
    expect(await fakeBrowser.storage.sync.get(['enabled', 'enabled$'])).toEqual({
      enabled: false,
      enabled$: { v: SETTINGS_VERSION },
    });
  });
});

describe('a write before the background migrated', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('keeps what the v2 tracking list meant: following a drama does not unmute the untracked ones', async () => {
    await fakeBrowser.storage.sync.set(fixture(2).items);
    const { readSettings, setFollow } = await import('../../lib/settings');
    await setFollow('signal', { status: 'plan' });
    const { settings } = await readSettings();
    expect(settings.follows).toEqual({ signal: { status: 'plan' } });
    expect(settings.muted.dramas).toEqual(['goblin', 'nevertheless']);
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).filter((k) => k.startsWith('tracking'))).toEqual([]);
  });
});
