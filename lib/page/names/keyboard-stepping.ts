// Which name the keyboard shortcut opens: pressed while a card is open, the next name; else the
// name at the caret or selection, else the first one after it, else the next after the last one
// opened this way.
import type { NameOccurrence } from '../engine/found-names';
import { liveRange } from '../static-range';

/** Painted names still on the page, in document order. */
export function namesInDocumentOrder(names: readonly NameOccurrence[]): NameOccurrence[] {
  return names
    .filter((o) => o.painted && o.startNode.isConnected)
    .sort((a, b) => {
      if (a.startNode === b.startNode) return a.range.startOffset - b.range.startOffset;
      return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
}

export function nextNameForKeyboard(
  doc: Document,
  all: readonly NameOccurrence[],
  open: NameOccurrence | null,
  lastOpened: NameOccurrence | null,
): NameOccurrence | undefined {
  const names = namesInDocumentOrder(all);
  if (names.length === 0) return undefined;
  if (open) return names[(names.indexOf(open) + 1) % names.length];
  const selection = doc.getSelection();
  const caret = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const atCaret = caret
    ? names.find((o) => liveRange(doc, o.range).comparePoint(caret.startContainer, caret.startOffset) <= 0)
    : undefined;
  return atCaret ?? names[lastOpened ? (names.indexOf(lastOpened) + 1) % names.length : 0];
}
