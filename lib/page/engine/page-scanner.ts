// The content script's engine: scans a document (and its open shadow roots) in slices for
// names and keeps the list right as the page changes. The pieces: text-collector (reading
// text), exact-windows (slices → names, through the matcher, which runs in the background),
// found-names (the list), page-entities (what is known of their entities), mutation-batcher
// (page changes), shadow-roots (finding other trees). Painting and reporting attach once there
// are names (names/name-painter.ts). Everything it needs from the browser is passed in, so
// tests drive it in happy-dom.
import type { MatchContext } from '../../match/matcher';
import type { NameMatching } from '../../match/page-matching';
import { TextCollector, type RoughSlice } from '../text-collector';
import { findNamesInRough, type FoundName } from './exact-windows';
import { FoundNames, type NameOccurrence, type NamesObserver } from './found-names';
import { MutationBatcher } from '../mutation-batcher';
import { PageEntities } from './page-entities';
import { findShadowRoots } from '../shadow-roots';

export type { NameOccurrence };

/** What paints the names (attached once a page has some): told when a scan's names may show. */
export interface Painter extends NamesObserver {
  paintDeferred(from: number, overBudget: () => boolean): number;
}

export interface PageScannerEnvironment {
  document: Document;
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
  /** Called after names were added or removed (painting, the report and the card follow). */
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
}

// The page only reads text and sends it: slices can be large (fewer round trips to the
// matcher) while a slice's reading stays a few milliseconds.
export const DEFAULT_TUNING: ScannerTuning = {
  sliceChars: 48_000,
  taskBudgetMs: 8,
  burstLimit: 1500,
  rescanIntervalMs: 1000,
};

export class PageScanner {
  readonly found = new FoundNames();
  readonly entities = new PageEntities();
  private painter: Painter | null = null;
  private readonly changes: MutationBatcher;
  private active = false;
  private scanning: Promise<void> | null = null;
  private observer: MutationObserver | null = null;
  private readonly roots: Node[] = [];
  private batchScheduled = false;
  private lastFullRescan = -Infinity;
  private rescanTimer: number | null = null;
  private generation = 0;
  private deferPaint = false;
  /** What the page has shown it is about, for names that are ordinary words. */
  private readonly context: MatchContext = { kdrama: false };
  private addName(name: FoundName) {
    // The matcher answers later: the text may have changed or gone since it was read (the
    // change's own rescan then finds what it holds now).
    if (!name.startNode.isConnected || !name.endNode.isConnected) return;
    if (name.endOffset > name.endNode.data.length) return;
    const range = this.env.createStaticRange({
      startContainer: name.startNode,
      startOffset: name.startOffset,
      endContainer: name.endNode,
      endOffset: name.endOffset,
    });
    this.found.add(range, name.startNode, name.endNode, name.entity, this.deferPaint);
  }

  constructor(
    private readonly matching: NameMatching,
    private readonly env: PageScannerEnvironment,
    private readonly tuning: ScannerTuning = DEFAULT_TUNING,
  ) {
    this.changes = new MutationBatcher(env.isOwnUi);
  }

  /** The painter takes over the names found so far (it observes `found` from now on). */
  attachPainter(painter: Painter): void {
    this.painter = painter;
  }

  /** Current occurrences, in page order of discovery. */
  get names(): readonly NameOccurrence[] {
    return this.found.all;
  }

  /** The occurrence painted by `range` (as returned by `highlightsFromPoint`). */
  occurrenceOf(range: AbstractRange): NameOccurrence | undefined {
    return this.found.of(range);
  }

  isCurrent(occurrence: NameOccurrence): boolean {
    return this.found.isCurrent(occurrence);
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
    this.changes.clear();
    if (this.rescanTimer !== null) this.env.clearTimeout(this.rescanTimer);
    this.rescanTimer = null;
    this.found.clear();
    this.scanning = null;
    this.env.onOccurrencesChanged?.();
  }

  dispose(): void {
    this.stop();
  }

