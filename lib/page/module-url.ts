// The page modules load each other by extension URL (all live in the extension's page/ folder):
// `import()` of a computed URL keeps the bundler from inlining them. The URL comes from
// `runtime.getURL`, which gives Chromium's per-session address for web-accessible files
// (`import.meta.url` would be the fixed one, which a page-initiated load may not use).
// `getURL` is called on the browser's own namespace right inside `import()`, so a reviewer (and
// AMO's linter, which accepts exactly `chrome.runtime.getURL(...)` or `browser.runtime.getURL(...)`
// as a dynamic import's argument) sees that only the extension's own files are ever imported.
// `chrome`, because WXT's build renames a bare `browser`; Firefox has `chrome` in content scripts too.

export const PAGE_MODULE_DIR = 'page';

declare const chrome: { runtime: { getURL(path: string): string } };

export function importPageModule<T>(file: string): Promise<T> {
  return import(/* @vite-ignore */ chrome.runtime.getURL(`/${PAGE_MODULE_DIR}/${file}`)) as Promise<T>;
}
