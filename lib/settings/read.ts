// Reading settings, for every context: the stored items (storage-read.ts) decoded by shape, so
// any settings version reads and a corrupt value falls back to its default. Takes the storage
// area as a parameter, so the page side reads settings with the browser's own API and without
// the writers (WXT storage items, migrations, quota checks) that only the background and
// extension pages need.
import type { Settings } from './schema';
import { readStoredItems, watchStoredItems, type SettingsArea } from './storage-read';
import { decodeStoredItems, type DecodedSettings } from './stored';

export type { SettingsArea };

/** Current settings; never throws: an unreadable value falls back to its default and is listed in `corrupt`. */
export async function readSettingsFrom(area: Pick<SettingsArea, 'get'>): Promise<DecodedSettings> {
  return decodeStoredItems(await readStoredItems(area));
}

/** Calls `onChange` with fresh settings after every change to them. */
export function watchSettingsIn(area: SettingsArea, onChange: (settings: Settings) => void): () => void {
  return watchStoredItems(area, (items) => onChange(decodeStoredItems(items).settings));
}
