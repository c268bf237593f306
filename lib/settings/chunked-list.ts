// A list of short tokens stored in storage.sync within its per-item quota, whatever its length:
// comma-joined (1 byte of overhead per token instead of 3 in a JSON array) in a header item and,
// when that is full, in overflow items `<key>.1` … `<key>.12`. With overflow the header carries
// a checksum of the whole list, so a reader that sees some items of a write but not others (sync
// delivers items one by one) can tell. Follows and mutes are stored this way.
import * as v from 'valibot';
import { MAX_LIST_OVERFLOW, overflowKey } from './keys';
import { SYNC_QUOTA, SettingsQuotaError, syncItemBytes } from './quota';

export interface StoredList {
  /** Comma-joined tokens, sorted; the first part of the list when there is overflow. */
  list: string;
  /** How many overflow items (`<key>.1` …) hold the rest of the list. */
  overflow: number;
  /** FNV-1a of the whole comma-joined list; present when `overflow` > 0. */
  checksum?: string;
}

export const storedListSchema = v.strictObject({
  list: v.string(),
  overflow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LIST_OVERFLOW)),
  checksum: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/))),
});

/** FNV-1a, 32 bit, as 8 hex digits: cheap, deterministic, enough to spot a half-synced list. */
export function checksumOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Splits comma-joined tokens into chunks that each fit one item next to `headerBytes`/`overflowBytes`. */
export function chunkTokens(tokens: readonly string[], headerRoom: number, overflowRoom: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const token of tokens) {
    const room = chunks.length === 0 ? headerRoom : overflowRoom;
    const next = chunk === '' ? token : `${chunk},${token}`;
    if (next.length <= room) {
      chunk = next;
      continue;
    }
    chunks.push(chunk);
    chunk = token;
  }
  chunks.push(chunk);
  return chunks;
}

/**
 * The stored items for a token list under `key`: the header and as many overflow items as the
 * list needs. Throws SettingsQuotaError if even 12 overflow items cannot hold it.
 */
export function encodeList(key: string, tokens: readonly string[], what: string): Record<string, StoredList | string> {
  const sorted = [...new Set(tokens)].sort();
  const emptyHeader: StoredList = { list: '', overflow: MAX_LIST_OVERFLOW, checksum: '0'.repeat(8) };
  const headerRoom = SYNC_QUOTA.bytesPerItem - syncItemBytes(key, emptyHeader);
  const overflowRoom = SYNC_QUOTA.bytesPerItem - syncItemBytes(overflowKey(key, MAX_LIST_OVERFLOW), '');
  const chunks = chunkTokens(sorted, headerRoom, overflowRoom);
  const overflow = chunks.length - 1;
  if (overflow > MAX_LIST_OVERFLOW) {
    throw new SettingsQuotaError(
      `${sorted.length} ${what} need ${overflow + 1} storage items; at most ${MAX_LIST_OVERFLOW + 1} fit`,
      (l) => l.t('settings.notSaved.listTooLong', [String(sorted.length)]),
    );
  }
  const header: StoredList = { list: chunks[0], overflow };
  if (overflow > 0) header.checksum = checksumOf(sorted.join(','));
  const items: Record<string, StoredList | string> = { [key]: header };
  for (let n = 1; n <= overflow; n++) items[overflowKey(key, n)] = chunks[n];
  return items;
}

/**
 * The tokens of a stored header and its overflow items, or undefined when they are malformed or
 * do not belong together (a checksum that does not match: part of a write has not arrived yet).
 */
export function decodeList(header: unknown, overflowItem: (n: number) => unknown): string[] | undefined {
  const parsed = v.safeParse(storedListSchema, header);
  if (!parsed.success) return undefined;
  const { overflow, checksum } = parsed.output;
  const chunks = [parsed.output.list];
  for (let n = 1; n <= overflow; n++) {
    const chunk = overflowItem(n);
    if (typeof chunk !== 'string' || chunk === '') return undefined;
    chunks.push(chunk);
  }
  const joined = chunks.filter(Boolean).join(',');
  if (overflow > 0 && checksum !== checksumOf(joined)) return undefined;
  return joined === '' ? [] : joined.split(',');
}
