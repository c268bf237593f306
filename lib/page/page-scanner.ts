// The content script's engine: scans a document (and its open shadow roots) in time-boxed
// chunks, paints matches as CSS highlights, keeps them right as the page changes (batched
// mutations, only changed blocks re-scanned, a throttled full rescan for bursts), applies
// settings live, and reports what the page mentions. Everything it needs from the browser is
// passed in, so tests can drive it in happy-dom.
import {
  CONTEXT_WINDOW,
  findMatches,
  isCueKey,
  KIND_DRAMA,
  KIND_PERSON,
  scanParts,
  type Matcher,
} from '../match/matcher';
import { blockOf, TextCollector, type RoughSlice, type TextSlice } from './text-collector';
import { createPaintedHighlights, type HighlightEnvironment, type PaintedHighlights } from './highlight-registry';

/** One painted (or paintable) name on the page. */
export interface NameOccurrence {
  range: StaticRange;
  startNode: Text;
  endNode: Text;
  entity: number;
  kind: 'drama' | 'actor';
  painted: boolean;
  /** Found by a scan still in progress: painted when that scan ends. */
  deferred: boolean;
  /** Tells first mentions apart: lower is earlier on the page. */
  order: number;
}

export interface Detection {
  entityId: string;
  count: number;
  firstIndex: number;
}

export interface PageScannerEnvironment {
  document: Document;
  highlights: HighlightEnvironment;
  now: () => number;
  /** Lets the page run between chunks (a macrotask). */
  yieldToPage: () => Promise<void>;
  /** Runs `callback` soon, batched with other changes (next frame, or a short timeout when hidden). */
  scheduleBatch: (callback: () => void) => void;
  /** Delayed call, cancellable; used to throttle full rescans and debounce reports. */
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  MutationObserver: typeof MutationObserver;
  createStaticRange: (init: StaticRangeInit) => StaticRange;
  isOwnUi?: (element: Element) => boolean;
  /** Makes the highlight styles apply inside an open shadow root. */
  adoptStyles?: (root: ShadowRoot) => void;
  report: (detections: Detection[]) => void;
  /** Called after occurrences were added or removed (the hover card closes if its name went away). */
  onOccurrencesChanged?: () => void;
}

export interface ScannerTuning {
  /** Characters collected and matched per slice. */
  sliceChars: number;
  /** Work per task before yielding to the page. */
  taskBudgetMs: number;
  /** Mutation records in one batch beyond which a full rescan is cheaper. */
  burstLimit: number;
  /** Minimum time between two full rescans. */
  rescanIntervalMs: number;
  reportDelayMs: number;
}

// Small slices and a short budget leave room for a garbage collection inside a task
// without it crossing 50 ms.
export const DEFAULT_TUNING: ScannerTuning = {
  sliceChars: 16_000,
  taskBudgetMs: 8,
  burstLimit: 1500,
  rescanIntervalMs: 1000,
  reportDelayMs: 150,
};

export class PageScanner {
  private readonly painted: PaintedHighlights;
  private occurrences: NameOccurrence[] = [];
  private readonly byRange = new Map<AbstractRange, NameOccurrence>();
  private visible: Uint8Array;
  private active = false;
  private scanning: Promise<void> | null = null;
  private observer: MutationObserver | null = null;
  private readonly roots: Node[] = [];
  private pendingNodes = new Set<Node>();
  private pendingRemovals = false;
  private pendingRecords = 0;
  private batchScheduled = false;
  private lastFullRescan = -Infinity;
  private rescanTimer: number | null = null;
  private reportTimer: number | null = null;
  private lastReport = '';
  private order = 0;
  private generation = 0;
  private deferPaint = false;
  /** Reused between slices: the rough pass's hits. */
  private readonly rawHits: number[] = [];

