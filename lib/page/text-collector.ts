// Reads a page's text for matching without touching it. A SHOW_TEXT TreeWalker (the same walk
// as just reading the text) visits text nodes; a small per-element cache tells whether a node's
// parent is skipped (scripts, form fields, code, editable regions, our own UI) and which block
// it belongs to, so names match across inline elements ("<b>Song</b> Kang") but never across
// blocks (paragraphs, cells, headings, <br>).
import { BLOCK_BREAK } from '../match/matcher';

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'label',
  'img',
]);

export interface CollectorOptions {
  /** Elements to leave alone, e.g. the host of our own card UI. */
  isOwnUi?: (element: Element) => boolean;
}

interface ParentInfo {
  skip: boolean;
  /** The element whose block the text belongs to (null at the top of a shadow root). */
  block: Node | null;
}

const SKIP: ParentInfo = { skip: true, block: null };

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

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

/** The text of a run of blocks and where each text node starts in it. */
export interface TextSlice {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

/**
 * A resumable collection over one root: call `next(maxChars)` until it returns null. Each slice
 * ends at a block boundary, so a name never straddles two slices.
 */
export class TextCollector {
  private readonly walker: TreeWalker;
  private readonly cache = new Map<Node, ParentInfo>();
  private pending: Text | null;
  private readonly options: CollectorOptions;
  private readonly editable: Set<Element> | null;

  constructor(
    readonly root: Node,
    options: CollectorOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.options = options;
    this.editable = editableRoots(root);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.pending = this.walker.nextNode() as Text | null;
  }

  private infoOf(node: Node): ParentInfo {
    const cached = this.cache.get(node);
    if (cached) return cached;
    let info: ParentInfo;
    if (node.nodeType !== 1) {
      // Document, fragment or shadow root: the top of a tree.
      const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
      info = doc?.designMode === 'on' ? SKIP : { skip: false, block: node };
    } else {
      const element = node as Element;
      const parent = element.parentNode;
      const parentInfo = parent ? this.infoOf(parent) : { skip: false, block: null };
      const tag = element.localName;
      if (
        parentInfo.skip ||
        SKIPPED_TAGS.has(tag) ||
        (this.editable !== null && this.editable.has(element)) ||
        this.options.isOwnUi?.(element)
      ) {
        info = SKIP;
      } else {
        info = { skip: false, block: BLOCK_TAGS.has(tag) ? element : parentInfo.block };
      }
    }
    this.cache.set(node, info);
    return info;
  }

  /** Collects about `maxChars` characters of text (more if a block runs on), or null at the end. */
  next(maxChars: number): TextSlice | null {
    if (!this.pending) return null;
    const parts: string[] = [];
    const nodes: Text[] = [];
    const starts: number[] = [];
    let length = 0;
    let lastParent: Node | null = null;
    let lastInfo: ParentInfo = SKIP;
    let lastBlock: Node | null | undefined;
    let lastText: Text | null = null;
    let lastTextParent: Node | null = null;
    let text: Text | null = this.pending;
    for (; text; text = this.walker.nextNode() as Text | null) {
      const parent = text.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        lastInfo = parent ? this.infoOf(parent) : SKIP;
      }
      if (lastInfo.skip) continue;
      const data = text.data;
      if (data.length === 0) continue;
      let breakBefore = lastBlock !== undefined && lastInfo.block !== lastBlock;
      if (!breakBefore && lastText && parent === lastTextParent && text.previousSibling !== lastText) {
        breakBefore = hasBlockBetween(lastText, text);
      }
      if (breakBefore) {
        if (length >= maxChars) break; // stop at a block boundary once the slice is full
        parts.push(BLOCK_BREAK);
        length += 1;
      }
      nodes.push(text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      lastBlock = lastInfo.block;
      lastText = text;
      lastTextParent = parent;
    }
    this.pending = text;
    if (nodes.length === 0) return null;
    return { text: parts.join(''), nodes, starts };
  }
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

/** The nearest block element holding `node` (or its tree's root): the unit a change re-scans. */
export function blockOf(node: Node): Node {
  let current: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (current) {
    if (current.nodeType !== 1) return current; // document or shadow root
    const tag = (current as Element).localName;
    if (BLOCK_TAGS.has(tag) && tag !== 'br' && tag !== 'img' && tag !== 'hr') return current;
    const parent: Node | null = current.parentNode;
    if (!parent) return current;
    current = parent;
  }
  return node;
}