  /** Drops everything and scans the whole page again (SPA navigation, mutation bursts). */
  rescanAll(): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.lastFullRescan = this.env.now();
    this.found.clear();
    this.changes.clear();
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
      const overBudget = () => this.env.now() > deadline;
      // Paint once at the end: on a long page every frame between chunks would otherwise
      // repaint a growing set of highlights, which costs the page far more than our scan.
      this.deferPaint = true;
      const firstNew = this.found.size;
      for (const root of roots) {
        const collector = this.collector(root);
        for (
          let slice = collector.nextRough(this.tuning.sliceChars);
          slice;
          slice = collector.nextRough(this.tuning.sliceChars)
        ) {
          if (generation !== this.generation) return;
          await this.addRough(collector, slice, generation);
          if (generation !== this.generation) return;
          if (overBudget()) {
            await this.env.yieldToPage();
            deadline = this.env.now() + this.tuning.taskBudgetMs;
          }
        }
      }
      if (generation !== this.generation) return;
      this.deferPaint = false;
      for (let next = firstNew; next < this.found.size;) {
        next = this.releaseDeferred(next, overBudget);
        if (next < this.found.size) {
          await this.env.yieldToPage();
          if (generation !== this.generation) return;
          deadline = this.env.now() + this.tuning.taskBudgetMs;
        }
      }
      if (firstNew < this.found.size) this.env.onOccurrencesChanged?.();
      await this.yieldIfOver(deadline);
      if (generation !== this.generation) return;
      await this.scanShadowRoots(roots, generation);
    };
    return this.track(run());
  }

  /** One scan at a time: page changes wait for the running scan, which reschedules them. */
  private track(work: Promise<void>): Promise<void> {
    const scan = work
      .catch(() => {
        // The matcher is out of reach (the extension was updated or reloaded): nothing to add.
      })
      .finally(() => {
        this.deferPaint = false;
        if (this.scanning === scan) this.scanning = null;
        if (this.changes.pending) this.scheduleBatch();
      });
    this.scanning = scan;
    return scan;
  }

  /** The scan is over: its names may show (painted now if a painter is attached). */
  private releaseDeferred(from: number, overBudget: () => boolean): number {
    if (this.painter) return this.painter.paintDeferred(from, overBudget);
    const list = this.found.all;
    for (let i = from; i < list.length; i++) list[i].deferred = false;
    return list.length;
  }

  private async yieldIfOver(deadline: number) {
    if (this.env.now() > deadline) await this.env.yieldToPage();
  }

  private collector(root: Node) {
    return new TextCollector(root, { isOwnUi: this.env.isOwnUi });
  }

  /** Open shadow roots under `roots` (and theirs in turn), observed, styled and scanned. */
  private async scanShadowRoots(roots: Node[], generation: number) {
    const isOwnUi = this.env.isOwnUi;
    let pending = roots;
    while (pending.length > 0) {
      const found: ShadowRoot[] = [];
      for (const root of pending) {
        const shadows = findShadowRoots(
          this.env.document,
          root,
          (host, shadow) => this.roots.includes(shadow) || isOwnUi?.(host) === true,
        );
        for (const shadow of shadows) found.push(shadow);
      }
      for (const shadow of found) {
        this.env.adoptStyles?.(shadow);
        this.observeRoot(shadow);
        await this.scanAll(this.collector(shadow), generation);
        if (generation !== this.generation) return;
      }
      if (found.length > 0) this.env.onOccurrencesChanged?.();
      pending = found;
    }
  }

  /** Scans everything a collector holds (small subtrees, shadow roots). */
  private async scanAll(collector: TextCollector, generation: number) {
    for (let slice = collector.nextRough(Infinity); slice; slice = collector.nextRough(Infinity)) {
      await this.addRough(collector, slice, generation);
      if (generation !== this.generation) return;
    }
  }

  private addRough(collector: TextCollector, rough: RoughSlice, generation: number): Promise<void> {
    const onName = (name: FoundName) => {
      if (generation === this.generation) this.addName(name);
    };
    return findNamesInRough(this.matching, collector, rough, onName, this.context, this.entities);
  }

  private onMutations(records: MutationRecord[]) {
    if (!this.active) return;
    this.changes.record(records);
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
    if (this.changes.recordCount > this.tuning.burstLimit) {
      const wait = this.lastFullRescan + this.tuning.rescanIntervalMs - this.env.now();
      if (wait > 0) {
        this.rescanTimer ??= this.env.setTimeout(() => {
          this.rescanTimer = null;
          void this.rescanAll();
        }, wait);
      } else void this.rescanAll();
      return;
    }
    const changed = this.changes.take();
    if (changed.removals) this.found.drop((o) => !o.startNode.isConnected || !o.endNode.isConnected);
    if (changed.blocks.length > 0) this.found.drop((o) => changed.contains(o.startNode));
    this.env.onOccurrencesChanged?.();
    if (changed.blocks.length === 0) return;
    const generation = this.generation;
    const rescan = async () => {
      for (const block of changed.blocks) {
        await this.scanAll(this.collector(block), generation);
        if (generation !== this.generation) return;
      }
      // New subtrees may bring shadow roots (web components rendered after load).
      await this.scanShadowRoots(
        changed.blocks.filter((block) => block.nodeType === 1 || block.nodeType === 11),
        generation,
      );
      if (generation === this.generation) this.env.onOccurrencesChanged?.();
    };
    void this.track(rescan());
  }

  /** Resolves when no scan or rescan is running (tests). */
  async settled(): Promise<void> {
    while (this.scanning) await this.scanning;
  }
}
