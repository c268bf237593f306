// From a rough slice to names: the matcher says which runs of text nodes may hold one; their
// exact text (skipped regions left out, block breaks marked) is read here, in the page, and
// matched; each match is mapped back to text nodes and offsets.
import type { MatchContext } from '../../match/matcher';
import type { FlatMatches, NameMatching } from '../../match/page-matching';
import type { RoughSlice, TextCollector, TextSlice } from '../text-collector';
import type { PageEntities } from './page-entities';

export interface FoundName {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  entity: number;
}

/** Matches a rough slice and calls `onName` for every name its exact windows hold. */
export async function findNamesInRough(
  matching: NameMatching,
  collector: TextCollector,
  rough: RoughSlice,
  onName: (name: FoundName) => void,
  context: MatchContext,
  entities: PageEntities,
): Promise<void> {
  const windows = await matching.rough(rough.parts, context);
  if (windows.length === 0) return;
  const slices: TextSlice[] = [];
  for (let w = 0; w < windows.length; w += 2) {
    const slice = collector.exact(rough.nodes, windows[w], windows[w + 1]);
    if (slice.nodes.length > 0) slices.push(slice);
  }
  if (slices.length === 0) return;
  const { matches, facts } = await matching.exact(
    slices.map((s) => s.text),
    context,
  );
  entities.learn(facts);
  slices.forEach((slice, i) => namesInSlice(slice, matches[i] ?? [], onName));
}

/** The names of an exact slice's matches, mapped back to text nodes and offsets. */
export function namesInSlice(slice: TextSlice, matches: FlatMatches, onName: (name: FoundName) => void): void {
  const { nodes, starts } = slice;
  let n = 0;
  for (let m = 0; m + 2 < matches.length; m += 3) {
    const start = matches[m];
    const end = matches[m + 1];
    while (n + 1 < starts.length && starts[n + 1] <= start) n++;
    let e = n;
    while (e + 1 < starts.length && starts[e + 1] < end) e++;
    onName({
      startNode: nodes[n],
      startOffset: start - starts[n],
      endNode: nodes[e],
      endOffset: end - starts[e],
      entity: matches[m + 2],
    });
  }
}
