// Per-tab detections live in storage.session, so a service worker that the browser stopped
// and restarted still knows what every open tab mentions. Content scripts run in every frame:
// each frame's latest report is kept under its frameId and the tab's view sums them.
import { tabDetectionsKey, type PageDetections, type TabDetections } from '../messages';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

type Detection = PageDetections['detections'][number];

/** One frame's latest report. */
export interface FrameReport {
  url: string;
  /** The reporting document (Chrome's `sender.documentId`); absent where the browser has none. */
  documentId?: string;
  /** When the report arrived (epoch ms), to tell a reloaded page's frames from the old ones. */
  reportedAt: number;
  detections: Detection[];
}

/** What storage.session holds for one tab under `tab:<id>`. */
export interface StoredTab {
  /** Keyed by frameId (0 is the top frame). */
  frames: Record<string, FrameReport>;
  /** The last time the tab started loading but stayed on its page (a reload, a frame navigating, a #jump). */
  loadingAt?: number;
  /**
   * A page started loading in this tab while Dramalens was running, so its content scripts ran:
   * with no frame report, the page names nothing (frames without names never report). Without
   * it, the page was open before Dramalens was installed or updated.
   */
  loaded?: boolean;
}

export interface FrameSender {
  frameId: number;
  documentId?: string;
}

/** The storage.session key of a tab's record (shared with the popup through lib/messages.ts). */
const keyOf = tabDetectionsKey;

/** The URL without its fragment: a `#section` jump is not a new page. */
const withoutHash = (url: string) => url.split('#', 1)[0];

/** Sums the frames' reports: top frame first, then subframes in frameId order. */
export function mergeFrames(stored: StoredTab): TabDetections | null {
  const frameIds = Object.keys(stored.frames)
    .map(Number)
    .sort((a, b) => a - b);
  if (frameIds.length === 0) return stored.loaded ? { url: '', detections: [] } : null;
  const merged = new Map<string, { count: number; rank: number }>();
  let rank = 0;
  for (const frameId of frameIds) {
    const detections = [...stored.frames[frameId].detections].sort((a, b) => a.firstIndex - b.firstIndex);
    for (const d of detections) {
      const seen = merged.get(d.entityId);
      if (seen) seen.count += d.count;
      else merged.set(d.entityId, { count: d.count, rank: rank++ });
    }
  }
  return {
    url: stored.frames[0]?.url ?? stored.frames[frameIds[0]].url,
    detections: [...merged].map(([entityId, { count, rank: firstIndex }]) => ({ entityId, count, firstIndex })),
  };
}

/**
 * The store, with every change to a tab applied in order (frames report concurrently, and each
 * change reads, edits and writes the tab's record). `onChange` hears the tab's new view, for the badge.
 */
export function createTabDetectionStore(
  session: SessionArea,
  options: { now?: () => number; onChange?: (tabId: number, view: TabDetections | null) => void } = {},
) {
  const now = options.now ?? Date.now;
  const queues = new Map<number, Promise<unknown>>();

  const read = async (tabId: number): Promise<StoredTab | undefined> =>
    (await session.get(keyOf(tabId)))[keyOf(tabId)] as StoredTab | undefined;

  const write = async (tabId: number, stored: StoredTab | undefined) => {
    if (stored && (Object.keys(stored.frames).length > 0 || stored.loaded))
      await session.set({ [keyOf(tabId)]: stored });
    else await session.remove(keyOf(tabId));
    options.onChange?.(tabId, stored ? mergeFrames(stored) : null);
  };

  /** Runs `change` after the tab's earlier changes; a failed change does not block later ones. */
  const inOrder = <T>(tabId: number, change: () => Promise<T>): Promise<T> => {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(change, change);
    const settled = next.catch(() => {});
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  };

  return {
    /** Replaces one frame's report. A new top document (a reload) drops the frames of the old one. */
    save(tabId: number, sender: FrameSender, report: PageDetections): Promise<void> {
      return inOrder(tabId, async () => {
        const stored: StoredTab = (await read(tabId)) ?? { frames: {} };
        const top = stored.frames[0];
        const newTopDocument =
          sender.frameId === 0 &&
          top?.documentId !== undefined &&
          sender.documentId !== undefined &&
          top.documentId !== sender.documentId;
        if (newTopDocument) {
          // Frames of the reloaded page may report before its top frame: keep those, drop the older ones.
          const since = stored.loadingAt ?? Infinity;
          for (const [frameId, frame] of Object.entries(stored.frames)) {
            if (frameId !== '0' && frame.reportedAt < since) delete stored.frames[frameId];
          }
        }
        stored.frames[sender.frameId] = {
          url: report.url,
          ...(sender.documentId !== undefined ? { documentId: sender.documentId } : {}),
          reportedAt: now(),
          detections: report.detections,
        };
        await write(tabId, stored);
      });
    },

    /**
     * The tab started loading. A new URL (other than a `#fragment` jump) is a new page: forget
     * the tab. The same URL is a reload or a subframe navigating: each frame's next report
     * replaces its entry, and `save` drops a reloaded page's old frames.
     */
    navigated(tabId: number, url: string | undefined): Promise<void> {
      return inOrder(tabId, async () => {
        const stored = await read(tabId);
        const topUrl = stored?.frames[0]?.url;
        if (!stored || (url !== undefined && (topUrl === undefined || withoutHash(url) !== withoutHash(topUrl)))) {
          await write(tabId, { frames: {}, loaded: true });
          return;
        }
        await session.set({ [keyOf(tabId)]: { ...stored, loadingAt: now(), loaded: true } });
      });
    },

    /**
     * The tab finished loading and its top frame shows `topUrl` (undefined when no Dramalens
     * engine answered there). Without the `tabs` permission `navigated` usually gets no URL, so
     * a new page looks like a reload until now: unless the top frame still shows the page the
     * names were reported on, the frames reported before the load began belonged to the page
     * that was there before, and are dropped.
     */
    settled(tabId: number, topUrl: string | undefined): Promise<void> {
      return inOrder(tabId, async () => {
        const stored = await read(tabId);
        if (!stored || stored.loadingAt === undefined) return;
        const top = stored.frames[0];
        const samePage = topUrl !== undefined && (top === undefined || withoutHash(topUrl) === withoutHash(top.url));
        if (samePage) return;
        const since = stored.loadingAt;
        const kept = Object.entries(stored.frames).filter(([, frame]) => frame.reportedAt >= since);
        if (kept.length === Object.keys(stored.frames).length) return;
        await write(tabId, { ...stored, frames: Object.fromEntries(kept) });
      });
    },

    async load(tabId: number): Promise<TabDetections | null> {
      const stored = await read(tabId);
      return stored ? mergeFrames(stored) : null;
    },

    clear(tabId: number): Promise<void> {
      return inOrder(tabId, () => write(tabId, undefined));
    },
  };
}
export type TabDetectionStore = ReturnType<typeof createTabDetectionStore>;
