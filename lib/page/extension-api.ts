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

/** A `runtime.onMessage` listener that answers synchronously (through `sendResponse`) or not at all. */
export type RuntimeMessageListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => void;

export interface PageExtensionApi {
  runtime: {
    id?: string;
    getURL(path: string): string;
    onMessage: {
      addListener(listener: RuntimeMessageListener): void;
      removeListener(listener: RuntimeMessageListener): void;
    };
  };
  storage: { sync: PageStorageArea };
}

export function pageExtensionApi(): PageExtensionApi {
  const scope = globalThis as { browser?: PageExtensionApi; chrome?: PageExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome!;
}
