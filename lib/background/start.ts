// Wires the background: message handlers (validated, own extension only) and tab bookkeeping.
import type { browser as extensionBrowser } from 'wxt/browser';
import * as v from 'valibot';
import { entityRequestSchema, messenger, pageDetectionsSchema, tabRequestSchema } from '../messages';
import { INDEX_PATH } from '../index/load-index';
import { createCardService, readPinnedNowFrom } from './entity-cards';
import { registerCommands } from './commands';
import { createBadge, type BadgeApi } from './badge';
import { createTabDetectionStore } from './tab-detections';

export function startBackground(browser: typeof extensionBrowser) {
  // MV3 has `action`; the Firefox MV2 build has `browserAction`.
  const badge = createBadge((browser.action ?? browser.browserAction) as BadgeApi);
  void badge.init();
  const tabs = createTabDetectionStore(browser.storage.session, {
    onChange: (tabId, view) => void badge.show(tabId, view),
  });
  const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const cards = createCardService({
    indexUrl: (browser.runtime.getURL as (path: string) => string)(INDEX_PATH),
    readPinnedNow: readPinnedNowFrom(browser.storage.local),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  cards.warm();
  registerCommands(browser);

  messenger.onMessage('getEntityCard', async ({ data, sender }) => {
    const request = v.safeParse(entityRequestSchema, data);
    if (!fromUs(sender) || !request.success) return null;
    return cards.card(request.output.entityId);
  });

  messenger.onMessage('reportDetections', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (!fromUs(sender) || tabId === undefined || frameId === undefined) return;
    const report = v.safeParse(pageDetectionsSchema, data);
    if (!report.success) return;
    await tabs.save(tabId, { frameId, documentId: sender.documentId }, report.output);
  });

  messenger.onMessage('getTabDetections', async ({ data, sender }) => {
    const request = v.safeParse(tabRequestSchema, data);
    if (!fromUs(sender) || !request.success) return null;
    return tabs.load(request.output.tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.navigated(tabId, change.url);
  });
}
