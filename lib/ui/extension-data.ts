// What extension pages (popup, options) load at startup: the index, the clock (pinned in
// tests) and the reader's time zone.
import { browser } from 'wxt/browser';
import { fetchIndex, INDEX_PATH } from '../index/load-index';
import type { DramaIndex } from '../index/types';
import { pinnedOrSystemClock, TEST_NOW_KEY, type Clock } from '../clock';

export interface ExtensionData {
  index: DramaIndex;
  clock: Clock;
  timeZone: string;
}

export async function loadExtensionData(): Promise<ExtensionData> {
  const [index, pinned] = await Promise.all([
    // index.json is generated at build time, so it is not among WXT's typed public paths.
    fetchIndex((browser.runtime.getURL as (path: string) => string)(INDEX_PATH)),
    browser.storage.local.get(TEST_NOW_KEY),
  ]);
  return {
    index,
    clock: pinnedOrSystemClock(pinned[TEST_NOW_KEY]),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
