import { useEffect, useRef } from 'preact/hooks';

export interface HighlightPreviewProps {
  /** A highlight name the content stylesheet styles, e.g. `dramalens-drama-amber`. */
  highlightName: string;
  text: string;
  /** Sample page background the preview sits on. */
  page: 'light' | 'dark';
}

/**
 * A sample name painted exactly as pages paint it: a range in a CSS highlight registered under
 * the preset's name, styled by the same stylesheet the content script uses.
 */
export function HighlightPreview({ highlightName, text, page }: HighlightPreviewProps) {
  const nameRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const node = nameRef.current?.firstChild;
    if (!node || typeof Highlight !== 'function' || !('highlights' in CSS)) return;
    const range = new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: text.length });
    let highlight = CSS.highlights.get(highlightName);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(highlightName, highlight);
    }
    highlight.add(range);
    return () => void highlight.delete(range);
  }, [highlightName, text]);
  return (
    <span class={`sample-page sample-${page}`}>
      <span ref={nameRef}>{text}</span>
    </span>
  );
}
