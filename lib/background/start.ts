// Wires the background: message handlers (validated, own extension only) and tab bookkeeping.
import type { browser as extensionBrowser } from 'wxt/browser';
import * as v from 'valibot';
import { entityRequestSchema, libraryChangeSchema, messenger } from '../messages';
import { INDEX_PATH } from '../index/load-index';
import { createCardService, readPinnedNowFrom } from './entity-cards';
import { registerCommands } from './commands';
import { createBadge, type BadgeApi } from './badge';
import { createDirectoryService } from './entity-directory';
import { acceptReport, acceptTabRequest } from './message-guards';
import { applyLibraryChange } from './library-change';
import { migrateStoredSettings } from '../settings';
import { createTabDetectionStore } from './tab-detections';
import { createNameMatchingService, DICTIONARY_PATH } from './name-matching';
import { scanningAllowed } from '../settings/page-gate';
import { readStoredItems, type StoredItems } from '../settings/storage-read';
import { askTopFrameUrl, type TabMessaging } from '../top-frame-url';
import { readSettings } from '../settings/store';
import { pinnedOrSystemClock, TEST_NOW_KEY } from '../clock';
import { uiLocalizer } from '../i18n';
import { createReminderService, dramaOfNotification, isOurNotification, REMINDER_ALARM } from './reminders';

export function startBackground(browser: typeof extensionBrowser) {
  // MV3 has `action`; the Firefox MV2 build has `browserAction`.
  const badge = createBadge((browser.action ?? browser.browserAction) as BadgeApi, uiLocalizer());
  void badge.init();
  const tabs = createTabDetectionStore(browser.storage.session, {
    onChange: (tabId, view) => void badge.show(tabId, view),
  });
  const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const cards = createCardService({
    indexUrl: (browser.runtime.getURL as (path: string) => string)(INDEX_PATH),
    urlOf: (path) => (browser.runtime.getURL as (path: string) => string)(path),
    readPinnedNow: readPinnedNowFrom(browser.storage.local),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  // Stored settings are migrated here, once per worker start, not by every page that reads them.
  void migrateStoredSettings();
  registerCommands(browser);
  const directory = createDirectoryService({
    session: browser.storage.session,
    loadIndex: async () => (await cards.maps()).index,
    version: browser.runtime.getManifest().version,
  });

  // Content scripts in every frame: their text, matched here (only our own extension's).
  // The page gate is decided here, from the stored items (cached until they change), so a
  // frame without names never touches storage (its first use builds bindings in the page).
  let storedItems: Promise<StoredItems> | undefined;
  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName === 'sync') storedItems = undefined;
  });
  const matching = createNameMatchingService(
    () => fetch((browser.runtime.getURL as (path: string) => string)(DICTIONARY_PATH)).then((r) => r.arrayBuffer()),
    async (url) => scanningAllowed(await (storedItems ??= readStoredItems(browser.storage.sync)), url),
  );
  messenger.onMessage('matchRough', async ({ data, sender }) =>
    fromUs(sender) ? matching.rough(data, sender.url ?? '') : null,
  );
  messenger.onMessage('matchExact', async ({ data, sender }) => (fromUs(sender) ? matching.exact(data) : null));

  messenger.onMessage('getEntityCard', async ({ data, sender }) => {
    const request = v.safeParse(entityRequestSchema, data);
    if (!fromUs(sender) || !request.success) return null;
    return cards.card(request.output.entityId);
  });

  // Every frame reports (content scripts run in all frames); each report replaces its frame's.
  messenger.onMessage('reportDetections', async ({ data, sender }) => {
    const accepted = acceptReport(sender, data, browser.runtime.id);
    if (accepted) await tabs.save(accepted.tabId, accepted.frame, accepted.report);
  });

  messenger.onMessage('getTabDetections', async ({ data, sender }) => {
    const tabId = acceptTabRequest(sender, data, browser.runtime.id);
    return tabId === undefined ? null : tabs.load(tabId);
  });

  // A page cannot write settings: the card on a page asks the background to follow or mute.
  messenger.onMessage('changeLibrary', async ({ data, sender }) => {
    const request = v.safeParse(libraryChangeSchema, data);
    if (!fromUs(sender) || !request.success) return false;
    await applyLibraryChange(request.output);
    return true;
  });

  messenger.onMessage('getEntityDirectory', async ({ sender }) => (fromUs(sender) ? directory.get() : null));

  startReminders(browser, cards);

  browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId));
  // A new URL forgets the tab. A reload and a frame navigating look alike here (no URL change):
  // the store tells them apart by the reporting documents (tab-detections.ts). Without the
  // `tabs` permission the browser mostly gives no URL: once the tab has loaded, the top frame's
  // engine says which page it shows (no answer: a page Dramalens does not run in).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.navigated(tabId, change.url);
    if (change.status === 'complete')
      void askTopFrameUrl(browser.tabs as TabMessaging, tabId).then((url) => tabs.settled(tabId, url));
  });
}

