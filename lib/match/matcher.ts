// Finds dictionary names in text in one pass: fold each code unit on the fly, walk the trie
// from each word start, then keep candidates that sit on word boundaries (Hangul names may carry
// particles), pass the context rule for ordinary-word titles, and do not overlap a longer
// match that starts earlier (leftmost-longest). Pure: the same code runs in the content
// script and in the index builder.
import type { CompiledDictionary } from './compile';
import {
  DROP,
  foldUnit,
  installFoldTables,
  isHangul,
  isWordUnit,
  UNIT_DROP,
  UNIT_HANGUL,
  UNIT_OTHER,
  UNIT_WORD,
  unitKind,
} from './fold';
import { child, classOfOtherUnit, type LookupTables, type TrieEdges } from './lookup-tables';
import { isHangulParticleRun } from './hangul-particles';

import { FLAG_NEEDS_CONTEXT, FLAG_STRONG_CUE, KIND_CUE } from './kinds';

export { KIND_CUE, KIND_DRAMA, KIND_PERSON } from './kinds';

export { BLOCK_BREAK } from './block-break';

export interface Matcher {
  readonly entityCount: number;
  /** KIND_DRAMA, KIND_PERSON or KIND_CUE, by entity index. */
  readonly kinds: Uint8Array;
  /** Indices of the entities whose nearby mention is context for `entity` (sorted). */
  related(entity: number): Uint32Array;
  entityId(entity: number): string;
  entityIndex(id: string): number | undefined;
  /** internal tables */
  readonly tables: MatcherTables;
}

/** What a matcher is made from: a freshly compiled dictionary, or one read from the binary file. */
export type MatcherSource = Omit<CompiledDictionary, 'ids'> & { ids: string[] | (() => string[]) };

interface MatcherTables extends LookupTables, TrieEdges {
  outKey: Int32Array;
  keyEntity: Uint32Array;
  keyFlags: Uint8Array;
}

/** A name found in text: `[start, end)` in the original string, and the entity's index. */
export interface TextMatch {
  start: number;
  end: number;
  entity: number;
}

export function loadDictionary(compiled: MatcherSource): Matcher {
  // Every table comes made (the builder's work): nothing to compute per page.
  installFoldTables(compiled.lowFold, compiled.lowKind);
  const tables: MatcherTables = compiled;
  const { kinds, relatedStart, related } = compiled;
  const ids = typeof compiled.ids === 'function' ? compiled.ids : () => compiled.ids as string[];
  let indexById: Map<string, number> | undefined;
  return {
    entityCount: kinds.length,
    kinds,
    related: (entity) => related.subarray(relatedStart[entity], relatedStart[entity + 1]),
    entityId: (entity) => ids()[entity],
    entityIndex(id) {
      indexById ??= new Map(ids().map((entityId, i) => [entityId, i]));
      return indexById.get(id);
    },
    tables,
  };
}

/** The kind of each ASCII unit (no Hangul among them), read inline by the scan. */
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) => unitKind(c));

/** Whether a raw hit's key only gives context (a cue word such as "episode"). */
export function isCueKey(matcher: Matcher, key: number): boolean {
  return matcher.kinds[matcher.tables.keyEntity[key]] === KIND_CUE;
}

/** The dictionary class of a folded non-ASCII unit (0 when no name uses it). */
function classOfFolded(t: MatcherTables, f: number): number {
  if (f < 128) return t.asciiClass[f];
  if (f >= 0xac00 && f <= 0xd7a3) return t.hangulClass.length === 0 ? 0 : t.hangulClass[f - 0xac00];
  return t.otherUnits.length === 0 ? 0 : classOfOtherUnit(t, f);
}

