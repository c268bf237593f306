import type { StoredItems } from '../storage-read';

/** One settings version: how the stored items of version - 1 turn into this one's. */
export interface MigrationStep {
  version: number;
  /** Per item: its value of version - 1 to this version's (unchanged when not of the old shape). */
  items: Partial<Record<string, (value: unknown) => unknown>>;
  /** After the per-item steps: changes that span items (an item replaced by others). */
  combine?: (items: StoredItems) => StoredItems;
}
