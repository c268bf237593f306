// Reads a page's text for matching without touching it, in two passes:
// - rough: a SHOW_TEXT TreeWalker (the same walk as just reading the text) reads every text
//   node's string, without joining them and without looking at elements. Most pages mention no name, and for them this
//   and one matcher pass are all the work.
// - exact: only around what the rough pass found, a per-element cache tells whether a node is
//   skipped (scripts, form fields, code, editable regions, our own UI) and which block it belongs
//   to, so names match across inline elements ("<b>Song</b> Kang") but never across blocks
//   (paragraphs, cells, headings, <br>).
import { BLOCK_BREAK } from '../match/block-break';
import { BLOCK_TAGS, EDITABLE, SKIPPED_TAGS } from './blocks';

export interface CollectorOptions {
  /** Elements to leave alone, e.g. the host of our own card UI. */
  isOwnUi?: (element: Element) => boolean;
}

/** What the collector caches per element: the block its text belongs to, or SKIPPED. */
const SKIPPED = { skipped: true } as unknown as Node;

/** Editable regions, found with native queries instead of an attribute read per element. */
function editableRoots(root: Node): Set<Element> | null {
  const scope = root as ParentNode;
  if (typeof scope.querySelectorAll !== 'function') return null;
  const found = new Set(scope.querySelectorAll(EDITABLE));
  // A rescanned block may sit inside an editable region.
  const around = root.nodeType === 1 ? (root as Element).closest(EDITABLE) : null;
  if (around) found.add(around);
  return found.size > 0 ? found : null;
}

/** The exact text of a run of blocks (skipped nodes left out, BLOCK_BREAK between blocks). */
export interface TextSlice {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

/** A run of blocks as read by the rough pass: every text node and its string, nothing skipped. */
export interface RoughSlice {
  nodes: Text[];
  /** `parts[i]` is `nodes[i].data`, never empty. */
  parts: string[];
}

/**
 * A resumable collection over one root: call `nextRough(maxChars)` until it returns null, and
 * `exact` for the parts that matter. Each slice ends at a block boundary, so a name never
 * straddles two slices.
 */
export class TextCollector {
  private readonly walker: TreeWalker;
  /** Element → the block holding its text (or SKIPPED). One entry per element looked at. */
  private readonly blocks = new Map<Node, Node>();
  private pending: Text | null;
  private readonly isOwnUi: ((element: Element) => boolean) | undefined;
  /** Editable regions under the root, found when first needed (many pages never need them). */
  private editable: Set<Element> | null | undefined;

  constructor(
    readonly root: Node,
    options: CollectorOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.isOwnUi = options.isOwnUi;
    // A document's head holds no rendered text (title, styles, scripts): start at its body.
    const start = root.nodeType === 9 ? ((root as Document).body ?? root) : root;
    this.walker = doc.createTreeWalker(start, NodeFilter.SHOW_TEXT);
    this.pending = this.walker.nextNode() as Text | null;
  }

  private isEditableRoot(element: Element): boolean {
    if (this.editable === undefined) this.editable = editableRoots(this.root);
    return this.editable !== null && this.editable.has(element);
  }

  /** The block of `parent`'s text, or SKIPPED: walks up to the nearest cached ancestor, then fills the cache down. */
  private blockOf(parent: Node): Node {
    const blocks = this.blocks;
    let block = blocks.get(parent);
    if (block !== undefined) return block;
    const chain: Element[] = [];
    let node: Node | null = parent;
    while (node !== null && node.nodeType === 1) {
      block = blocks.get(node);
      if (block !== undefined) break;
      chain.push(node as Element);
      node = node.parentNode;
    }
    if (block === undefined) {
      // The top of a tree: a document (skipped in design mode), a shadow root, or a detached element.
      const top = node ?? chain[chain.length - 1];
      block = top.nodeType === 9 && (top as Document).designMode === 'on' ? SKIPPED : top;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const element = chain[i];
      if (block !== SKIPPED) {
        const tag = element.localName;
        if (
          SKIPPED_TAGS.has(tag) ||
          this.isEditableRoot(element) ||
          (this.isOwnUi !== undefined && this.isOwnUi(element))
        )
          block = SKIPPED;
        else if (BLOCK_TAGS.has(tag)) block = element;
      }
      blocks.set(element, block);
    }
    return block;
  }

