// Wires the background: message handlers (validated, own extension only) and tab bookkeeping.
import type { browser as extensionBrowser } from 'wxt/browser';
import * as v from 'valibot';
import { entityRequestSchema, messenger, pageDetectionsSchema, tabRequestSchema } from '../messages';
import { INDEX_PATH } from '../index/load-index';
import { createCardService, readPinnedNowFrom } from './entity-cards';
import { createTabDetectionStore } from './tab-detections';

export function startBackground(browser: typeof extensionBrowser) {
  const tabs = createTabDetectionStore(browser.storage.session);
  const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const cards = createCardService({
    indexUrl: (browser.runtime.getURL as (path: string) => string)(INDEX_PATH),
    readPinnedNow: readPinnedNowFrom(browser.storage.local),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  cards.warm();

  messenger.onMessage('getEntityCard', async ({ data, sender }) => {
    const request = v.safeParse(entityRequestSchema, data);
    if (!fromUs(sender) || !request.success) return null;
    return cards.card(request.output.entityId);
  });

  messenger.onMessage('reportDetections', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (!fromUs(sender) || tabId === undefined || sender.frameId !== 0) return;
    const report = v.safeParse(pageDetectionsSchema, data);
    if (!report.success) return;
    await tabs.save(tabId, report.output);
  });

  messenger.onMessage('getTabDetections', async ({ data, sender }) => {
    const request = v.safeParse(tabRequestSchema, data);
    if (!fromUs(sender) || !request.success) return null;
    return tabs.load(request.output.tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId));
}
