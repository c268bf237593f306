// Settings files: export and import. A file holds the stored items as they are in storage.sync,
// with the settings version that wrote them, so files and storage share one decoder and one set
// of migrations. Importing is all or nothing: any problem leaves the settings as they were.
import * as v from 'valibot';
import { LEGACY_TRACKING_KEY } from './keys';
import { migrateItems } from './migrations';
import { SETTING_KEYS, SETTINGS_VERSION, settingLabels, type SettingKey, type Settings } from './schema';
import { decodeStoredItems, encodeSettings, type StoredItems } from './stored';

export const SETTINGS_FILE_FORMAT = 'dramalens-settings';
/** Far above any real settings file (storage.sync holds 100 KB): anything bigger is not ours. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  items: StoredItems;
}

export function settingsFileText(settings: Settings, exportedAt: Date): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: exportedAt.toISOString(),
    items: encodeSettings(settings),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function settingsFileName(exportedAt: Date): string {
  return `dramalens-settings-${exportedAt.toISOString().slice(0, 10)}.json`;
}

export type SettingsImport =
  | {
      ok: true;
      /** The settings the file holds (a file may hold only some). */
      settings: Partial<Settings>;
      fromVersion: number;
    }
  | { ok: false; error: string };

const envelopeSchema = v.object({
  format: v.literal(SETTINGS_FILE_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  items: v.record(v.string(), v.unknown()),
});

const NOTHING_CHANGED = 'Nothing was changed.';

/** Reads a settings file's text: migrated from its version and validated, or a reason it cannot be used. */
export function parseSettingsFile(text: string): SettingsImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { ok: false, error: `This file is not valid JSON${detail}. ${NOTHING_CHANGED}` };
  }
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (!isObject || (json as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    return { ok: false, error: `This is not a Dramalens settings file. ${NOTHING_CHANGED}` };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `This file comes from a newer Dramalens (settings version ${version}; this one reads up to ${SETTINGS_VERSION}). Update Dramalens to import it. ${NOTHING_CHANGED}`,
    };
  }
  const envelope = v.safeParse(envelopeSchema, json);
  if (!envelope.success) {
    return { ok: false, error: `This Dramalens settings file is damaged (no version or items). ${NOTHING_CHANGED}` };
  }
  const { items, version: fromVersion } = envelope.output;
  const migrated: StoredItems = migrateItems(items, fromVersion);
  const present = SETTING_KEYS.filter((key) => migrated[key] !== undefined && migrated[key] !== null);
  // A version-2 tracking list that could not be read leaves no follows or mutes behind: say so.
  if (items[LEGACY_TRACKING_KEY] !== undefined && migrated.follows === undefined && migrated.muted === undefined) {
    return { ok: false, error: `In this file, the tracked dramas list is not valid. ${NOTHING_CHANGED}` };
  }
  if (present.length === 0) {
    return { ok: false, error: `This Dramalens settings file holds no settings. ${NOTHING_CHANGED}` };
  }
  const { settings, corrupt } = decodeStoredItems(migrated, SETTINGS_VERSION);
  if (corrupt.length > 0) {
    return {
      ok: false,
      error: `In this file, ${listOf(corrupt)} ${corrupt.length === 1 ? 'is' : 'are'} not valid. ${NOTHING_CHANGED}`,
    };
  }
  const imported: Partial<Settings> = {};
  for (const key of present) (imported as Record<SettingKey, unknown>)[key] = settings[key];
  return { ok: true, settings: imported, fromVersion };
}

function listOf(keys: SettingKey[]): string {
  const labels = keys.map((key) => settingLabels[key]);
  return labels.length === 1
    ? `the ${labels[0]}`
    : `the ${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