/**
 * Raw hits before boundary and overlap rules, every key that matches at a word start, as
 * `[startPart, startOffset, endPart, endOffset, key]` in order of start. The text comes in
 * parts (a page's text nodes, read without joining them; or one string): each part starts a
 * word, and a name runs on from one part into the next.
 *
 * A name can only begin where a word begins, so the pass reads each character once to find
 * word starts (letters inside a word cost one table lookup) and walks the trie from each word
 * start until no name continues. On the corpus pages walks average 1.7 steps and start at one
 * character in eight, so the pass reads about 1.2 characters per character of text (Aho-
 * Corasick steps through every character of every word and then has to drop partial matches
 * that began mid-word). A walk never runs longer than the longest name, so for a given
 * dictionary the pass is linear in the text.
 */
export function scanParts(matcher: Matcher, parts: readonly string[], out: number[] = []): number[] {
  const t = matcher.tables;
  const { asciiClass, hangulClass, rootRow, asciiPairs, outKey } = t;
  const asciiKind = ASCII_KIND;
  for (let p = 0, partCount = parts.length; p < partCount; p++) {
    const text = parts[p];
    let prevKind = UNIT_OTHER;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      let cls: number;
      if (c < 128) {
        const kind = asciiKind[c];
        if (kind === UNIT_WORD) {
          if (prevKind !== UNIT_OTHER) continue; // inside a word: no name starts here
          prevKind = UNIT_WORD;
        } else {
          prevKind = UNIT_OTHER; // punctuation may start a key; spaces and hyphens never do
          if (kind === UNIT_DROP) continue;
        }
        cls = asciiClass[c];
      } else if (c >= 0xac00 && c <= 0xd7a3) {
        if (prevKind === UNIT_HANGUL) continue;
        prevKind = UNIT_HANGUL;
        cls = hangulClass.length === 0 ? 0 : hangulClass[c - 0xac00];
      } else {
        // Latin-1, Greek, Cyrillic, punctuation: a table lookup, no folding per unit.
        const kind = unitKind(c);
        if (kind === UNIT_DROP) {
          prevKind = UNIT_OTHER;
          continue;
        }
        const midWord =
          kind === UNIT_HANGUL ? prevKind === UNIT_HANGUL : kind !== UNIT_OTHER && prevKind !== UNIT_OTHER;
        prevKind = kind;
        if (midWord) continue;
        cls = classOfFolded(t, foldUnit(c));
      }
      if (cls === 0) continue;
      let state = rootRow[cls];
      if (state === 0) continue;
      if (outKey[state] >= 0) out.push(p, i, p, i + 1, outKey[state]);
      let j = i + 1;
      if (c < 128) {
        // Both steps of an ASCII start in one lookup; most walks end here.
        let d = 0x80;
        while (j < n) {
          d = text.charCodeAt(j); // never read past the end: NaN would make `d` a float
          if (d >= 128 || asciiKind[d] !== UNIT_DROP) break;
          j++;
        }
        if (j < n && d < 128) {
          state = asciiPairs[(c << 7) | d];
          if (state === 0) continue;
          if (outKey[state] >= 0) out.push(p, i, p, j + 1, outKey[state]);
          j++;
        }
      }
      let q = p;
      let walked = text;
      let end = n;
      for (; ; j++) {
        if (j >= end) {
          // The part ends inside a possible name: it runs on into the next part.
          if (++q >= partCount) break;
          walked = parts[q];
          end = walked.length;
          j = -1;
          continue;
        }
        const d = walked.charCodeAt(j);
        let next: number;
        if (d < 128) {
          next = asciiClass[d];
          if (next === 0) {
            if (asciiKind[d] === UNIT_DROP) continue;
            break;
          }
        } else if (d >= 0xac00 && d <= 0xd7a3) {
          // Korean text: most words start with a syllable some name starts with.
          next = hangulClass.length === 0 ? 0 : hangulClass[d - 0xac00];
          if (next === 0) break;
        } else {
          const f = foldUnit(d);
          if (f === DROP) continue;
          next = classOfFolded(t, f);
          if (next === 0) break;
        }
        state = child(t, state, next);
        if (state === 0) break;
        const k = outKey[state];
        if (k >= 0) out.push(p, i, q, j + 1, k);
      }
    }
  }
  return out;
}

