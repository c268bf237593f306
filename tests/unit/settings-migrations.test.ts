import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MIGRATIONS, migrateItem } from '../../lib/settings/migrations';
import { SETTING_KEYS, SETTINGS_VERSION } from '../../lib/settings/schema';
import { decodeStoredItems, type StoredItems } from '../../lib/settings/stored';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/settings');
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../lib/settings/migrations');

interface Fixture {
  version: number;
  items: StoredItems;
}
const fixture = (version: number): Fixture => JSON.parse(readFileSync(path.join(FIXTURES, `v${version}.json`), 'utf8'));
const versions = Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1);

/** Runs one version's step on every item of a fixture. */
function step(items: StoredItems, toVersion: number): StoredItems {
  const out: StoredItems = { ...items };
  for (const key of SETTING_KEYS) if (key in items) out[key] = migrateItem(key, items[key], toVersion - 1);
  return out;
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

  it('leaves a current value unchanged (steps are safe to re-run)', () => {
    const current = fixture(SETTINGS_VERSION).items;
    for (const key of SETTING_KEYS) expect(migrateItem(key, current[key], 1)).toEqual(current[key]);
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

  it('migrates v1 items in storage.sync to v2 and records the version (the background does this at start)', async () => {
    await fakeBrowser.storage.sync.set(fixture(1).items);
    const { migrateStoredSettings, readSettings } = await import('../../lib/settings');
    const expected = decodeStoredItems(fixture(SETTINGS_VERSION).items, SETTINGS_VERSION);
    const migrating = migrateStoredSettings();
    // Read while the migrations run, and after: the same settings either way.
    expect(await readSettings()).toEqual(expected);
    await migrating;
    const stored = await fakeBrowser.storage.sync.get(null);
    for (const key of SETTING_KEYS) {
      expect(stored[key]).toEqual(fixture(SETTINGS_VERSION).items[key]);
      expect(stored[`${key}$`]).toEqual({ v: SETTINGS_VERSION });
    }
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

  it('reads a v1-shaped value written under v2 metadata (a device still on v1)', async () => {
    await fakeBrowser.storage.sync.set({
      tracking: { mode: 'only', ids: ['goblin'] },
      tracking$: { v: 2 },
    });
    const { readSettings } = await import('../../lib/settings');
    const { settings, corrupt } = await readSettings();
    expect(corrupt).toEqual([]);
    expect(settings.tracking).toEqual({ mode: 'only', ids: ['goblin'] });
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
