/// <reference types="chrome" />
// The tab id of a page a test opened. Dramalens has no `tabs` permission, so its service worker
// sees no tab's URL or title: the page is brought to the front, and then it is the one active
// tab (every page of the harness's browser context is a tab of the same window).
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await session.serviceWorker();
  const ids = await worker.evaluate(async () => (await chrome.tabs.query({ active: true })).map((tab) => tab.id));
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one active tab, found ${ids.length}`);
  return ids[0];
}
