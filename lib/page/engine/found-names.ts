// The names found on a page: one list in order of discovery and a lookup from a range back to
// its name (for hit testing). Painting them is another module's job (names/name-painter.ts,
// loaded with the first name), told of every change through `NamesObserver`.

/** One name on the page. */
export interface NameOccurrence {
  range: StaticRange;
  startNode: Text;
  endNode: Text;
  entity: number;
  /** Painted now (the entity shows, and its scan has ended). */
  painted: boolean;
  /** Found by a scan still in progress: painted when that scan ends. */
  deferred: boolean;
  /** Tells first mentions apart: lower is earlier on the page. */
  order: number;
}

export interface NamesObserver {
  added(occurrence: NameOccurrence): void;
  removed(occurrence: NameOccurrence): void;
  cleared(): void;
}

export class FoundNames {
  private list: NameOccurrence[] = [];
  private readonly byRange = new Map<AbstractRange, NameOccurrence>();
  private order = 0;
  observer: NamesObserver | null = null;

  get all(): readonly NameOccurrence[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  of(range: AbstractRange): NameOccurrence | undefined {
    return this.byRange.get(range);
  }

  isCurrent(occurrence: NameOccurrence): boolean {
    return this.byRange.get(occurrence.range) === occurrence && occurrence.startNode.isConnected;
  }

  add(range: StaticRange, startNode: Text, endNode: Text, entity: number, deferred: boolean): void {
    const occurrence: NameOccurrence = {
      range,
      startNode,
      endNode,
      entity,
      painted: false,
      deferred,
      order: this.order++,
    };
    this.list.push(occurrence);
    this.byRange.set(range, occurrence);
    this.observer?.added(occurrence);
  }

  drop(shouldDrop: (o: NameOccurrence) => boolean): void {
    const kept: NameOccurrence[] = [];
    for (const o of this.list) {
      if (shouldDrop(o)) {
        this.byRange.delete(o.range);
        this.observer?.removed(o);
      } else kept.push(o);
    }
    this.list = kept;
  }

  clear(): void {
    this.list = [];
    this.byRange.clear();
    this.order = 0;
    this.observer?.cleared();
  }
}
