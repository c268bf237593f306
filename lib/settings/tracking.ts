// Which dramas a reader tracks, and how that choice is stored in storage.sync.
//
// `Tracking` is the value every context works with: a mode and a list. The stored form keeps the
// list small and within sync quotas whatever the index holds:
// - the list is the smaller of the tracked and the untracked set (`rebalanceTracking`), so it
//   never holds more than half of the index;
// - it is stored as comma-joined ids (1 byte of overhead per id instead of 3 in a JSON array),
//   in the `tracking` item and, when that is full, in overflow items `tracking.1` … `tracking.12`;
// - when there is overflow, the header carries a checksum of the whole list, so a reader that
//   sees some items of a write but not others (sync delivers items one by one) can tell.
import * as v from 'valibot';
import { SYNC_QUOTA, SettingsQuotaError, syncItemBytes } from './quota';

export interface Tracking {
  /** `all-except`: every drama is tracked but `ids`; `only`: just `ids` are tracked. */
  mode: 'all-except' | 'only';
  ids: string[];
}

/** Drama ids as data/ defines them: lowercase a-z, 0-9 and `-` (never a comma). */
export const DRAMA_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

import { MAX_TRACKING_OVERFLOW, TRACKING_KEY, TRACKING_OVERFLOW_KEYS, trackingOverflowKey } from './keys';

export { MAX_TRACKING_OVERFLOW, TRACKING_KEY, TRACKING_OVERFLOW_KEYS, trackingOverflowKey };

/** The `tracking` item from settings version 2 on. */
export interface StoredTracking {
  mode: Tracking['mode'];
  /** Comma-joined ids, sorted; the first part of the list when there is overflow. */
  ids: string;
  /** How many overflow items (`tracking.1` …) hold the rest of the list. */
  overflow: number;
  /** FNV-1a of the whole comma-joined list; present when `overflow` > 0. */
  checksum?: string;
}

export const storedTrackingSchema = v.strictObject({
  mode: v.picklist(['all-except', 'only']),
  ids: v.string(),
  overflow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TRACKING_OVERFLOW)),
  checksum: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/))),
});

export const trackingSchema = v.strictObject({
  mode: v.picklist(['all-except', 'only']),
  ids: v.array(v.pipe(v.string(), v.regex(DRAMA_ID_PATTERN))),
});

export function isDramaTracked(tracking: Tracking, dramaId: string): boolean {
  const listed = tracking.ids.includes(dramaId);
  return tracking.mode === 'all-except' ? !listed : listed;
}

/** Tracks or untracks `dramaIds`, keeping the mode: the list gains or loses them as needed. */
export function withDramasTracked(tracking: Tracking, dramaIds: Iterable<string>, tracked: boolean): Tracking {
  // In `all-except` mode the list holds untracked dramas; in `only` mode, tracked ones.
  const listed = tracking.mode === 'all-except' ? !tracked : tracked;
  const ids = new Set(tracking.ids);
  for (const id of dramaIds) {
    if (listed) ids.add(id);
    else ids.delete(id);
  }
  return { mode: tracking.mode, ids: [...ids].sort() };
}

/**
 * The same choice written the short way: the list becomes the smaller of the tracked and the
 * untracked dramas of `allDramaIds` (ties keep `all-except`, so new dramas start tracked). Ids
 * the index does not know (a drama since removed, a file from a newer index) keep their meaning.
 */
export function rebalanceTracking(tracking: Tracking, allDramaIds: readonly string[]): Tracking {
  const known = new Set(allDramaIds);
  const tracked: string[] = [];
  const untracked: string[] = [];
  for (const id of known) (isDramaTracked(tracking, id) ? tracked : untracked).push(id);
  const mode = tracked.length < untracked.length ? 'only' : 'all-except';
  // Unknown ids stay listed only if the mode stays: in the other mode their absence means the same.
  const unknown = mode === tracking.mode ? tracking.ids.filter((id) => !known.has(id)) : [];
  const ids = [...new Set([...(mode === 'only' ? tracked : untracked), ...unknown])].sort();
  return { mode, ids };
}

/** FNV-1a, 32 bit, as 8 hex digits: cheap, deterministic, enough to spot a half-synced list. */
export function checksumOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The stored items for `tracking`: the header and as many overflow items as the list needs
 * (each within the per-item quota). Throws SettingsQuotaError if even 12 overflow items cannot hold it.
 */
export function encodeTracking(tracking: Tracking): Record<string, StoredTracking | string> {
  const ids = [...new Set(tracking.ids)].sort();
  // The header's size without its ids, counting the largest overflow number and a checksum.
  const emptyHeader: StoredTracking = {
    mode: tracking.mode,
    ids: '',
    overflow: MAX_TRACKING_OVERFLOW,
    checksum: '0'.repeat(8),
  };
  const headerRoom = SYNC_QUOTA.bytesPerItem - syncItemBytes(TRACKING_KEY, emptyHeader);
  const overflowRoom = SYNC_QUOTA.bytesPerItem - syncItemBytes(trackingOverflowKey(MAX_TRACKING_OVERFLOW), '');
  const chunks: string[] = [];
  let chunk = '';
  for (const id of ids) {
    const room = chunks.length === 0 ? headerRoom : overflowRoom;
    const next = chunk === '' ? id : `${chunk},${id}`;
    if (next.length <= room) {
      chunk = next;
      continue;
    }
    chunks.push(chunk);
    chunk = id;
  }
  chunks.push(chunk);
  const overflow = chunks.length - 1;
  if (overflow > MAX_TRACKING_OVERFLOW) {
    throw new SettingsQuotaError(
      `${ids.length} dramas in the tracking list need ${overflow + 1} storage items; at most ${MAX_TRACKING_OVERFLOW + 1} fit`,
    );
  }
  const header: StoredTracking = { mode: tracking.mode, ids: chunks[0], overflow };
  if (overflow > 0) header.checksum = checksumOf(ids.join(','));
  const items: Record<string, StoredTracking | string> = { [TRACKING_KEY]: header };
  for (let n = 1; n <= overflow; n++) items[trackingOverflowKey(n)] = chunks[n];
  return items;
}

/**
 * Reads a stored header and its overflow items back, or undefined when they are malformed or do
 * not belong together (a checksum that does not match: part of a write has not arrived yet).
 */
export function decodeTracking(header: unknown, overflowItem: (n: number) => unknown): Tracking | undefined {
  const parsed = v.safeParse(storedTrackingSchema, header);
  if (!parsed.success) return undefined;
  const { mode, overflow, checksum } = parsed.output;
  const chunks = [parsed.output.ids];
  for (let n = 1; n <= overflow; n++) {
    const chunk = overflowItem(n);
    if (typeof chunk !== 'string' || chunk === '') return undefined;
    chunks.push(chunk);
  }
  const joined = chunks.filter(Boolean).join(',');
  if (overflow > 0 && checksum !== checksumOf(joined)) return undefined;
  const ids = joined === '' ? [] : joined.split(',');
  if (!ids.every((id) => DRAMA_ID_PATTERN.test(id))) return undefined;
  return { mode, ids };
}
