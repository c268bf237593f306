// Everything the popup reads from the extension, asked for in parallel when it opens: the entity
// directory (names and schedules, from the background, which holds the parsed index), the
// clock, the settings, the tab and what the background knows the tab mentions. The popup never
// parses index.json itself, so it opens as fast with 10,000 articles as with 20.
import { browser } from 'wxt/browser';
import { pinnedOrSystemClock, TEST_NOW_KEY, type Clock } from '../../lib/clock';
import type { EntityCardData } from '../../lib/index/entity-card';
import { messenger, tabDetectionsKey, type EntityDirectory, type TabDetections } from '../../lib/messages';
import { createEntitySearch, type EntitySearch } from '../../lib/search/entity-search';
import { readSettings, watchSettings, type Settings } from '../../lib/settings';
import { askTopFrameUrl, type TabMessaging } from '../../lib/top-frame-url';
import { directoryLookup, type DirectoryLookup } from './popup-model';

export interface PopupTab {
  id: number;
  /**
   * The page the tab shows: from the browser when it grants `activeTab` (the reader clicked the
   * toolbar button), else from Dramalens's engine in the tab's top frame; '' when neither tells
   * (a page Dramalens cannot read).
   */
  url: string;
}

export interface PopupData {
  directory: DirectoryLookup;
  /** Built on first use (or when the popup is idle after opening), not before the first render. */
  search: () => EntitySearch;
  clock: Clock;
  timeZone: string;
  settings: Settings;
  tab?: PopupTab;
  /** What the tab mentions; null before its page reported; an Error when the background failed. */
  detections: TabDetections | null | Error;
}

/**
 * Test seam: `popup.html?tabId=N` shows tab N, because an e2e test opens the popup as a page
 * of its own (which is then the active tab). Without it, the popup shows the active tab. Such a
 * page gets no `activeTab` grant, so it learns the tab's URL from the top frame's engine.
 */
export function requestedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** `popup.html?card=<entity id>` opens with that card shown (a reminder notification's click). */
export function requestedCard(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('card');
  return raw !== null && /^[a-z0-9][a-z0-9~-]{0,199}$/.test(raw) ? raw : undefined;
}

async function findTab(tabId: number | undefined): Promise<PopupTab | undefined> {
  const tab =
    tabId === undefined
      ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
      : await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, url: tab.url || ((await askTopFrameUrl(browser.tabs as TabMessaging, tab.id)) ?? '') };
}

/**
 * The tab's URL once it has loaded again (see `PopupTab.url`). The new page's engine may start
 * a moment after the load: asked again a little later before the page counts as unreadable.
 */
async function tabUrl(tabId: number): Promise<string> {
  for (const delay of [0, 500, 1500]) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const url = tab?.url || (await askTopFrameUrl(browser.tabs as TabMessaging, tabId));
    if (url) return url;
  }
  return '';
}

const lazily = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export function fetchTabDetections(tabId: number): Promise<TabDetections | null | Error> {
  return messenger.sendMessage('getTabDetections', { tabId }).catch(toError);
}

/** The card of a drama or person, made by the background exactly as for the hover card. */
export function fetchEntityCard(entityId: string): Promise<EntityCardData | null | Error> {
  return messenger.sendMessage('getEntityCard', { entityId }).catch(toError);
}

async function fetchDirectory(): Promise<EntityDirectory> {
  const directory = await messenger.sendMessage('getEntityDirectory', undefined);
  if (!directory) throw new Error('the background sent no directory');
  return directory;
}

export async function loadPopupData(tabId: number | undefined): Promise<PopupData> {
  const tabWithDetections = findTab(tabId).then(async (tab) => ({
    tab,
    detections: tab ? await fetchTabDetections(tab.id) : null,
  }));
  const [directory, pinned, { settings }, { tab, detections }] = await Promise.all([
    fetchDirectory(),
    browser.storage.local.get(TEST_NOW_KEY),
    readSettings(),
    tabWithDetections,
  ]);
  return {
    directory: directoryLookup(directory),
    search: lazily(() => createEntitySearch(directory)),
    clock: pinnedOrSystemClock(pinned[TEST_NOW_KEY]),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    settings,
    ...(tab ? { tab } : {}),
    detections,
  };
}

/**
 * Calls back while the popup is open: settings changed, the tab's detections changed (the
 * background's session store is the signal; the data still comes through the protocol), or the
 * tab moved to another URL. Reads settings and detections once more on start, to catch changes
 * made since `loadPopupData`. Returns the stop function.
 */
export function watchPopupSources(
  tabId: number | undefined,
  on: {
    settings: (settings: Settings) => void;
    detections: (detections: TabDetections | null | Error) => void;
    tabUrl: (url: string) => void;
  },
): () => void {
  const unwatchSettings = watchSettings(on.settings);
  void readSettings().then(({ settings }) => on.settings(settings));
  if (tabId === undefined) return unwatchSettings;
  const key = tabDetectionsKey(tabId);
  const onSessionChange = (changes: Record<string, unknown>) => {
    if (key in changes) void fetchTabDetections(tabId).then(on.detections);
  };
  // The URL comes with the change only where the browser grants it; else it is asked for once
  // the tab has loaded.
  const onTabUpdated = (updatedId: number, change: { url?: string; status?: string }) => {
    if (updatedId !== tabId) return;
    if (change.url !== undefined) on.tabUrl(change.url);
    else if (change.status === 'complete') void tabUrl(tabId).then(on.tabUrl);
  };
  // Optional: a browser without session-area events still gets the data on open.
  browser.storage.session.onChanged?.addListener(onSessionChange);
  browser.tabs.onUpdated.addListener(onTabUpdated);
  void fetchTabDetections(tabId).then(on.detections);
  return () => {
    unwatchSettings();
    browser.storage.session.onChanged?.removeListener(onSessionChange);
    browser.tabs.onUpdated.removeListener(onTabUpdated);
  };
}
