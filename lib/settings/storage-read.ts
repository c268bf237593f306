// The stored settings items, read and watched as they are: one `get`, one change listener.
// No decoding here (see read.ts), so the page engine can decide whether to scan before it loads
// the settings schema.
import { STORED_KEYS } from './keys';

export type StoredItems = Record<string, unknown>;

export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>) => void): void;
    removeListener(listener: (changes: Record<string, unknown>) => void): void;
  };
}

/** The stored settings items; when storage itself fails (the extension is updating), none. */
export async function readStoredItems(area: Pick<SettingsArea, 'get'>): Promise<StoredItems> {
  try {
    return await area.get([...STORED_KEYS]);
  } catch {
    return {};
  }
}

/** Calls `onChange` with the stored items after every change to them, from any context or device. */
export function watchStoredItems(area: SettingsArea, onChange: (items: StoredItems) => void): () => void {
  let latest = 0;
  let active = true;
  const listener = (changes: Record<string, unknown>) => {
    if (!Object.keys(changes).some((key) => STORED_KEYS.includes(key))) return;
    const ticket = ++latest;
    void readStoredItems(area).then((items) => {
      // A later change may have been read first: only the newest read is delivered.
      if (active && ticket === latest) onChange(items);
    });
  };
  // One listener for every settings key: one write of several items is one event, one read.
  area.onChanged.addListener(listener);
  return () => {
    active = false;
    area.onChanged.removeListener(listener);
  };
}
