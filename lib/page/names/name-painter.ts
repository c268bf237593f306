// Paints a page's names with the CSS Custom Highlight API (highlight-registry.ts): the names
// whose entity shows (muted ones do not) and whose scan has ended. Also counts what is painted,
// for the report to the background.
import { KIND_DRAMA } from '../../match/kinds';
import type { Matcher } from '../../match/matcher';
import type { FoundNames, NameOccurrence, NamesObserver } from '../engine/found-names';
import { createPaintedHighlights, type HighlightEnvironment, type PaintedHighlights } from '../highlight-registry';

export interface Detection {
  entityId: string;
  count: number;
  firstIndex: number;
}

export class NamePainter implements NamesObserver {
  private readonly painted: PaintedHighlights;
  private visible: Uint8Array;

  constructor(
    private readonly matcher: Matcher,
    private readonly names: FoundNames,
    highlights: HighlightEnvironment,
    isVisible: (entity: number) => boolean,
  ) {
    this.painted = createPaintedHighlights(highlights);
    this.visible = this.visibility(isVisible);
    names.observer = this;
    for (const o of names.all) this.sync(o);
  }

  get supported(): boolean {
    return this.painted.supported;
  }

  kindOf(o: NameOccurrence): 'drama' | 'actor' {
    return this.matcher.kinds[o.entity] === KIND_DRAMA ? 'drama' : 'actor';
  }

  added(o: NameOccurrence): void {
    this.sync(o);
  }

  removed(o: NameOccurrence): void {
    if (o.painted) this.painted.delete(this.kindOf(o), o.range);
  }

  cleared(): void {
    this.painted.clear();
  }

  /** Paints the names a finished scan deferred, from index `from`; returns where to resume. */
  paintDeferred(from: number, overBudget: () => boolean): number {
    const list = this.names.all;
    for (let i = from; i < list.length; i++) {
      list[i].deferred = false;
      this.sync(list[i]);
      if ((i & 1023) === 1023 && overBudget()) return i + 1;
    }
    return list.length;
  }

  setVisible(isVisible: (entity: number) => boolean): void {
    this.visible = this.visibility(isVisible);
    for (const o of this.names.all) this.sync(o);
  }

  setPresets(dramaPreset: string, actorPreset: string): void {
    this.painted.setPresets(dramaPreset, actorPreset);
  }

  dispose(): void {
    this.painted.dispose();
    if (this.names.observer === this) this.names.observer = null;
  }

  /** Counts per painted entity, in order of first mention. */
  detections(): Detection[] {
    const byEntity = new Map<number, { count: number; first: number }>();
    for (const o of this.names.all) {
      if (!o.painted) continue;
      const d = byEntity.get(o.entity);
      if (d) {
        d.count++;
        if (o.order < d.first) d.first = o.order;
      } else byEntity.set(o.entity, { count: 1, first: o.order });
    }
    return [...byEntity]
      .sort((a, b) => a[1].first - b[1].first)
      .map(([entity, d], i) => ({ entityId: this.matcher.entityId(entity), count: d.count, firstIndex: i }));
  }

  private visibility(isVisible: (entity: number) => boolean): Uint8Array {
    const visible = new Uint8Array(this.matcher.entityCount);
    for (let i = 0; i < visible.length; i++) visible[i] = isVisible(i) ? 1 : 0;
    return visible;
  }

  private sync(o: NameOccurrence) {
    if (o.deferred) return;
    const shouldPaint = this.visible[o.entity] === 1;
    if (shouldPaint === o.painted) return;
    o.painted = shouldPaint;
    if (shouldPaint) this.painted.add(this.kindOf(o), o.range);
    else this.painted.delete(this.kindOf(o), o.range);
  }
}
