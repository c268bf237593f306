// Which highlighted name is under a point, without touching the DOM: the browser's own
// `CSS.highlights.highlightsFromPoint()` where present, else the caret position at the point plus
// a binary search over the names in that text node. Both are O(log n) or better in our code.
import type { NameOccurrence } from '../engine/found-names';
import { liveRange } from '../static-range';

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}

type RegistryWithHitTest = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HighlightHit[] };

export interface HitTestEnvironment {
  document: Document;
  registry?: HighlightRegistry;
  /** The scanner's lookups. */
  occurrenceOf: (range: AbstractRange) => NameOccurrence | undefined;
  occurrences: () => readonly NameOccurrence[];
}

export interface NameHitTester {
  at(x: number, y: number): NameOccurrence | undefined;
  /** Forgets the per-node index (after the page's names changed). */
  invalidate(): void;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = withPosition.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = withPosition.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The caret lands next to the nearest character even in margins: check the glyphs are really there. */
export function rangeContainsPoint(doc: Document, range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(doc, range).getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

export function createNameHitTester(env: HitTestEnvironment): NameHitTester {
  const registry = env.registry as RegistryWithHitTest | undefined;
  const native = typeof registry?.highlightsFromPoint === 'function';
  let byNode: Map<Node, NameOccurrence[]> | null = null;

  const indexByNode = () => {
    const map = new Map<Node, NameOccurrence[]>();
    for (const o of env.occurrences()) {
      if (!o.painted) continue;
      const list = map.get(o.startNode);
      if (list) list.push(o);
      else map.set(o.startNode, [o]);
    }
    for (const list of map.values()) list.sort((a, b) => a.range.startOffset - b.range.startOffset);
    return map;
  };

  return {
    invalidate() {
      byNode = null;
    },
    at(x, y) {
      if (native) {
        for (const hit of registry!.highlightsFromPoint!(x, y)) {
          for (const range of hit.ranges) {
            const occurrence = env.occurrenceOf(range);
            if (occurrence?.painted) return occurrence;
          }
        }
        return undefined;
      }
      const caret = caretAt(env.document, x, y);
      if (!caret) return undefined;
      byNode ??= indexByNode();
      const here = byNode.get(caret.node);
      if (here) {
        // The last name starting at or before the caret.
        let lo = 0;
        let hi = here.length - 1;
        let found = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (here[mid].range.startOffset <= caret.offset) {
            found = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        const o = found >= 0 ? here[found] : undefined;
        if (o && rangeContainsPoint(env.document, o.range, x, y)) return o;
      }
      // A name may start in an earlier node and end in this one ("<b>Song</b> Kang").
      for (const node of [caret.node.previousSibling, caret.node.parentNode?.previousSibling?.lastChild]) {
        const o = node ? byNode.get(node)?.at(-1) : undefined;
        if (o && o.endNode === caret.node && rangeContainsPoint(env.document, o.range, x, y)) return o;
      }
      return undefined;
    },
  };
}
