// storage.sync limits (the same in Chrome and Firefox) and how the browser counts against them:
// an item costs its key's length plus the length of its value's JSON, in UTF-8 bytes.
// tests/e2e/options.test.ts checks this accounting against real Chromium.
import type { Phrase } from '../i18n';

export const SYNC_QUOTA = {
  bytesPerItem: 8192,
  bytes: 102_400,
  maxItems: 512,
} as const;

const utf8 = new TextEncoder();

export function syncItemBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value)).length;
}

export function syncBytes(items: Record<string, unknown>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += syncItemBytes(key, value);
  return total;
}

/** Why `items` (the whole sync area after a write) would be refused, or undefined if it fits. */
export function syncQuotaProblem(items: Record<string, unknown>): string | undefined {
  const keys = Object.keys(items);
  if (keys.length > SYNC_QUOTA.maxItems)
    return `${keys.length} items is more than storage.sync allows (${SYNC_QUOTA.maxItems})`;
  for (const key of keys) {
    const bytes = syncItemBytes(key, items[key]);
    if (bytes > SYNC_QUOTA.bytesPerItem)
      return `“${key}” needs ${bytes} bytes; one item may hold ${SYNC_QUOTA.bytesPerItem}`;
  }
  const total = syncBytes(items);
  if (total > SYNC_QUOTA.bytes) return `settings need ${total} bytes; storage.sync holds ${SYNC_QUOTA.bytes}`;
  return undefined;
}

/**
 * Settings that storage.sync could not hold. `message` says why in a developer's terms; `reason`
 * is what the reader is told, in their language.
 */
export class SettingsQuotaError extends Error {
  override name = 'SettingsQuotaError';
  constructor(
    message: string,
    readonly reason: Phrase,
  ) {
    super(message);
  }
}
