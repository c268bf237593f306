// Which page a tab shows, without the `tabs` permission (which Chrome announces at install as
// "Read your browsing history"): the background and the popup ask Dramalens's own engine in the
// tab's top frame, which answers with its `location.href`. A plain runtime message, not the
// typed protocol of lib/messages.ts, so the engine loaded into every frame with text stays small.

const REQUEST_TYPE = 'dramalens:top-frame-url';

export const TOP_FRAME_URL_REQUEST = { type: REQUEST_TYPE } as const;

export function isTopFrameUrlRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REQUEST_TYPE;
}

/** The part of `browser.tabs` (promise-based) the question needs; no permission gates it. */
export interface TabMessaging {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/**
 * The URL the tab's top frame shows, or undefined when no Dramalens engine answers there: a
 * page browsers keep extensions off (settings, new tab, the stores, `data:`), a page opened
 * before Dramalens was installed, a page without text, or one still loading.
 */
export async function askTopFrameUrl(tabs: TabMessaging, tabId: number): Promise<string | undefined> {
  try {
    const url = await tabs.sendMessage(tabId, TOP_FRAME_URL_REQUEST, { frameId: 0 });
    return typeof url === 'string' && url.length > 0 && url.length <= 8192 ? url : undefined;
  } catch {
    return undefined; // no receiver in that frame
  }
}