  constructor(
    private readonly matcher: Matcher,
    private readonly env: PageScannerEnvironment,
    private readonly tuning: ScannerTuning = DEFAULT_TUNING,
  ) {
    this.painted = createPaintedHighlights(env.highlights);
    this.visible = new Uint8Array(matcher.entities.length).fill(1);
  }

  get highlightsSupported(): boolean {
    return this.painted.supported;
  }

  get entities() {
    return this.matcher.entities;
  }

  /** Current occurrences, in page order of discovery. */
  get names(): readonly NameOccurrence[] {
    return this.occurrences;
  }

  /** The occurrence painted by `range` (as returned by `highlightsFromPoint`). */
  occurrenceOf(range: AbstractRange): NameOccurrence | undefined {
    return this.byRange.get(range);
  }

  isCurrent(occurrence: NameOccurrence): boolean {
    return this.byRange.get(occurrence.range) === occurrence && occurrence.startNode.isConnected;
  }

  /** Which entities are painted (tracked dramas and their cast). Repaints at once. */
  setVisibleEntities(isVisible: (entity: number) => boolean): void {
    const next = new Uint8Array(this.matcher.entities.length);
    for (let i = 0; i < next.length; i++) next[i] = isVisible(i) ? 1 : 0;
    this.visible = next;
    for (const occurrence of this.occurrences) this.syncPaint(occurrence);
    this.scheduleReport();
  }

  setColorPresets(dramaPreset: string, actorPreset: string): void {
    this.painted.setPresets(dramaPreset, actorPreset);
  }

  /** Starts scanning and following the page. Resolves when the first full scan is done. */
  start(): Promise<void> {
    if (this.active) return this.scanning ?? Promise.resolve();
    this.active = true;
    const doc = this.env.document;
    this.observer = new this.env.MutationObserver((records) => this.onMutations(records));
    this.observeRoot(doc);
    return this.runScan([doc]);
  }

  /** Removes every highlight and stops following the page. */
  stop(): void {
    this.active = false;
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    this.roots.length = 0;
    this.pendingNodes.clear();
    if (this.rescanTimer !== null) this.env.clearTimeout(this.rescanTimer);
    this.rescanTimer = null;
    this.painted.clear();
    this.occurrences = [];
    this.byRange.clear();
    this.scanning = null;
    this.scheduleReport();
    this.env.onOccurrencesChanged?.();
  }

  dispose(): void {
    this.stop();
    this.painted.dispose();
    if (this.reportTimer !== null) this.env.clearTimeout(this.reportTimer);
  }

