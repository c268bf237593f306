// Highlights hold StaticRanges (cheap, never updated by the DOM); measuring or comparing one
// needs a live Range over the same boundary points.
export function liveRange(doc: Document, range: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}
