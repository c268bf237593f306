// Every settings version's migration step, in order. WXT runs them on stored items (each item
// carries its version in metadata); imports run the same steps on a file's items.
import type { SettingKey } from '../schema';
import type { MigrationStep } from './step';
import { v2 } from './v2';

export type { MigrationStep } from './step';

export const MIGRATIONS: readonly MigrationStep[] = [v2];

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
export function migrateItem(key: SettingKey, value: unknown, fromVersion: number): unknown {
  let current = value;
  for (const step of MIGRATIONS) {
    if (step.version <= fromVersion) continue;
    const migrate = step.items[key];
    if (migrate) current = migrate(current);
  }
  return current;
}
