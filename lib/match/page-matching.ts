// Matching a page's text in two steps, so that the dictionary and the matcher never have to be
// in the page: the rough step takes a slice's text nodes as read (no element looked at) and
// says which runs of nodes may hold a name; the page reads the exact text of those runs
// (skipped regions out, block breaks in) and the exact step finds the names in it. The
// background runs both (lib/background/name-matching.ts); tests and benches run them in
// process through `localNameMatching`. Pure.
import { FLAG_NEEDS_CONTEXT, FLAG_STRONG_CUE, KIND_DRAMA } from './kinds';
import {
  CONTEXT_WINDOW,
  findMatches,
  hitInPart,
  runsIntoWord,
  isCueKey,
  scanParts,
  startsWithCapital,
  type MatchContext,
  type Matcher,
} from './matcher';

/** Marks a rough hit that is no match (in place of its key). */
const NO_KEY = -1;

/** How far (in characters of the text nodes) a window reaches past a hit. */
const WINDOW_REACH = CONTEXT_WINDOW + 20;

/** What the page needs to know of an entity it found: its id, its kind, and for a person their dramas. */
export interface EntityFact {
  entity: number;
  id: string;
  kind: number;
  /** A person's dramas (ids); empty for a drama. */
  dramaIds: string[];
}

/** The names of one exact text: `[start, end, entity]` triples, flat, in order. */
export type FlatMatches = number[];

export interface ExactResult {
  matches: FlatMatches[];
  /** Facts of every entity in `matches`. */
  facts: EntityFact[];
}

/**
 * Which runs of `parts` may hold a name, as `[fromPart, toPart]` pairs, flat, ascending and
 * apart: every hit that is not a cue word, with enough of its neighbours to decide it as the
 * whole slice would. Ordinary-word hits that nothing in the slice (or page) can support are
 * dropped here. Updates `context` with a strong cue.
 */
export function roughWindows(
  matcher: Matcher,
  parts: readonly string[],
  context: MatchContext,
  scratch: number[] = [],
): number[] {
  const windows: number[] = [];
  const hits = scanParts(matcher, parts, scratch);
  if (hits.length === 0) return windows;
  // A strong cue anywhere on the page ("K-drama", "tvN") says what the page is about; a cue or
  // a distinctive name anywhere in the slice may be near an ordinary-word name.
  const flags = matcher.tables.keyFlags;
  let support = false;
  for (let h = 0; h < hits.length; h += 5) {
    const key = hits[h + 4];
    // A hit that runs into a word in its own text node ("L" in "Log out") is no name or cue in
    // any exact text: marked so the loop below passes it by.
    if (runsIntoWord(parts[hits[h]], hits[h + 1], parts[hits[h + 2]], hits[h + 3], isCueKey(matcher, key))) {
      hits[h + 4] = NO_KEY;
      continue;
    }
    const f = flags[key];
    if (f & FLAG_STRONG_CUE) context.kdrama = true;
    if (!(f & FLAG_NEEDS_CONTEXT)) support = true;
  }
  let windowFrom = -1;
  let windowTo = -1;
  for (let h = 0; h < hits.length; h += 5) {
    const key = hits[h + 4];
    if (key === NO_KEY || isCueKey(matcher, key)) continue; // cues only matter near a name
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
    if (windowFrom >= 0) windows.push(windowFrom, windowTo);
    windowFrom = from;
    windowTo = to;
  }
  if (windowFrom >= 0) windows.push(windowFrom, windowTo);
  hits.length = 0;
  return windows;
}

/**
 * Whether anything in `parts` may be a name as the exact step judges it, for text read with
 * nothing the exact step skips left in (the bootstrap checks; see lib/page/bootstrap.ts): a
 * name that is not an ordinary word; or an ordinary-word name (capitalised, or Hangul) on a
 * page shown to be about K-drama, or with a cue word within the exact step's reach of it. Where
 * `roughWindows` lets one cue anywhere in a slice support every ordinary word in it, this
 * measures the distance, which the text as read can only understate (the exact text adds a
 * break between blocks and drops nothing else). A related name nearby (the exact step's other
 * context) is itself a name: a distinctive one answers at once, an ordinary-word one only
 * stands through a cue or the page's K-drama context in turn. What the exact step's rules decide
 * from a hit's own text node's string (`hitInPart`) counts too: a hit running into a word is
 * none, and one that only a related name could make stand (a capitalised run, shouting,
 * unquoted Hangul) waits for that name. Updates `context` with a strong cue.
 */