const HYPHEN = 0x2d;

function foldedAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? foldUnit(text.charCodeAt(i)) : DROP;
}

/** Latin names need word boundaries; a hyphen followed by a syllable continues a name ("Kang-ho"). */
function hasStartBoundary(text: string, start: number): boolean {
  const before = foldedAt(text, start - 1);
  if (isWordUnit(before)) return false;
  if (text.charCodeAt(start - 1) === HYPHEN && isWordUnit(foldedAt(text, start - 2))) return false;
  return true;
}

function hasEndBoundary(text: string, end: number): boolean {
  const after = foldedAt(text, end);
  // Korean text attaches particles to names in any script: "한소희가", "IU가".
  if (isHangul(after)) return isHangulParticleRun(text, end);
  if (isWordUnit(after)) return false;
  // "Song Kang-ho", "Song Kang-Hyun": a letter after a hyphen means the name goes on.
  if (text.charCodeAt(end) === HYPHEN && isWordUnit(foldedAt(text, end + 1))) return false;
  return true;
}

// Straight and curly quotes, guillemets, CJK corner brackets, and the angle brackets Korean
// news sets titles in (<눈물의 여왕>, 〈…〉, 《…》).
const QUOTES = new Set([
  0x22, 0x27, 0x2018, 0x2019, 0x201c, 0x201d, 0xab, 0xbb, 0x300c, 0x300d, 0x300e, 0x300f, 0x3c, 0x3e, 0x3008, 0x3009,
  0x300a, 0x300b,
]);
const CLOSING_PUNCTUATION = new Set([0x2c, 0x2e, 0x21, 0x3f, 0x3a, 0x3b]);
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x3a]);
/** How far (UTF-16 units) a cue or related name may be from an ordinary-word title. */
export const CONTEXT_WINDOW = 100;

function isQuoted(text: string, start: number, end: number): boolean {
  if (!QUOTES.has(text.charCodeAt(start - 1))) return false;
  let after = text.charCodeAt(end);
  if (CLOSING_PUNCTUATION.has(after)) after = text.charCodeAt(end + 1);
  return QUOTES.has(after);
}

const isBlank = (c: number) => c === 0x20 || (c >= 9 && c <= 13) || c === 0xa0;

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) continue;
    if (QUOTES.has(c) || c === 0x28) continue; // opening quote or bracket before the word
    return SENTENCE_END.has(c) || c === 0x1f;
  }
  return true;
}

/** Not a lowercase letter: a capital, or a digit ("100 Days My Prince"). */
export function startsWithCapital(text: string, start: number): boolean {
  const ch = text[start];
  return ch === ch.toUpperCase();
}

const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();
const isCapital = (ch: string) => isLetter(ch) && ch === ch.toUpperCase();
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0;

/** Four or more capitals in a row ("58 TIMES in a rant") are emphasis, not a title's capital. */
function isShouted(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false; // IU, VIP, OCN: short names are written in capitals
  const word = text.slice(start, end);
  return word === word.toUpperCase();
}

/** Whether only blanks separate the name from its block's edges (BLOCK_BREAK or the text's ends). */
function isWholeBlock(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (i >= 0 && text.charCodeAt(i) !== 0x1f) return false;
  let j = end;
  while (j < text.length && isBlank(text.charCodeAt(j))) j++;
  return j === text.length || text.charCodeAt(j) === 0x1f;
}

/**
 * Whether the word just before `start` or just after `end` (same line) begins with a capital.
 * `fragment`: `text` is one piece of a longer text (a text node's string), so a word reaching its
 * start may begin earlier: such a word says nothing.
 */
