// Settings ⇄ the items stored in storage.sync (keys without the `sync:` area). Pure: the same
// decoder reads storage and settings files.
import * as v from 'valibot';
import { decodeList, encodeList } from './chunked-list';
import { overflowKey } from './keys';
import { followsFromTokens, followTokens, mutedFromTokens, mutedTokens, type Follows, type Muted } from './library';
import { migrateItems } from './migrations';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingSchemas, type SettingKey, type Settings } from './schema';
import type { StoredItems } from './storage-read';

export type { StoredItems };

export interface DecodedSettings {
  settings: Settings;
  /** Settings whose stored value could not be read and fell back to the default. */
  corrupt: SettingKey[];
}

/** The settings stored as token lists, and how their tokens read and write. */
const LIST_CODECS = {
  follows: {
    fromTokens: followsFromTokens,
    toTokens: (value: Follows) => followTokens(value),
    what: 'followed dramas',
  },
  muted: { fromTokens: mutedFromTokens, toTokens: (value: Muted) => mutedTokens(value), what: 'muted names' },
} as const;
const isListKey = (key: SettingKey): key is keyof typeof LIST_CODECS => key in LIST_CODECS;

/**
 * Reads stored items written by settings version `fromVersion` or later. Values are migrated by
 * shape (see migrations/), so storage can pass 1: a device still on an old version may have
 * written an old value under new metadata. Missing items read as their defaults.
 */
export function decodeStoredItems(stored: StoredItems, fromVersion = 1): DecodedSettings {
  const items = migrateItems(stored, fromVersion);
  const corrupt: SettingKey[] = [];
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const raw = items[key];
    if (raw === undefined || raw === null) continue;
    const value = decodeItem(key, raw, items);
    if (value === undefined) corrupt.push(key);
    else (settings as Record<SettingKey, unknown>)[key] = value;
  }
  return { settings, corrupt };
}

function decodeItem(key: SettingKey, value: unknown, items: StoredItems): unknown {
  let logical = value;
  if (isListKey(key)) {
    const tokens = decodeList(value, (n) => items[overflowKey(key, n)]);
    logical = tokens && LIST_CODECS[key].fromTokens(tokens);
    if (logical === undefined) return undefined;
  }
  const parsed = v.safeParse(settingSchemas[key], logical);
  return parsed.success ? parsed.output : undefined;
}

/** The stored items for the given settings (lists may span several items). */
export function encodeSettings(settings: Partial<Settings>): StoredItems {
  const items: StoredItems = {};
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    if (value === undefined) continue;
    if (isListKey(key)) {
      const codec = LIST_CODECS[key];
      Object.assign(items, encodeList(key, codec.toTokens(value as never), codec.what));
    } else items[key] = value;
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
