// The items settings are stored under in storage.sync: what every reader asks for. No schema
// here, so the page engine can read them without loading it.
export const SETTING_KEYS = [
  'enabled',
  'follows',
  'muted',
  'highlightScope',
  'disabledSites',
  'display',
  'reminders',
] as const;

/** Settings stored as token lists that may spill into overflow items (chunked-list.ts). */
export const LIST_KEYS = ['follows', 'muted'] as const;
export const MAX_LIST_OVERFLOW = 12;
export const overflowKey = (key: string, n: number) => `${key}.${n}`;
const overflowKeysOf = (key: string) => Array.from({ length: MAX_LIST_OVERFLOW }, (_, i) => overflowKey(key, i + 1));

/** Settings version 2's tracking list, read until the background has migrated it (migrations/v3.ts). */
export const LEGACY_TRACKING_KEY = 'tracking';
export const LEGACY_TRACKING_KEYS: readonly string[] = [LEGACY_TRACKING_KEY, ...overflowKeysOf(LEGACY_TRACKING_KEY)];

/** Every item a settings read asks for. */
export const STORED_KEYS: readonly string[] = [
  ...SETTING_KEYS,
  ...LIST_KEYS.flatMap(overflowKeysOf),
  ...LEGACY_TRACKING_KEYS,
];
