// Paints a page's names with the CSS Custom Highlight API (highlight-registry.ts): the names
// whose entity shows (muted ones do not) and whose scan has ended. Also counts what is painted,
// for the report to the background.
import { KIND_DRAMA } from '../../match/kinds';
import type { EntityFact } from '../../match/page-matching';
import type { PageEntities } from '../engine/page-entities';
import type { FoundNames, NameOccurrence, NamesObserver } from '../engine/found-names';
import { createPaintedHighlights, type HighlightEnvironment, type PaintedHighlights } from '../highlight-registry';

export interface Detection {
  entityId: string;
  count: number;
  firstIndex: number;
}

export class NamePainter implements NamesObserver {
  private readonly painted: PaintedHighlights;
  /** Whether each entity found so far shows, decided on its first name. */
  private readonly visible = new Map<number, boolean>();

  constructor(
    private readonly entities: PageEntities,
    private readonly names: FoundNames,
    highlights: HighlightEnvironment,
    private isVisible: (fact: EntityFact) => boolean,
  ) {
    this.painted = createPaintedHighlights(highlights);
    names.observer = this;
    for (const o of names.all) this.sync(o);
  }

  get supported(): boolean {
    return this.painted.supported;
  }

  kindOf(o: NameOccurrence): 'drama' | 'actor' {
    return this.entities.kind(o.entity) === KIND_DRAMA ? 'drama' : 'actor';
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

  setVisible(isVisible: (fact: EntityFact) => boolean): void {
    this.isVisible = isVisible;
    this.visible.clear();
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
      .map(([entity, d], i) => ({ entityId: this.entities.id(entity), count: d.count, firstIndex: i }));
  }

  private shows(entity: number): boolean {
    let shows = this.visible.get(entity);
    if (shows === undefined) {
      shows = this.isVisible(this.entities.of(entity));
      this.visible.set(entity, shows);
    }
    return shows;
  }

  private sync(o: NameOccurrence) {
    if (o.deferred) return;
    const shouldPaint = this.shows(o.entity);
    if (shouldPaint === o.painted) return;
    o.painted = shouldPaint;
    if (shouldPaint) this.painted.add(this.kindOf(o), o.range);
    else this.painted.delete(this.kindOf(o), o.range);
  }
}
