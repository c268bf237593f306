// The page modules load each other by extension URL (all live in the extension's page/ folder):
// `import()` of a computed URL keeps the bundler from inlining them. The URL comes from
// `runtime.getURL`, which gives Chromium's per-session address for web-accessible files
// (`import.meta.url` would be the fixed one, which a page-initiated load may not use).
import type { PageExtensionApi } from './extension-api';

export const PAGE_MODULE_DIR = 'page';

export function importPageModule<T>(api: PageExtensionApi, file: string): Promise<T> {
  return import(/* @vite-ignore */ api.runtime.getURL(`/${PAGE_MODULE_DIR}/${file}`)) as Promise<T>;
}
