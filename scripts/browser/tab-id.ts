/// <reference types="chrome" />
// The tab id of a page a test opened. Dramalens has no `tabs` permission, so its background
// sees no tab's URL or title: the page is brought to the front, and then it is the one active
// tab (in Chromium every page of the harness's context is a tab of one window). Firefox opens
// each page in a window of its own, so there every window has an active tab; then the tab is
// the one whose top frame reported this page's address to the background (storage.session).
// Asked from the privileged context: Chromium's service worker, Firefox's extension tab.
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const privileged = await session.privileged();
  const ids = await privileged.evaluate(async () => (await chrome.tabs.query({ active: true })).map((tab) => tab.id));
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  const url = page.url();
  for (let attempt = 0; attempt < 50; attempt++) {
    const reported = await privileged.evaluate(async (address) => {
      const items = await chrome.storage.session.get(null);
      return Object.entries(items)
        .filter(
          ([key, value]) =>
            key.startsWith('tab:') &&
            (value as { frames?: Record<string, { url: string }> } | null)?.frames?.['0']?.url === address,
        )
        .map(([key]) => Number(key.slice(4)));
    }, url);
    if (reported.length === 1) return reported[0];
    await page.waitForTimeout(100);
  }
  throw new Error(`no single tab reported ${url} (${ids.length} active tabs)`);
}