  /**
   * The next rough slice: about `maxChars` characters of text nodes (more if a block runs on), or
   * null at the end. Elements are only looked at where the slice ends.
   */
  nextRough(maxChars: number): RoughSlice | null {
    const walker = this.walker;
    const parts: string[] = [];
    const nodes: Text[] = [];
    let length = 0;
    let text = this.pending;
    for (; text !== null; text = walker.nextNode() as Text | null) {
      const data = text.data;
      if (data.length === 0) continue;
      if (length >= maxChars && this.breaksBefore(nodes, text)) break;
      nodes.push(text);
      parts.push(data);
      length += data.length;
    }
    this.pending = text;
    return nodes.length === 0 ? null : { nodes, parts };
  }

  /** The exact text of `nodes[from..to]`: skipped nodes left out, BLOCK_BREAK between blocks. */
  exact(nodes: readonly Text[], from: number, to: number): TextSlice {
    const parts: string[] = [];
    const kept: Text[] = [];
    const starts: number[] = [];
    let length = 0;
    let lastParent: Node | null = null;
    let block: Node = SKIPPED;
    let lastBlock: Node = SKIPPED;
    let lastText: Text | null = null;
    for (let k = from; k <= to; k++) {
      const text = nodes[k];
      const parent = text.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        block = parent === null ? SKIPPED : this.blockOf(parent);
      }
      if (block === SKIPPED) continue;
      const data = text.data;
      if (data.length === 0) continue;
      if (lastText !== null && separated(lastText, lastBlock, text, block)) {
        parts.push(BLOCK_BREAK);
        length += 1;
      }
      kept.push(text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      lastBlock = block;
      lastText = text;
    }
    return { text: parts.join(''), nodes: kept, starts };
  }

  /** The next exact slice (rough, then exact over all of it), or null at the end. */
  next(maxChars: number): TextSlice | null {
    for (let rough = this.nextRough(maxChars); rough; rough = this.nextRough(maxChars)) {
      const slice = this.exact(rough.nodes, 0, rough.nodes.length - 1);
      if (slice.nodes.length > 0) return slice;
    }
    return null;
  }

  /**
   * Whether a slice may end before `after`: a block boundary separates it from the last text of
   * `nodes` that is not skipped. Skipped text (a <code> inside a paragraph) never ends a slice.
   */
  private breaksBefore(nodes: readonly Text[], after: Text): boolean {
    const parentAfter = after.parentNode;
    const blockAfter = parentAfter === null ? SKIPPED : this.blockOf(parentAfter);
    if (blockAfter === SKIPPED) return false;
    for (let k = nodes.length - 1; k >= 0; k--) {
      const before = nodes[k];
      const parentBefore = before.parentNode;
      const blockBefore = parentBefore === null ? SKIPPED : this.blockOf(parentBefore);
      if (blockBefore === SKIPPED) continue;
      return separated(before, blockBefore, after, blockAfter);
    }
    return true;
  }
}

/**
 * Whether a block boundary lies between two kept text nodes (`before` first): they belong to
 * different blocks, or a <br> or block element stands between them in one parent.
 */
function separated(before: Text, blockBefore: Node, after: Text, blockAfter: Node): boolean {
  if (blockBefore !== blockAfter) return true;
  return before.parentNode === after.parentNode && after.previousSibling !== before && hasBlockBetween(before, after);
}

/** Siblings between two text nodes of one parent: a <br> or block element separates them. */
function hasBlockBetween(from: Text, to: Text): boolean {
  for (let n = from.nextSibling; n && n !== to; n = n.nextSibling) {
    if (n.nodeType === 1 && BLOCK_TAGS.has((n as Element).localName)) return true;
  }
  return false;
}

/** Collects everything under `root` in one slice (tests and small subtrees). */
export function collectText(root: Node, options?: CollectorOptions): TextSlice {
  const collector = new TextCollector(root, options);
  const slices: TextSlice[] = [];
  for (let s = collector.next(Infinity); s; s = collector.next(Infinity)) slices.push(s);
  if (slices.length <= 1) return slices[0] ?? { text: '', nodes: [], starts: [] };
  return slices.reduce((a, b) => ({
    text: `${a.text}${BLOCK_BREAK}${b.text}`,
    nodes: [...a.nodes, ...b.nodes],
    starts: [...a.starts, ...b.starts.map((s) => s + a.text.length + 1)],
  }));
}
