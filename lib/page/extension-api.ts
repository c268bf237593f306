// The few extension APIs the page side calls, straight from the browser's own namespace
// (`browser` in Firefox, `chrome` in Chromium, both promise-based for these calls), so no
// polyfill is loaded into every frame.

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface PageStorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(listener: (changes: Record<string, StorageChange>) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>) => void): void;
  };
}

export interface PageExtensionApi {
  runtime: { id?: string; getURL(path: string): string };
  storage: { sync: PageStorageArea };
}

export function pageExtensionApi(): PageExtensionApi {
  const scope = globalThis as { browser?: PageExtensionApi; chrome?: PageExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome!;
}
