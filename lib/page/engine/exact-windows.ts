// From the rough pass's raw hits to names: the exact text (skipped regions left out, block
// breaks marked) is read only in windows of whole text nodes around hits that are not cue
// words, each reaching past its hit by more than the context rule looks, so a window decides
// its names as the whole slice would. Touching windows merge.
import { FLAG_NEEDS_CONTEXT, FLAG_STRONG_CUE } from '../../match/kinds';
import {
  CONTEXT_WINDOW,
  findMatches,
  isCueKey,
  scanParts,
  startsWithCapital,
  type MatchContext,
  type Matcher,
} from '../../match/matcher';
import type { RoughSlice, TextCollector, TextSlice } from '../text-collector';

/** How far (in characters of the text nodes) an exact window reaches past a hit. */
const WINDOW_REACH = CONTEXT_WINDOW + 20;

export interface FoundName {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  entity: number;
}

/** Matches a rough slice and calls `onName` for every name its exact windows hold. */
export function findNamesInRough(
  matcher: Matcher,
  collector: TextCollector,
  rough: RoughSlice,
  onName: (name: FoundName) => void,
  context: MatchContext,
  scratch: number[] = [],
): void {
  const hits = scanParts(matcher, rough.parts, scratch);
  if (hits.length === 0) return;
  // A strong cue anywhere on the page ("K-drama", "tvN") says what the page is about; a cue or
  // a distinctive name anywhere in the slice may be near an ordinary-word name.
  const flags = matcher.tables.keyFlags;
  let support = false;
  for (let h = 4; h < hits.length; h += 5) {
    const f = flags[hits[h]];
    if (f & FLAG_STRONG_CUE) context.kdrama = true;
    if (!(f & FLAG_NEEDS_CONTEXT)) support = true;
  }
  const { nodes, parts } = rough;
  let windowFrom = -1;
  let windowTo = -1;
  for (let h = 0; h < hits.length; h += 5) {
    const key = hits[h + 4];
    if (isCueKey(matcher, key)) continue; // cues only matter near a name
    if (flags[key] & FLAG_NEEDS_CONTEXT) {
      // An ordinary word ("crash", "Mouse"): nothing to confirm if it is lowercase Latin, or if
      // nothing in the slice could be its context on a page not shown to be about K-drama.
      if (!support && !context.kdrama) continue;
      const part = parts[hits[h]];
      const first = part.charCodeAt(hits[h + 1]);
      if (first < 0x80 && !startsWithCapital(part, hits[h + 1])) continue;
    }
    const from = reachBack(parts, hits[h], hits[h + 1]);
    const to = reachForward(parts, hits[h + 2], hits[h + 3]);
    if (windowFrom >= 0 && from <= windowTo + 1) {
      if (to > windowTo) windowTo = to;
      continue;
    }
    if (windowFrom >= 0) findNamesInSlice(matcher, collector.exact(nodes, windowFrom, windowTo), onName, context);
    windowFrom = from;
    windowTo = to;
  }
  if (windowFrom >= 0) findNamesInSlice(matcher, collector.exact(nodes, windowFrom, windowTo), onName, context);
  hits.length = 0;
}

/** The names in an exact slice, mapped back to text nodes and offsets. */
export function findNamesInSlice(
  matcher: Matcher,
  slice: TextSlice,
  onName: (name: FoundName) => void,
  context: MatchContext,
): void {
  const matches = findMatches(matcher, slice.text, context);
  if (matches.length === 0) return;
  const { nodes, starts } = slice;
  let n = 0;
  for (const match of matches) {
    while (n + 1 < starts.length && starts[n + 1] <= match.start) n++;
    let e = n;
    while (e + 1 < starts.length && starts[e + 1] < match.end) e++;
    onName({
      startNode: nodes[n],
      startOffset: match.start - starts[n],
      endNode: nodes[e],
      endOffset: match.end - starts[e],
      entity: match.entity,
    });
  }
}

/** The first part of a window reaching WINDOW_REACH characters back from `offset` in `parts[part]`. */
function reachBack(parts: readonly string[], part: number, offset: number): number {
  let reach = WINDOW_REACH - offset;
  while (reach > 0 && part > 0) reach -= parts[--part].length;
  return part;
}

/** The last part of a window reaching WINDOW_REACH characters on from `end` in `parts[part]`. */
function reachForward(parts: readonly string[], part: number, end: number): number {
  let reach = WINDOW_REACH - (parts[part].length - end);
  while (reach > 0 && part < parts.length - 1) reach -= parts[++part].length;
  return part;
}
