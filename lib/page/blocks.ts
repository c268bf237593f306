// Which elements are blocks: names match across inline elements but never across blocks, and a
// page change re-scans the nearest block around it. Shared by the text collector, the mutation
// batcher and the bootstrap.

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