export function nameMayStand(matcher: Matcher, parts: readonly string[], context: MatchContext): boolean {
  const hits = scanParts(matcher, parts, []);
  if (hits.length === 0) return false;
  const flags = matcher.tables.keyFlags;
  const partStart: number[] = [];
  for (let p = 0, at = 0; p < parts.length; p++) {
    partStart.push(at);
    at += parts[p].length;
  }
  const cues: number[] = [];
  const ordinary: number[] = [];
  for (let h = 0; h < hits.length; h += 5) {
    const key = hits[h + 4];
    const start = partStart[hits[h]] + hits[h + 1];
    const end = partStart[hits[h + 2]] + hits[h + 3];
    const cue = isCueKey(matcher, key);
    // Inside one text node's string the exact step's boundary, quote and capital rules can
    // already be read: "L" in "Log out" is no match, "Times" in "The New York Times" stands
    // only beside a related name (itself a name, answered on its own).
    const first = parts[hits[h]];
    const last = parts[hits[h + 2]];
    const inPart =
      hits[h] === hits[h + 2]
        ? hitInPart(first, hits[h + 1], hits[h + 3], cue)
        : runsIntoWord(first, hits[h + 1], last, hits[h + 3], cue)
          ? 'never'
          : 'open';
    if (inPart === 'never') continue;
    if (cue) {
      if (flags[key] & FLAG_STRONG_CUE) context.kdrama = true;
      cues.push(start, end);
    } else if (!(flags[key] & FLAG_NEEDS_CONTEXT)) {
      return true;
    } else {
      // A lowercase Latin ordinary word is never a name (as in roughWindows).
      if (first.charCodeAt(hits[h + 1]) < 0x80 && !startsWithCapital(first, hits[h + 1])) continue;
      if (inPart === 'related') continue;
      ordinary.push(start, end);
    }
  }
  if (ordinary.length === 0) return false;
  if (context.kdrama) return true;
  for (let o = 0; o < ordinary.length; o += 2) {
    const lo = ordinary[o] - CONTEXT_WINDOW;
    const hi = ordinary[o + 1] + CONTEXT_WINDOW;
    for (let c = 0; c < cues.length; c += 2) if (cues[c + 1] >= lo && cues[c] <= hi) return true;
  }
  return false;
}

/** The rough step's answer: to the engine's slices, or to the bootstrap's question (`nearCues`). */
export function roughAnswer(
  matcher: Matcher,
  parts: readonly string[],
  context: MatchContext,
  nearCues: boolean,
  scratch?: number[],
): number[] {
  return nearCues && !nameMayStand(matcher, parts, context) ? [] : roughWindows(matcher, parts, context, scratch);
}

/** The names in each exact text, and the facts of the entities they name. */
export function exactMatches(matcher: Matcher, texts: readonly string[], context: MatchContext): ExactResult {
  const seen = new Set<number>();
  const facts: EntityFact[] = [];
  const matches = texts.map((text) => {
    const flat: FlatMatches = [];
    for (const match of findMatches(matcher, text, context)) {
      flat.push(match.start, match.end, match.entity);
      if (seen.has(match.entity)) continue;
      seen.add(match.entity);
      facts.push(entityFact(matcher, match.entity));
    }
    return flat;
  });
  return { matches, facts };
}

export function entityFact(matcher: Matcher, entity: number): EntityFact {
  const kind = matcher.kinds[entity];
  const dramaIds: string[] = [];
  if (kind !== KIND_DRAMA) {
    for (const other of matcher.related(entity)) {
      if (matcher.kinds[other] === KIND_DRAMA) dramaIds.push(matcher.entityId(other));
    }
  }
  return { entity, id: matcher.entityId(entity), kind, dramaIds };
}

/** The two steps as the page scanner calls them: answered by the background, or in process. */
export interface NameMatching {
  /** `nearCues`: the text holds nothing the exact step skips (see `nameMayStand`). */
  rough(parts: string[], context: MatchContext, nearCues?: boolean): Promise<number[]>;
  exact(texts: string[], context: MatchContext): Promise<ExactResult>;
}

/** Both steps run here, on a matcher in this process (unit tests, the in-page bench). */
export function localNameMatching(matcher: Matcher): NameMatching {
  const scratch: number[] = [];
  return {
    rough: async (parts, context, nearCues) => roughAnswer(matcher, parts, context, nearCues === true, scratch),
    exact: async (texts, context) => exactMatches(matcher, texts, context),
  };
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
