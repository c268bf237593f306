// Open shadow roots are separate trees the page's text walk never enters. Reading every
// element's `shadowRoot` from an isolated world costs about as much as reading the whole
// page's text, so candidates are found natively with one XPath query: custom elements (a name
// with a hyphen, how web components are written) and built-in elements that may host a shadow
// root and have no children of their own (a host shows its shadow tree, not its children).
// Only those are touched from script.

const HOST_CAPABLE = [
  'article',
  'aside',
  'blockquote',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
];

export const SHADOW_HOST_CANDIDATES = `.//*[contains(local-name(), '-') or (not(node()) and (${HOST_CAPABLE.map(
  (tag) => `self::${tag}`,
).join(' or ')}))]`;

/** Open shadow roots of candidate hosts under `root` (not inside nested shadow roots). */
export function findShadowRoots(
  doc: Document,
  root: Node,
  skip: (host: Element, shadow: ShadowRoot) => boolean,
): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  let snapshot: XPathResult;
  try {
    snapshot = doc.evaluate(SHADOW_HOST_CANDIDATES, root, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
  } catch {
    return found; // a document without XPath (e.g. a test DOM): no shadow roots searched
  }
  for (let i = 0, n = snapshot.snapshotLength; i < n; i++) {
    const host = snapshot.snapshotItem(i) as Element;
    const shadow = host.shadowRoot;
    if (shadow !== null && !skip(host, shadow)) found.push(shadow);
  }
  return found;
}
