// Which elements are blocks (names match across inline elements but never across blocks, and a
// page change re-scans the nearest block around it) and which hold text nobody matches. Shared
// by the text collector, the mutation batcher and the bootstrap.

/** Elements whose text is never matched (with everything inside them). */
export const SKIPPED_TAGS = new Set([
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

/** Editable regions: their text is the reader's own, never matched. */
export const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/** Skipped elements whose text can sit deeper than a direct child (highlighted code, SVG text, fallback content). */
const SKIPPED_HOLDERS = 'pre, code, kbd, samp, svg, math, object, canvas, video, audio';
const SVG_TEXT = 'text, desc, metadata, foreignObject';

/**
 * Whether `root` holds skipped text that a look at each text node's parent would keep: text
 * deeper inside a skipped element, or an editable region. Simple selectors, then a look inside
 * each match: a selector with a descendant combinator ("pre *") made the browser test every
 * element of the page against it (1.7 ms on a large page).
 */
export function holdsDeepSkippedText(root: ParentNode): boolean {
  for (const holder of root.querySelectorAll(SKIPPED_HOLDERS)) {
    if (holder.localName === 'svg' ? holder.querySelector(SVG_TEXT) !== null : holder.firstElementChild !== null) {
      return true;
    }
  }
  return root.querySelector(EDITABLE) !== null;
}

/** The same, for an element that may itself lie inside one. */
export const SKIPPED_AROUND = `pre, code, kbd, samp, svg, math, object, canvas, video, audio, textarea, select, ${EDITABLE}`;

export const BLOCK_TAGS = new Set([
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