  /** Drops everything and scans the whole page again (SPA navigation, mutation bursts). */
  rescanAll(): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.lastFullRescan = this.env.now();
    // After a navigation the background cleared the tab: report again even if nothing changed.
    this.lastReport = '';
    this.painted.clear();
    this.occurrences = [];
    this.byRange.clear();
    this.order = 0;
    this.pendingNodes.clear();
    this.pendingRemovals = false;
    this.pendingRecords = 0;
    return this.runScan([...this.roots]);
  }

  private observeRoot(root: Node) {
    if (this.roots.includes(root)) return;
    this.roots.push(root);
    this.observer?.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private runScan(roots: Node[]): Promise<void> {
    const generation = ++this.generation;
    const run = async () => {
      let deadline = this.env.now() + this.tuning.taskBudgetMs;
      // Paint once at the end: on a long page every frame between chunks would otherwise
      // repaint a growing set of highlights, which costs the page far more than our scan.
      this.deferPaint = true;
      const firstNew = this.occurrences.length;
      for (const root of roots) {
        const collector = new TextCollector(root, { isOwnUi: this.env.isOwnUi });
        for (
          let slice = collector.nextRough(this.tuning.sliceChars);
          slice;
          slice = collector.nextRough(this.tuning.sliceChars)
        ) {
          if (generation !== this.generation) return;
          this.addRough(collector, slice);
          if (this.env.now() > deadline) {
            await this.env.yieldToPage();
            deadline = this.env.now() + this.tuning.taskBudgetMs;
          }
        }
      }
      if (generation !== this.generation) return;
      this.deferPaint = false;
      const occurrences = this.occurrences;
      for (let i = firstNew; i < occurrences.length; i++) {
        occurrences[i].deferred = false;
        this.syncPaint(occurrences[i]);
        if ((i & 1023) === 0 && this.env.now() > deadline) {
          await this.env.yieldToPage();
          if (generation !== this.generation) return;
          deadline = this.env.now() + this.tuning.taskBudgetMs;
        }
      }
      this.scheduleReport();
      await this.discoverShadowRoots(roots, generation);
    };
    const scan = run().finally(() => {
      this.deferPaint = false;
      if (this.scanning === scan) this.scanning = null;
      if (this.pendingNodes.size > 0 || this.pendingRemovals) this.scheduleBatch();
    });
    this.scanning = scan;
    return scan;
  }

  /** Open shadow roots are separate trees: find them after the main scan, in chunks. */
  private async discoverShadowRoots(roots: Node[], generation: number) {
    let deadline = this.env.now() + this.tuning.taskBudgetMs;
    const found: ShadowRoot[] = [];
    for (const root of roots) {
      const walker = this.env.document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      while (!this.findShadowRoots(walker, found, deadline)) {
        await this.env.yieldToPage();
        if (generation !== this.generation) return;
        deadline = this.env.now() + this.tuning.taskBudgetMs;
      }
    }
    if (found.length === 0) return;
    for (const shadow of found) {
      this.env.adoptStyles?.(shadow);
      this.observeRoot(shadow);
    }
    // Nested shadow roots are found by the recursive scan of these roots.
    for (const shadow of found) {
      this.scanAll(new TextCollector(shadow, { isOwnUi: this.env.isOwnUi }));
    }
    this.scheduleReport();
    await this.discoverShadowRoots(found, generation);
  }

  /**
   * Adds the open shadow roots of the walker's elements to `found`: true when the walk is done,
   * false when the deadline passed first. (A plain loop: kept out of the async caller, where
   * the same loop ran several times slower.)
   */
  private findShadowRoots(walker: TreeWalker, found: ShadowRoot[], deadline: number): boolean {
    let visited = 0;
    for (let el = walker.nextNode() as Element | null; el !== null; el = walker.nextNode() as Element | null) {
      const shadow = el.shadowRoot;
      if (shadow !== null && !this.roots.includes(shadow) && !this.env.isOwnUi?.(el)) found.push(shadow);
      // Reading the clock costs more than visiting an element: look every 512 elements.
      if ((++visited & 511) === 0 && this.env.now() > deadline) return false;
    }
    return true;
  }

  /** Scans everything a collector holds in one go (small subtrees, shadow roots). */
  private scanAll(collector: TextCollector) {
    for (let slice = collector.nextRough(Infinity); slice; slice = collector.nextRough(Infinity)) {
      this.addRough(collector, slice);
    }
  }

  /**
   * Matches a rough slice, then reads the exact text only around names it may hold: a window of
   * whole text nodes reaching past each hit by more than the context rule looks, so each
   * window decides its names as the whole slice would.
   */
  private addRough(collector: TextCollector, rough: RoughSlice) {
    const hits = scanParts(this.matcher, rough.parts, this.rawHits);
    if (hits.length === 0) return;
    const { nodes, parts } = rough;
    let windowFrom = -1;
    let windowTo = -1;
    for (let h = 0; h < hits.length; h += 5) {
      if (isCueKey(this.matcher, hits[h + 4])) continue; // cues only matter near a name
      const from = reachBack(parts, hits[h], hits[h + 1]);
      const to = reachForward(parts, hits[h + 2], hits[h + 3]);
      if (windowFrom >= 0 && from <= windowTo + 1) {
        if (to > windowTo) windowTo = to;
        continue;
      }
      if (windowFrom >= 0) this.addSlice(collector.exact(nodes, windowFrom, windowTo));
      windowFrom = from;
      windowTo = to;
    }
    if (windowFrom >= 0) this.addSlice(collector.exact(nodes, windowFrom, windowTo));
    hits.length = 0;
  }

  private addSlice(slice: TextSlice) {
    const matches = findMatches(this.matcher, slice.text);
    if (matches.length === 0) return;
    const { nodes, starts } = slice;
    let n = 0;
    for (const match of matches) {
      while (n + 1 < starts.length && starts[n + 1] <= match.start) n++;
      let e = n;
      while (e + 1 < starts.length && starts[e + 1] < match.end) e++;
      const startNode = nodes[n];
      const endNode = nodes[e];
      const kind = this.matcher.entities[match.entity].kind === KIND_DRAMA ? 'drama' : 'actor';
      const occurrence: NameOccurrence = {
        range: this.env.createStaticRange({
          startContainer: startNode,
          startOffset: match.start - starts[n],
          endContainer: endNode,
          endOffset: match.end - starts[e],
        }),
        startNode,
        endNode,
        entity: match.entity,
        kind,
        painted: false,
        deferred: this.deferPaint,
        order: this.order++,
      };
      this.occurrences.push(occurrence);
      this.byRange.set(occurrence.range, occurrence);
      this.syncPaint(occurrence);
    }
  }

  private syncPaint(occurrence: NameOccurrence) {
    if (occurrence.deferred) return;
    const shouldPaint = this.visible[occurrence.entity] === 1;
    if (shouldPaint === occurrence.painted) return;
    occurrence.painted = shouldPaint;
    if (shouldPaint) this.painted.add(occurrence.kind, occurrence.range);
    else this.painted.delete(occurrence.kind, occurrence.range);
  }

  private onMutations(records: MutationRecord[]) {
    if (!this.active) return;
    const isOwnUi = this.env.isOwnUi;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.pendingNodes.add(record.target);
        continue;
      }
      if (isOwnUi && record.target.nodeType === 1 && isOwnUi(record.target as Element)) continue;
      for (const added of record.addedNodes) {
        if (isOwnUi && added.nodeType === 1 && isOwnUi(added as Element)) continue;
        this.pendingNodes.add(added);
      }
      if (record.removedNodes.length > 0) {
        this.pendingRemovals = true;
        // Removing a node can join text around it (a <br> between "Song" and "Kang").
        this.pendingNodes.add(record.target);
      }
    }
    this.pendingRecords += records.length;
    this.scheduleBatch();
  }

  private scheduleBatch() {
    if (this.batchScheduled || !this.active) return;
    this.batchScheduled = true;
    this.env.scheduleBatch(() => {
      this.batchScheduled = false;
      this.flushMutations();
    });
  }

  private flushMutations() {
    if (!this.active) return;
    if (this.scanning) return; // the running scan reschedules the batch when it ends
    if (this.pendingRecords > this.tuning.burstLimit) {
      const wait = this.lastFullRescan + this.tuning.rescanIntervalMs - this.env.now();
      if (wait > 0) {
        this.rescanTimer ??= this.env.setTimeout(() => {
          this.rescanTimer = null;
          void this.rescanAll();
        }, wait);
      } else void this.rescanAll();
      return;
    }
    const pending = this.pendingNodes;
    const removals = this.pendingRemovals;
    this.pendingNodes = new Set();
    this.pendingRemovals = false;
    this.pendingRecords = 0;

    if (removals) this.dropOccurrences((o) => !o.startNode.isConnected || !o.endNode.isConnected);

    const blocks = new Set<Node>();
    for (const node of pending) {
      if (node.isConnected) blocks.add(blockOf(node));
    }
    // A block inside another pending block is covered by the outer one's rescan. Walking up
    // from each block keeps a burst of many changed blocks linear, not quadratic.
    const outer = [...blocks].filter((b) => !hasAncestorIn(b.parentNode, blocks));
    const outerSet = new Set(outer);
    // One pass over the page's names for all changed blocks: a few blocks test containment
    // directly, many walk up each name's ancestors.
    const inChangedBlock =
      outer.length <= 8
        ? (node: Node) => outer.some((block) => block.contains(node))
        : (node: Node) => hasAncestorIn(node, outerSet);
    if (outer.length > 0) this.dropOccurrences((o) => inChangedBlock(o.startNode));
    for (const block of outer) {
      this.scanAll(new TextCollector(block, { isOwnUi: this.env.isOwnUi }));
      if (block.nodeType === 1) this.adoptNewShadowRoots(block as Element);
    }
    this.scheduleReport();
    this.env.onOccurrencesChanged?.();
  }

  private adoptNewShadowRoots(subtree: Element) {
    const candidates = [subtree, ...subtree.querySelectorAll('*')];
    if (candidates.length > 2000) return; // large inserts are covered by the next full rescan
    for (const el of candidates) {
      const shadow = el.shadowRoot;
      if (!shadow || this.roots.includes(shadow) || this.env.isOwnUi?.(el)) continue;
      this.env.adoptStyles?.(shadow);
      this.observeRoot(shadow);
      this.scanAll(new TextCollector(shadow, { isOwnUi: this.env.isOwnUi }));
    }
  }

  private dropOccurrences(shouldDrop: (o: NameOccurrence) => boolean) {
    const kept: NameOccurrence[] = [];
    for (const o of this.occurrences) {
      if (shouldDrop(o)) {
        if (o.painted) this.painted.delete(o.kind, o.range);
        this.byRange.delete(o.range);
      } else kept.push(o);
    }
    this.occurrences = kept;
  }

  /** Counts per painted entity, in order of first mention. */
  detections(): Detection[] {
    const byEntity = new Map<number, { count: number; first: number }>();
    for (const o of this.occurrences) {
      if (!o.painted) continue;
      const d = byEntity.get(o.entity);
      if (d) {
        d.count++;
        if (o.order < d.first) d.first = o.order;
      } else byEntity.set(o.entity, { count: 1, first: o.order });
    }
    return [...byEntity]
      .sort((a, b) => a[1].first - b[1].first)
      .map(([entity, d], i) => ({ entityId: this.matcher.entities[entity].id, count: d.count, firstIndex: i }));
  }

  private scheduleReport() {
    if (this.reportTimer !== null) return;
    this.reportTimer = this.env.setTimeout(() => {
      this.reportTimer = null;
      const detections = this.detections();
      const key = JSON.stringify(detections);
      if (key === this.lastReport) return;
      this.lastReport = key;
      this.env.report(detections);
    }, this.tuning.reportDelayMs);
  }
}

export { KIND_DRAMA, KIND_PERSON };

/** How far (in characters of the text nodes) an exact window reaches past a hit. */
const WINDOW_REACH = CONTEXT_WINDOW + 20;

/** The first part of a window reaching WINDOW_REACH characters back from `offset` in `parts[part]`. */
function reachBack(parts: readonly string[], part: number, offset: number): number {
  let reach = WINDOW_REACH - offset;
  while (reach > 0 && part > 0) reach -= parts[--part].length;
  return part;
}

/** The last part of a window reaching WINDOW_REACH characters on from `end` in `parts[part]`. */
function reachForward(parts: readonly string[], part: number, end: number): number {
  let reach = WINDOW_REACH - (parts[part].length - end);
  while (reach > 0 && part < parts.length - 1) reach -= parts[++part].length;
  return part;
}

/** Whether `node` or one of its ancestors is in `set`. */
function hasAncestorIn(node: Node | null, set: ReadonlySet<Node>): boolean {
  for (let n = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}
