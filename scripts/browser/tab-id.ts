/// <reference types="chrome" />
// The tab id of a page a test opened. Dramalens has no `tabs` permission, so its background
// sees no tab's URL or title: the page is brought to the front, and then it is the one active
// tab (in Chromium every page of the harness's context is a tab of one window). Firefox opens
// each page in a window of its own, so there every window has an active tab; then the tab is
// the one whose top frame answers that it shows this page's address.
// Asked from the privileged context: Chromium's service worker, Firefox's extension tab.
import type { Page } from 'playwright-core';
import { TOP_FRAME_URL_REQUEST } from '../../lib/top-frame-url';
import type { ExtensionSession } from './harness';

export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const privileged = await session.privileged();
  const ids = await privileged.evaluate(async () => (await chrome.tabs.query({ active: true })).map((tab) => tab.id));
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  const url = page.url();
  for (let attempt = 0; attempt < 50; attempt++) {
    // Each active tab's top frame is asked which page it shows (Dramalens's engine answers there
    // whatever the settings: lib/top-frame-url.ts).
    const answering = await privileged.evaluate(
      async ({ address, request }) => {
        const tabs = await chrome.tabs.query({ active: true });
        const shown = await Promise.all(
          tabs.map((tab) =>
            chrome.tabs.sendMessage(tab.id!, request, { frameId: 0 }).then(
              (answer: unknown) => (answer === address ? tab.id! : null),
              () => null,
            ),
          ),
        );
        return shown.filter((id): id is number => id !== null);
      },
      { address: url, request: TOP_FRAME_URL_REQUEST },
    );
    if (answering.length === 1) return answering[0];
    await page.waitForTimeout(100);
  }
  throw new Error(`no single tab answered that it shows ${url} (${ids.length} active tabs)`);
}