/** Settings items whose change can change which episodes are reminded, or what they say. */
const REMINDER_INPUTS = ['follows', 'reminders', 'display'];
const NOTIFICATIONS = { permissions: ['notifications' as const] };

function startReminders(browser: typeof extensionBrowser, cards: ReturnType<typeof createCardService>) {
  const readPinnedNow = readPinnedNowFrom(browser.storage.local);
  const reminders = createReminderService({
    now: async () => pinnedOrSystemClock(await readPinnedNow()).now(),
    realNow: () => Date.now(),
    settings: async () => (await readSettings()).settings,
    dramaOf: async () => {
      const { dramas } = await cards.maps();
      return (id) => dramas.get(id);
    },
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    local: browser.storage.local,
    alarms: browser.alarms,
    permitted: () => browser.permissions.contains(NOTIFICATIONS),
    localizer: uiLocalizer(),
    notify: (id, { title, message }) =>
      browser.notifications.create(id, {
        type: 'basic',
        iconUrl: (browser.runtime.getURL as (path: string) => string)('/icon/128.png'),
        title,
        message,
      }),
  });
  const reconcile = () => void reminders.reconcile().catch((error) => console.warn('Dramalens reminders:', error));
  // Every worker start: after a browser restart this is where missed episodes are found.
  reconcile();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) reconcile();
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    const keys = Object.keys(changes);
    // Follows may spill into overflow items (`follows.2`); the pinned clock moves in tests.
    if (areaName === 'sync' && keys.some((key) => REMINDER_INPUTS.includes(key.split('.')[0]))) reconcile();
    if (areaName === 'local' && keys.includes(TEST_NOW_KEY)) reconcile();
  });
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
  // A reminder's click opens its drama's card (the missed summary: the popup's lists) in a tab.
  const opened = async (id: string) => {
    if (!isOurNotification(id)) return;
    await browser.notifications?.clear(id);
    const dramaId = dramaOfNotification(id);
    const page = (browser.runtime.getURL as (path: string) => string)('/popup.html');
    await browser.tabs.create({ url: dramaId ? `${page}?card=${encodeURIComponent(dramaId)}` : page });
  };
  // The API is there only while the permission is granted (at start, or once the reader allows
  // it); a click wakes the worker, which registers this first.
  let listening = false;
  const listenToClicks = () => {
    if (listening || !browser.notifications) return;
    browser.notifications.onClicked.addListener((id) => void opened(id));
    listening = true;
  };
  listenToClicks();
  browser.permissions.onAdded.addListener(listenToClicks);
  // Test seam (README): no test can click a system notification, so e2e tests call what a click does.
  (globalThis as { __dramalensNotificationClicked?: (id: string) => Promise<void> }).__dramalensNotificationClicked =
    opened;
  messenger.onMessage('getReminders', async ({ sender }) =>
    sender.id === browser.runtime.id ? reminders.overview() : null,
  );
}
