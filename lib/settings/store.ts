// Settings in storage.sync through WXT storage: versioned items with migrations, one read path,
// atomic writes, and a single change listener. Items are defined on first use, so importing this
// module does nothing (WXT starts an item's migration as soon as it is defined).
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { StoredList } from './chunked-list';
import { LEGACY_TRACKING_KEYS, LIST_KEYS, MAX_LIST_OVERFLOW, overflowKey } from './keys';
import { withFollow, withMuted, type Follow } from './library';
import { migrateItems, wxtMigrationsFor } from './migrations';
import { SettingsQuotaError, syncQuotaProblem } from './quota';
import { SETTING_KEYS, SETTINGS_VERSION, type SettingKey, type Settings } from './schema';
import { addDisabledSite } from './sites';
import { readSettingsFrom, watchSettingsIn, type SettingsArea } from './read';
import { decodeStoredItems, encodeSettings, invalidSetting, type DecodedSettings, type StoredItems } from './stored';

function defineVersionedItems() {
  const define = (key: SettingKey) =>
    storage.defineItem<unknown>(`sync:${key}`, {
      fallback: null,
      version: SETTINGS_VERSION,
      migrations: wxtMigrationsFor(key),
    });
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, define(key)])) as Record<
    SettingKey,
    ReturnType<typeof define>
  >;
}

let versionedItems: ReturnType<typeof defineVersionedItems> | undefined;
/** Defining the items starts WXT's migrations of stored values in this context. */
const settingsItems = () => (versionedItems ??= defineVersionedItems());

/**
 * Brings the stored items up to the current settings version: WXT's per-item migrations, then
 * the steps that replace items (version 2's `tracking` becomes `follows`, `muted` and
 * `highlightScope`, migrations/v3.ts). The background calls it when it starts, and every write
 * waits for it. Readers need not: `readSettings` reads any version, so a page load does not pay
 * a storage round trip per item for it.
 */
export function migrateStoredSettings(): Promise<void> {
  // Defining the items starts their migrations; getMeta resolves once they are done.
  return Promise.all(Object.values(settingsItems()).map((item) => item.getMeta()))
    .then(() => queued(retireLegacyItems))
    .then(() => undefined);
}

async function retireLegacyItems(): Promise<void> {
  const current = (await storage.snapshot('sync')) as StoredItems;
  const legacy = [...LEGACY_TRACKING_KEYS, `${LEGACY_TRACKING_KEYS[0]}$`].filter((key) => key in current);
  if (legacy.length === 0) return;
  // From version 1: steps go by shape, and a device on v1 may have written the list late.
  const migrated = migrateItems(current, 1);
  const writes: StoredItems = {};
  for (const [key, value] of Object.entries(migrated)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) writes[key] = value;
  }
  for (const key of Object.keys(writes)) {
    if ((SETTING_KEYS as readonly string[]).includes(key)) writes[`${key}$`] = { v: SETTINGS_VERSION };
  }
  if (Object.keys(writes).length > 0)
    await storage.setItems(Object.entries(writes).map(([key, value]) => ({ key: `sync:${key}` as const, value })));
  await storage.removeItems(legacy.map((key) => `sync:${key}` as const));
}

/** Current settings; never throws (see read.ts). */
export const readSettings = (): Promise<DecodedSettings> => readSettingsFrom(browser.storage.sync);

/** Calls `onChange` with fresh settings after every change to them, from any context or device. */
export const watchSettings = (onChange: (settings: Settings) => void): (() => void) =>
  watchSettingsIn(browser.storage.sync as unknown as SettingsArea, onChange);

// Writes from one context run one after another, so a read-modify-write never interleaves.
let writeQueue: Promise<unknown> = Promise.resolve();
function queued<T>(write: () => Promise<T>): Promise<T> {
  const run = writeQueue.then(write, write);
  writeQueue = run.catch(() => undefined);
  return run;
}

