import type { SettingKey } from '../schema';

/** One settings version: how each stored item that changed turns from version - 1 into this one. */
export interface MigrationStep {
  version: number;
  items: Partial<Record<SettingKey, (value: unknown) => unknown>>;
}
