// What extension pages load at startup: the index (or, for the options page, the drama catalog),
// the clock (pinned in tests) and the reader's time zone.
import { browser } from 'wxt/browser';
import {
  CATALOG_PATH,
  DRAMA_SOURCES_PATH,
  fetchCatalog,
  fetchDramaSources,
  type DramaCatalog,
  type DramaSources,
} from '../index/drama-catalog';
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

export interface OptionsData {
  /** Every drama as the options page lists it (catalog.json, a quarter of the index). */
  catalog: DramaCatalog;
  /** The full index, read only when needed (names of muted actors, the actor search). */
  index: () => Promise<DramaIndex>;
  /** Each drama's sources, read only for a calendar export. */
  sources: () => Promise<DramaSources>;
  clock: Clock;
  timeZone: string;
}

export async function loadOptionsData(): Promise<OptionsData> {
  const url = browser.runtime.getURL as (path: string) => string;
  const [catalog, pinned] = await Promise.all([
    fetchCatalog(url(CATALOG_PATH)),
    browser.storage.local.get(TEST_NOW_KEY),
  ]);
  let index: Promise<DramaIndex> | undefined;
  let sources: Promise<DramaSources> | undefined;
  return {
    catalog,
    index: () => (index ??= fetchIndex(url(INDEX_PATH))),
    sources: () => (sources ??= fetchDramaSources(url(DRAMA_SOURCES_PATH))),
    clock: pinnedOrSystemClock(pinned[TEST_NOW_KEY]),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