export function inCapitalisedRun(text: string, start: number, end: number, fragment = false): boolean {
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i >= 0 && i < start - 1 && isLetter(text[i])) {
    while (i > 0 && (isLetter(text[i - 1]) || text[i - 1] === '.' || text[i - 1] === '-')) i--;
    if (isCapital(text[i]) && !(fragment && i === 0)) return true;
  }
  let j = end;
  if (text[j] === '.') j++; // "L.A.": the initial's own dot
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j < text.length && (j > end || text[end] === '.') && isCapital(text[j]);
}

/**
 * What decides an ordinary-word name, beyond the text around it: whether the page has shown it
 * is about K-drama (a strong cue such as "K-drama", "tvN" or "드라마", or a name that is not an
 * ordinary word). `findMatches` sets `kdrama` when its text shows it; the page scanner keeps one
 * per page, the index builder says every article is.
 */
export interface MatchContext {
  kdrama: boolean;
}

/**
 * The rule for names that are also ordinary words or phrases ("Nevertheless", "Rain", "Good
 * Job", 부부의 세계): the name stands when a cue word or a related name (its cast, their dramas,
 * co-stars) is near, or, on a page about K-drama, when it is quoted or capitalised inside a
 * sentence.
 * A Latin name in lowercase and a sentence-initial "Nevertheless," never are (so the rough pass
 * can drop lowercase hits of such names at once); a Hangul name, which has no capitals, needs
 * quotes or something near.
 */
function contextSaysName(
  text: string,
  start: number,
  end: number,
  kdramaPage: boolean,
  nearby: (cuesCount: boolean) => boolean,
): boolean {
  const quoted = isQuoted(text, start, end);
  // Korean entertainment text says 드라마 and 방송 everywhere: beside an unquoted Hangul word
  // only a related name (its cast, a co-star) is context.
  if (isHangul(foldUnit(text.charCodeAt(start)))) return (quoted && (kdramaPage || nearby(true))) || nearby(false);
  if (!startsWithCapital(text, start)) return false;
  if (quoted) return kdramaPage || nearby(true);
  // Inside a run of capitalised words (a headline, "Los Angeles Times", "L.A.") a capital says
  // nothing: only a related name makes it the drama or the person.
  // So is a name that is its block's whole text (a menu item, a button: "Connect", "Exit"),
  // whose neighbours' cue words ("Series", "Stars") are other menu items.
  if (inCapitalisedRun(text, start, end) || isShouted(text, start, end) || isWholeBlock(text, start, end)) {
    return nearby(false);
  }
  if (!isSentenceStart(text, start)) return kdramaPage || nearby(true);
  if (text.charCodeAt(end) === 0x2c) return false;
  return nearby(true);
}

/**
 * What the exact step's rules decide about a hit from its own text node's string (`part`) alone,
 * whatever text comes before and after it in the exact text: the characters they read lie
 * inside the string (outside it nothing is known, and nothing is decided).
 * - 'never': the hit runs into a word (a boundary rule fails), so it is no match at all.
 * - 'related': an ordinary-word name that stands only beside a related name (unquoted Hangul;
 *   Latin inside a capitalised run or shouted), never through a cue or the page's context.
 * - 'open': anything else.
 */
export function hitInPart(part: string, start: number, end: number, cue: boolean): 'never' | 'related' | 'open' {
  if (runsIntoWord(part, start, part, end, cue)) return 'never';
  if (cue || !surelyUnquoted(part, start, end)) return 'open';
  if (isHangul(foldUnit(part.charCodeAt(start)))) return 'related';
  if (!startsWithCapital(part, start)) return 'open';
  return inCapitalisedRun(part, start, end, true) || isShouted(part, start, end) ? 'related' : 'open';
}

/**
 * Whether a hit from `first[start]` to `last[end]` (the strings it starts and ends in) fails a
 * boundary rule: Latin names need word boundaries, a Hangul one no Hangul just before it, and a
 * name's end no word after it but Korean particles. `fragment`: the strings are text nodes'
 * strings, pieces of a longer text; outside them nothing is known (reads past an end find no
 * word), and Hangul after a name is left open, as its particles may run past the string.
 */
