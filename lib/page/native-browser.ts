// `wxt/browser` for the page modules: the browser's own extension namespace, no polyfill.
export const browser = (
  (globalThis as { browser?: { runtime?: { id?: string } } }).browser?.runtime?.id
    ? (globalThis as { browser?: unknown }).browser
    : (globalThis as { chrome?: unknown }).chrome
) as typeof import('wxt/browser').browser;
