// Per-tab detections live in storage.session, so a service worker that the browser stopped
// and restarted still knows what every open tab mentions.
import type { PageDetections, TabDetections } from '../messages';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

export function createTabDetectionStore(session: SessionArea) {
  return {
    async save(tabId: number, report: PageDetections): Promise<void> {
      const value: TabDetections = { url: report.url, detections: report.detections };
      await session.set({ [keyOf(tabId)]: value });
    },
    async load(tabId: number): Promise<TabDetections | null> {
      const stored = (await session.get(keyOf(tabId)))[keyOf(tabId)];
      return (stored as TabDetections | undefined) ?? null;
    },
    async clear(tabId: number): Promise<void> {
      await session.remove(keyOf(tabId));
    },
  };
}
export type TabDetectionStore = ReturnType<typeof createTabDetectionStore>;