export function runsIntoWord(
  first: string,
  start: number,
  last: string,
  end: number,
  cue: boolean,
  fragment = true,
): boolean {
  const hangul = isHangul(foldUnit(first.charCodeAt(start)));
  if (hangul ? isHangul(foldedAt(first, start - 1)) : !hasStartBoundary(first, start)) return true;
  // A hit ending where `last` begins: its last character is in the string before.
  if (end === 0) return false;
  // A Korean cue word takes verb endings too ("방송된다", "출연한"): only names need a clean end.
  if (cue && isHangul(foldUnit(last.charCodeAt(end - 1)))) return false;
  if (fragment && isHangul(foldedAt(last, end))) return false;
  return !hasEndBoundary(last, end);
}

/** Whether `part` itself shows that the hit is not between quotes (see `isQuoted`). */
function surelyUnquoted(part: string, start: number, end: number): boolean {
  if (start > 0 && !QUOTES.has(part.charCodeAt(start - 1))) return true;
  let after = end;
  if (after < part.length && CLOSING_PUNCTUATION.has(part.charCodeAt(after))) after++;
  return after < part.length && !QUOTES.has(part.charCodeAt(after));
}

/** Whether two ascending index lists share an entry. */
function sharesAny(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

/**
 * Finds names in `text`: non-overlapping, in order, cues excluded. Text may contain
 * BLOCK_BREAK between blocks. `context` carries what the page has shown so far (see
 * MatchContext); without one the text is judged on its own.
 */
export function findMatches(matcher: Matcher, text: string, context: MatchContext = { kdrama: false }): TextMatch[] {
  const raw = scanParts(matcher, [text]);
  if (raw.length === 0) return [];
  const t = matcher.tables;
  const kinds = matcher.kinds;

  // Boundary filter; cues are kept aside as context.
  const valid: TextMatch[] = [];
  const contextual: TextMatch[] = [];
  const cues: TextMatch[] = [];
  for (let r = 0; r < raw.length; r += 5) {
    const start = raw[r + 1];
    const end = raw[r + 3];
    const key = raw[r + 4];
    const entity = t.keyEntity[key];
    if (runsIntoWord(text, start, text, end, kinds[entity] === KIND_CUE, false)) continue;
    const match = { start, end, entity };
    const flags = t.keyFlags[key];
    if (kinds[entity] === KIND_CUE) {
      cues.push(match);
      if (flags & FLAG_STRONG_CUE) context.kdrama = true;
    } else if (flags & FLAG_NEEDS_CONTEXT) contextual.push(match);
    else valid.push(match);
  }
  if (valid.length > 0) context.kdrama = true;

  for (const match of contextual) {
    const nearby = (cuesCount: boolean) => {
      const lo = match.start - CONTEXT_WINDOW;
      const hi = match.end + CONTEXT_WINDOW;
      if (cuesCount) for (const cue of cues) if (cue.end >= lo && cue.start <= hi) return true;
      const related = matcher.related(match.entity);
      if (related.length === 0) return false;
      for (const other of valid) {
        if (other.end < lo || other.start > hi) continue;
        // Its drama or its cast, or a co-star (someone who shares a drama with it).
        if (related.includes(other.entity) || sharesAny(related, matcher.related(other.entity))) return true;
      }
      return false;
    };
    if (contextSaysName(text, match.start, match.end, context.kdrama, nearby)) valid.push(match);
  }

  // Leftmost-longest: sort by start, longer first, then take what does not overlap.
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: TextMatch[] = [];
  let lastEnd = -1;
  for (const m of valid) {
    if (m.start >= lastEnd) {
      chosen.push(m);
      lastEnd = m.end;
    }
  }
  return chosen;
}
