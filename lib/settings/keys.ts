// The items settings are stored under in storage.sync: what every reader asks for. No schema
// here, so the page engine can read them without loading it.
export const SETTING_KEYS = ['enabled', 'tracking', 'disabledSites', 'display'] as const;

export const TRACKING_KEY = 'tracking';
export const MAX_TRACKING_OVERFLOW = 12;
export const trackingOverflowKey = (n: number) => `${TRACKING_KEY}.${n}`;
export const TRACKING_OVERFLOW_KEYS = Array.from({ length: MAX_TRACKING_OVERFLOW }, (_, i) =>
  trackingOverflowKey(i + 1),
);

/** Every item a settings read asks for. */
export const STORED_KEYS: readonly string[] = [...SETTING_KEYS, ...TRACKING_OVERFLOW_KEYS];
