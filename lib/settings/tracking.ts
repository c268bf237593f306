// Settings version 2's tracking list (`tracking` and `tracking.1` …), kept only to read and
// migrate what older versions stored: version 3 replaced it with follows and mutes (library.ts,
// migrations/v3.ts).
import * as v from 'valibot';
import { decodeList } from './chunked-list';
import { LEGACY_TRACKING_KEY, overflowKey } from './keys';

export interface Tracking {
  /** `all-except`: every drama is tracked but `ids`; `only`: just `ids` are tracked. */
  mode: 'all-except' | 'only';
  ids: string[];
}

/** Drama ids as data/ defines them: lowercase a-z, 0-9 and `-` (never a comma). */
export const DRAMA_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The `tracking` item of settings version 2. */
export interface StoredTracking {
  mode: Tracking['mode'];
  /** Comma-joined ids, sorted; the first part of the list when there is overflow. */
  ids: string;
  overflow: number;
  checksum?: string;
}

const storedTrackingSchema = v.strictObject({
  mode: v.picklist(['all-except', 'only']),
  ids: v.string(),
  overflow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(12)),
  checksum: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/))),
});

export const trackingOverflowKey = (n: number) => overflowKey(LEGACY_TRACKING_KEY, n);

/** A version-2 header and its overflow items read back, or undefined when malformed or half-synced. */
export function decodeTracking(header: unknown, overflowItem: (n: number) => unknown): Tracking | undefined {
  const parsed = v.safeParse(storedTrackingSchema, header);
  if (!parsed.success) return undefined;
  const { mode, ids, overflow, checksum } = parsed.output;
  // Version 2 stored its list the way version 3 stores every list, under another field name.
  const list = decodeList({ list: ids, overflow, ...(checksum ? { checksum } : {}) }, overflowItem);
  if (!list || !list.every((id) => DRAMA_ID_PATTERN.test(id))) return undefined;
  return { mode, ids: list };
}
