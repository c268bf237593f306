// Wires the background: message handlers (validated, own extension only) and tab bookkeeping.
import type { browser as extensionBrowser } from 'wxt/browser';
import * as v from 'valibot';
import { messenger, pageDetectionsSchema, tabRequestSchema } from '../messages';
import { createTabDetectionStore } from './tab-detections';

export function startBackground(browser: typeof extensionBrowser) {
  const tabs = createTabDetectionStore(browser.storage.session);
  const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;

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