/**
 * Saves the given settings (the others stay). All items go in one `storage.sync.set`, so every
 * context sees the change at once; overflow items no longer needed are removed after it.
 * Throws SettingsQuotaError when storage.sync could not hold the result.
 */
export function saveSettings(patch: Partial<Settings>): Promise<void> {
  return queued(() => writeSettings(patch));
}

async function writeSettings(change: Partial<Settings>): Promise<void> {
  const problem = invalidSetting(change);
  if (problem) throw new Error(`Settings not saved: ${problem}`);
  const versioned = settingsItems();
  const current = (await storage.snapshot('sync')) as StoredItems;
  // Version 2's tracking list not yet retired (the background has not started since the
  // update): write everything it turns into along with the change, so no part of it is lost.
  const legacy = LEGACY_TRACKING_KEYS.filter((key) => key in current);
  let patch = change;
  if (legacy.length > 0) {
    const { follows, muted, highlightScope } = decodeStoredItems(current).settings;
    patch = { follows, muted, highlightScope, ...change };
  }
  const items = encodeSettings(patch);
  const keys = SETTING_KEYS.filter((key) => patch[key] !== undefined);
  // getMeta waits for this context's migrations, so a migration cannot overwrite this write.
  const metas = await Promise.all(keys.map((key) => versioned[key].getMeta() as Promise<{ v?: number }>));
  const metaWrites: StoredItems = {};
  keys.forEach((key, i) => {
    if (metas[i].v !== SETTINGS_VERSION) metaWrites[`${key}$`] = { ...metas[i], v: SETTINGS_VERSION };
  });

  const after: StoredItems = { ...current, ...items };
  const stale: string[] = [...legacy];
  for (const key of legacy) delete after[key];
  for (const key of LIST_KEYS) {
    if (!patch[key]) continue;
    const overflow = (items[key] as StoredList).overflow;
    for (let n = overflow + 1; n <= MAX_LIST_OVERFLOW; n++) {
      const item = overflowKey(key, n);
      if (item in current) stale.push(item);
      delete after[item];
    }
  }
  Object.assign(after, metaWrites);
  const quota = syncQuotaProblem(after);
  if (quota) throw new SettingsQuotaError(`Settings not saved: ${quota}.`, (l) => l.t('settings.notSaved.storageFull'));

  // Values and WXT's version metadata (kept under `<key>$`) in one set: one change event, and
  // one write against storage.sync's write-rate limits (120 a minute).
  const writes = { ...items, ...metaWrites };
  await storage.setItems(Object.entries(writes).map(([key, value]) => ({ key: `sync:${key}` as const, value })));
  if (stale.length) await storage.removeItems(stale.map((key) => `sync:${key}` as const));
}

/** Follows `dramaId` with a status and progress, or unfollows it with null. */
export function setFollow(dramaId: string, follow: Follow | null): Promise<void> {
  return queued(async () => {
    const { settings } = await readSettings();
    await writeSettings({ follows: withFollow(settings.follows, dramaId, follow) });
  });
}

/** Mutes a drama or a person (never lit, never counted), or unmutes it. */
export function setMuted(kind: 'drama' | 'person', id: string, muted: boolean): Promise<void> {
  return queued(async () => {
    const { settings } = await readSettings();
    await writeSettings({ muted: withMuted(settings.muted, kind, id, muted) });
  });
}

/**
 * Switches Dramalens off for a hostname and its subdomains, or back on: on removes every entry
 * that covers the hostname (the hostname itself and its parent domains).
 */
export function setSiteDisabled(hostname: string, disabled: boolean): Promise<void> {
  return queued(async () => {
    const { settings } = await readSettings();
    const sites = settings.disabledSites;
    if (disabled) {
      const change = addDisabledSite(sites, hostname);
      if (change.ok) await writeSettings({ disabledSites: change.sites });
      return;
    }
    const kept = sites.filter((site) => !(hostname === site || hostname.endsWith(`.${site}`)));
    if (kept.length !== sites.length) await writeSettings({ disabledSites: kept });
  });
}
