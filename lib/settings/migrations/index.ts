// Every settings version's migration step, in order. WXT runs the per-item steps on stored items
// (each item carries its version in metadata); `migrateItems` runs every step, per item and across
// items, on storage snapshots and settings files alike.
import type { SettingKey } from '../schema';
import type { StoredItems } from '../storage-read';
import type { MigrationStep } from './step';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

export type { MigrationStep } from './step';

export const MIGRATIONS: readonly MigrationStep[] = [v2, v3, v4];

/** The `migrations` option of a WXT storage item: version → step for that item. */
export function wxtMigrationsFor(key: SettingKey): Record<number, (value: unknown) => unknown> {
  const migrations: Record<number, (value: unknown) => unknown> = {};
  for (const step of MIGRATIONS) {
    const migrate = step.items[key];
    if (migrate) migrations[step.version] = migrate;
  }
  return migrations;
}

/** Runs every step after `fromVersion` on one item's value. */
export function migrateItem(key: string, value: unknown, fromVersion: number): unknown {
  let current = value;
  for (const step of MIGRATIONS) {
    if (step.version <= fromVersion) continue;
    const migrate = step.items[key];
    if (migrate) current = migrate(current);
  }
  return current;
}

/** Runs every step after `fromVersion` on a set of stored items (values recognised by shape). */
export function migrateItems(items: StoredItems, fromVersion: number): StoredItems {
  let current = items;
  for (const step of MIGRATIONS) {
    if (step.version <= fromVersion) continue;
    const next: StoredItems = { ...current };
    for (const [key, migrate] of Object.entries(step.items)) {
      if (migrate && next[key] !== undefined && next[key] !== null) next[key] = migrate(next[key]);
    }
    current = step.combine ? step.combine(next) : next;
  }
  return current;
}
