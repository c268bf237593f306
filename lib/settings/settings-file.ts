// Settings files: export and import. A file holds the stored items as they are in storage.sync,
// with the settings version that wrote them, so files and storage share one decoder and one set
// of migrations. Importing is all or nothing: any problem leaves the settings as they were.
import * as v from 'valibot';
import { LEGACY_TRACKING_KEY } from './keys';
import { migrateItems } from './migrations';
import { SETTING_KEYS, SETTINGS_VERSION, type SettingKey, type Settings } from './schema';
import { listOfSettings } from './setting-names';
import { joinPhrases, type Phrase } from '../i18n';
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
  | { ok: false; error: Phrase };

const envelopeSchema = v.object({
  format: v.literal(SETTINGS_FILE_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  items: v.record(v.string(), v.unknown()),
});

/** A reason the file cannot be used, and that nothing was changed. */
const refused = (reason: Phrase): { ok: false; error: Phrase } => ({
  ok: false,
  error: joinPhrases(reason, (l) => l.t('settings.nothingChanged')),
});

/** Reads a settings file's text: migrated from its version and validated, or a reason it cannot be used. */
export function parseSettingsFile(text: string): SettingsImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The parser's own words (the browser's, untranslated) say where the file breaks.
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return refused((l) => l.t('settings.file.notJson', [detail]));
  }
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (!isObject || (json as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    return refused((l) => l.t('settings.file.notSettings', [l.t('extName')]));
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION) {
    return refused((l) => l.t('settings.file.newer', [l.t('extName'), String(version), String(SETTINGS_VERSION)]));
  }
  const envelope = v.safeParse(envelopeSchema, json);
  if (!envelope.success) {
    return refused((l) => l.t('settings.file.damaged', [l.t('extName')]));
  }
  const { items, version: fromVersion } = envelope.output;
  const migrated: StoredItems = migrateItems(items, fromVersion);
  const present = SETTING_KEYS.filter((key) => migrated[key] !== undefined && migrated[key] !== null);
  // A version-2 tracking list that could not be read leaves no follows or mutes behind: say so.
  if (items[LEGACY_TRACKING_KEY] !== undefined && migrated.follows === undefined && migrated.muted === undefined) {
    return refused((l) => l.t('settings.file.trackingInvalid'));
  }
  if (present.length === 0) {
    return refused((l) => l.t('settings.file.empty', [l.t('extName')]));
  }
  const { settings, corrupt } = decodeStoredItems(migrated, SETTINGS_VERSION);
  if (corrupt.length > 0) {
    return refused((l) => l.t('settings.file.invalid', corrupt.length, [listOfSettings(corrupt)(l)]));
  }
  const imported: Partial<Settings> = {};
  for (const key of present) (imported as Record<SettingKey, unknown>)[key] = settings[key];
  return { ok: true, settings: imported, fromVersion };
}
