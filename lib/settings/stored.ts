// Settings ⇄ the items stored in storage.sync (keys without the `sync:` area). Pure: the same
// decoder reads storage and settings files.
import * as v from 'valibot';
import { migrateItem } from './migrations';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingSchemas, type SettingKey, type Settings } from './schema';
import { decodeTracking, encodeTracking, TRACKING_KEY, trackingOverflowKey } from './tracking';

export type StoredItems = Record<string, unknown>;

export interface DecodedSettings {
  settings: Settings;
  /** Settings whose stored value could not be read and fell back to the default. */
  corrupt: SettingKey[];
}

/**
 * Reads stored items written by settings version `fromVersion` or later. A value is migrated by
 * shape (see migrations/v2.ts), so storage can pass 1: a device still on an old version may have
 * written an old value under new metadata. Missing items read as their defaults.
 */
export function decodeStoredItems(items: StoredItems, fromVersion = 1): DecodedSettings {
  const corrupt: SettingKey[] = [];
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const raw = items[key];
    if (raw === undefined || raw === null) continue;
    const value = decodeItem(key, migrateItem(key, raw, fromVersion), items);
    if (value === undefined) corrupt.push(key);
    else (settings as Record<SettingKey, unknown>)[key] = value;
  }
  return { settings, corrupt };
}

function decodeItem(key: SettingKey, value: unknown, items: StoredItems): unknown {
  const logical = key === TRACKING_KEY ? decodeTracking(value, (n) => items[trackingOverflowKey(n)]) : value;
  const parsed = v.safeParse(settingSchemas[key], logical);
  return parsed.success ? parsed.output : undefined;
}

/** The stored items for the given settings (tracking may span several items). */
export function encodeSettings(settings: Partial<Settings>): StoredItems {
  const items: StoredItems = {};
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    if (value === undefined) continue;
    if (key === 'tracking') Object.assign(items, encodeTracking(value as Settings['tracking']));
    else items[key] = value;
  }
  return items;
}

/** Validates settings about to be saved; returns the first problem as text. */
export function invalidSetting(settings: Partial<Settings>): string | undefined {
  for (const key of SETTING_KEYS) {
    if (settings[key] === undefined) continue;
    const parsed = v.safeParse(settingSchemas[key], settings[key]);
    if (!parsed.success) return `${key}: ${parsed.issues[0].message}`;
  }
  return undefined;
}
