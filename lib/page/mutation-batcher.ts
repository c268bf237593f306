// Page changes, batched: mutation records are reduced to the outermost changed blocks (the unit
// a change re-scans) and whether anything was removed. A burst beyond the limit is cheaper to
// handle as one full rescan.
import { blockOf } from './blocks';

export interface ChangedBlocks {
  /** Outermost changed blocks, still in the page. */
  blocks: Node[];
  /** Whether nodes were removed (names in them must go). */
  removals: boolean;
  /** Whether a node is inside one of `blocks`. */
  contains: (node: Node) => boolean;
}

export class MutationBatcher {
  private nodes = new Set<Node>();
  private removals = false;
  private records = 0;

  constructor(private readonly isOwnUi?: (element: Element) => boolean) {}

  get pending(): boolean {
    return this.nodes.size > 0 || this.removals;
  }

  get recordCount(): number {
    return this.records;
  }

  record(records: MutationRecord[]): void {
    const isOwnUi = this.isOwnUi;
    // Nothing in <head> is read (a page adding a <style> there would otherwise rescan the whole
    // document, and close an open card whose name it re-found). Looked up once per batch.
    const head = records[0]?.target.ownerDocument?.head;
    for (const record of records) {
      if (head?.contains(record.target)) continue;
      if (record.type === 'characterData') {
        this.nodes.add(record.target);
        continue;
      }
      if (isOwnUi && record.target.nodeType === 1 && isOwnUi(record.target as Element)) continue;
      for (const added of record.addedNodes) {
        if (isOwnUi && added.nodeType === 1 && isOwnUi(added as Element)) continue;
        this.nodes.add(added);
      }
      if (record.removedNodes.length > 0) {
        this.removals = true;
        // Removing a node can join text around it (a <br> between "Song" and "Kang").
        this.nodes.add(record.target);
      }
    }
    this.records += records.length;
  }

  clear(): void {
    this.nodes = new Set();
    this.removals = false;
    this.records = 0;
  }

  /** The changes so far, reduced to blocks; the batcher starts empty again. */
  take(): ChangedBlocks {
    const pending = this.nodes;
    const removals = this.removals;
    this.clear();
    const blocks = new Set<Node>();
    for (const node of pending) if (node.isConnected) blocks.add(blockOf(node));
    // A block inside another pending block is covered by the outer one's rescan. Walking up
    // from each block keeps a burst of many changed blocks linear, not quadratic.
    const outer = [...blocks].filter((b) => !hasAncestorIn(b.parentNode, blocks));
    const outerSet = new Set(outer);
    // A few blocks test containment directly, many walk up each name's ancestors.
    const contains =
      outer.length <= 8
        ? (node: Node) => outer.some((block) => block.contains(node))
        : (node: Node) => hasAncestorIn(node, outerSet);
    return { blocks: outer, removals, contains };
  }
}

/** Whether `node` or one of its ancestors is in `set`. */
function hasAncestorIn(node: Node | null, set: ReadonlySet<Node>): boolean {
  for (let n = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}
