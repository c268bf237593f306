// Finds dictionary names in text in one pass: fold each code unit on the fly, step the
// automaton, then keep candidates that sit on word boundaries (Hangul names may carry
// particles), pass the context rule for ordinary-word titles, and do not overlap a longer
// match that starts earlier (leftmost-longest). Pure: the same code runs in the content
// script and in the index builder.
import type { CompiledDictionary, CompiledEntity } from './compile';
import { decodeInt32, decodeUint16, decodeUint32, decodeUint8 } from './typed-array-codec';
import { DROP, foldUnit, isHangul, isWordUnit } from './fold';
import { isHangulParticleRun } from './hangul-particles';

export const KIND_DRAMA = 0;
export const KIND_PERSON = 1;
export const KIND_CUE = 2;

/**
 * Marks a break between blocks (paragraphs, cells, `<br>`) in text handed to the matcher:
 * names never match across it.
 */
export const BLOCK_BREAK = '\u001f';

export interface Matcher {
  readonly entities: readonly CompiledEntity[];
  readonly entityIndexById: ReadonlyMap<string, number>;
  /** internal tables */
  readonly tables: MatcherTables;
}

const KIND_DROP = 3;

interface MatcherTables {
  /** Class of each ASCII unit after folding (A and a share one); 0 when no key uses it. */
  asciiClass: Uint16Array;
  /** KIND_OTHER, KIND_LATIN (letter or digit) or KIND_DROP for each ASCII unit. */
  asciiKind: Uint8Array;
  /** Class of each Hangul syllable (U+AC00..U+D7A3), or null when no key has Hangul. */
  hangulClass: Uint16Array | null;
  classOfOther: Map<number, number>;
  rootRow: Int32Array;
  edgeStart: Uint32Array;
  edgeClass: Uint16Array;
  edgeTarget: Uint32Array;
  fail: Uint32Array;
  outKey: Int32Array;
  outLink: Int32Array;
  keyEntity: Uint32Array;
  keyLength: Uint16Array;
  keyFlags: Uint8Array;
  depth: Uint16Array;
  ringMask: number;
}

/** A name found in text: `[start, end)` in the original string, and the entity's index. */
export interface TextMatch {
  start: number;
  end: number;
  entity: number;
}

export function loadDictionary(compiled: CompiledDictionary): Matcher {
  const asciiClass = new Uint16Array(128);
  const classOfOther = new Map<number, number>();
  let hangulClass: Uint16Array | null = null;
  for (let i = 0; i < compiled.alphabet.length; i++) {
    const unit = compiled.alphabet.charCodeAt(i);
    if (unit < 128) asciiClass[unit] = i + 1;
    else if (unit >= 0xac00 && unit <= 0xd7a3)
      (hangulClass ??= new Uint16Array(0xd7a4 - 0xac00))[unit - 0xac00] = i + 1;
    else classOfOther.set(unit, i + 1);
  }
  const asciiKind = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const f = foldUnit(c);
    asciiKind[c] = f === DROP ? KIND_DROP : isWordUnit(f) ? KIND_LATIN : KIND_OTHER;
    if (f !== DROP && f !== c) asciiClass[c] = asciiClass[f]; // upper case reads as lower case
  }
  const edgeStart = decodeUint32(compiled.edgeStart);
  const edgeClass = decodeUint16(compiled.edgeClass);
  const edgeTarget = decodeUint32(compiled.edgeTarget);
  // The root sees most characters, so it gets a dense row instead of a search.
  const rootRow = new Int32Array(compiled.alphabet.length + 1);
  for (let e = edgeStart[0]; e < edgeStart[1]; e++) rootRow[edgeClass[e]] = edgeTarget[e];
  // Depth of each state (length of the prefix it stands for): trie edges always go one deeper,
  // and states are numbered parents first, so one pass in state order fills it.
  const depth = new Uint16Array(compiled.stateCount);
  for (let s = 0; s < compiled.stateCount; s++) {
    for (let e = edgeStart[s]; e < edgeStart[s + 1]; e++) depth[edgeTarget[e]] = depth[s] + 1;
  }
  const keyLength = decodeUint16(compiled.keyLength);
  let maxKey = 1;
  for (let k = 0; k < keyLength.length; k++) if (keyLength[k] > maxKey) maxKey = keyLength[k];
  let ring = 1;
  while (ring < maxKey + 1) ring <<= 1;

  const entityIndexById = new Map<string, number>();
  compiled.entities.forEach((entity, i) => entityIndexById.set(entity.id, i));
  return {
    entities: compiled.entities,
    entityIndexById,
    tables: {
      asciiClass,
      asciiKind,
      hangulClass,
      classOfOther,
      rootRow,
      edgeStart,
      edgeClass,
      edgeTarget,
      fail: decodeUint32(compiled.fail),
      outKey: decodeInt32(compiled.outKey),
      outLink: decodeInt32(compiled.outLink),
      keyEntity: decodeUint32(compiled.keyEntity),
      keyLength,
      keyFlags: decodeUint8(compiled.keyFlags),
      depth,
      ringMask: ring - 1,
    },
  };
}

function step(t: MatcherTables, state: number, cls: number): number {
  for (;;) {
    if (state === 0) return t.rootRow[cls];
    let lo = t.edgeStart[state];
    let hi = t.edgeStart[state + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = t.edgeClass[mid];
      if (c === cls) return t.edgeTarget[mid];
      if (c < cls) lo = mid + 1;
      else hi = mid - 1;
    }
    state = t.fail[state];
  }
}

const KIND_OTHER = 0;
const KIND_LATIN = 1;
const KIND_HANGUL = 2;

function kindOf(c: number, asciiKind: Uint8Array): number {
  if (c < 128) return asciiKind[c] === KIND_DROP ? KIND_OTHER : asciiKind[c];
  if (c >= 0xac00 && c <= 0xd7a3) return KIND_HANGUL;
  const f = foldUnit(c);
  if (f === DROP) return KIND_OTHER;
  return isHangul(f) ? KIND_HANGUL : isWordUnit(f) ? KIND_LATIN : KIND_OTHER;
}

/** Where a name may begin: punctuation anywhere; a letter only after a non-letter (Hangul: after non-Hangul). */
function isWordStartAt(text: string, i: number, asciiKind: Uint8Array): boolean {
  const kind = kindOf(text.charCodeAt(i), asciiKind);
  if (kind === KIND_OTHER || i === 0) return true;
  const before = kindOf(text.charCodeAt(i - 1), asciiKind);
  return kind === KIND_HANGUL ? before !== KIND_HANGUL : before === KIND_OTHER;
}

/**
 * Raw automaton hits, before boundary and overlap rules: `[start, end, key]` triples.
 *
 * A name can only start where a word starts, so while the automaton sits at its root, letters
 * inside a word are skipped with one table lookup. That prunes only candidates the boundary
 * rule would reject anyway, and most characters of a page are mid-word.
 */
export function scanCandidates(matcher: Matcher, text: string, out: number[] = []): number[] {
  const t = matcher.tables;
  const positions = new Int32Array(t.ringMask + 1);
  const { asciiClass, asciiKind, hangulClass, classOfOther, outKey, outLink, keyLength, depth, fail, ringMask } = t;
  let state = 0;
  let folded = 0;
  let prevKind = KIND_OTHER;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    let cls: number;
    let kind: number;
    if (c < 128) {
      kind = asciiKind[c];
      if (kind === KIND_DROP) {
        prevKind = KIND_OTHER;
        continue;
      }
      if (state === 0 && kind === KIND_LATIN && prevKind !== KIND_OTHER) {
        prevKind = kind;
        continue; // mid-word at the root: no name starts here
      }
      cls = asciiClass[c];
    } else if (c >= 0xac00 && c <= 0xd7a3) {
      kind = KIND_HANGUL;
      if (state === 0 && prevKind === KIND_HANGUL) continue;
      cls = hangulClass === null ? 0 : hangulClass[c - 0xac00];
    } else {
      const f = foldUnit(c);
      if (f === DROP) {
        prevKind = KIND_OTHER;
        continue;
      }
      kind = isHangul(f) ? KIND_HANGUL : isWordUnit(f) ? KIND_LATIN : KIND_OTHER;
      if (
        state === 0 &&
        kind !== KIND_OTHER &&
        (kind === KIND_HANGUL ? prevKind === KIND_HANGUL : prevKind !== KIND_OTHER)
      ) {
        prevKind = kind;
        continue;
      }
      cls = f < 128 ? asciiClass[f] : classOfOther.size === 0 ? 0 : (classOfOther.get(f) ?? 0);
    }
    prevKind = kind;
    if (cls === 0) {
      state = 0;
      continue;
    }
    positions[folded & ringMask] = i;
    folded++;
    state = step(t, state, cls);
    // A partial match that began mid-word can never become a name: fall back along the fail
    // links to one that began at a word start (or to the root, where mid-word letters are skipped).
    while (state !== 0 && !isWordStartAt(text, positions[(folded - depth[state]) & ringMask], asciiKind)) {
      state = fail[state];
    }
    if (state === 0) continue;
    let s = outKey[state] >= 0 ? state : outLink[state];
    while (s > 0) {
      const k = outKey[s];
      out.push(positions[(folded - keyLength[k]) & ringMask], i + 1, k);
      s = outLink[s];
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
  if (text.charCodeAt(end) === HYPHEN) {
    const next = text.charCodeAt(end + 1);
    if (next >= 97 && next <= 122) return false; // "Song Kang-ho": the name goes on
  }
  return true;
}

const QUOTES = new Set([0x22, 0x27, 0x2018, 0x2019, 0x201c, 0x201d, 0xab, 0xbb, 0x300c, 0x300d, 0x300e, 0x300f]);
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

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 9 && c <= 13) || c === 0xa0) continue;
    if (QUOTES.has(c) || c === 0x28) continue; // opening quote or bracket before the word
    return SENTENCE_END.has(c) || c === 0x1f;
  }
  return true;
}

function startsWithCapital(text: string, start: number): boolean {
  const ch = text[start];
  return ch !== ch.toLowerCase();
}

/**
 * The rule for titles that are ordinary words: "Nevertheless" is the drama when it is quoted,
 * or capitalised mid-sentence, or opens a sentence (not as "Nevertheless,") near a cue word or a
 * related name. The adverb — lowercase, or "Nevertheless," — never is.
 */
function contextSaysTitle(
  text: string,
  start: number,
  end: number,
  entity: CompiledEntity,
  hasNearbyContext: (entity: CompiledEntity) => boolean,
): boolean {
  if (isQuoted(text, start, end)) return true;
  if (!startsWithCapital(text, start)) return false;
  if (!isSentenceStart(text, start)) return true;
  if (text.charCodeAt(end) === 0x2c) return false;
  return hasNearbyContext(entity);
}

/**
 * Finds names in `text`: non-overlapping, in order, cues excluded. Text may contain
 * BLOCK_BREAK between blocks.
 */
export function findMatches(matcher: Matcher, text: string): TextMatch[] {
  const raw = scanCandidates(matcher, text);
  if (raw.length === 0) return [];
  const t = matcher.tables;
  const entities = matcher.entities;

  // Boundary filter; cues are kept aside as context.
  const valid: TextMatch[] = [];
  const contextual: { match: TextMatch; key: number }[] = [];
  const cues: TextMatch[] = [];
  for (let r = 0; r < raw.length; r += 3) {
    const start = raw[r];
    const end = raw[r + 1];
    const key = raw[r + 2];
    const firstUnit = foldUnit(text.charCodeAt(start));
    if (isHangul(firstUnit) ? isHangul(foldedAt(text, start - 1)) : !hasStartBoundary(text, start)) continue;
    if (!hasEndBoundary(text, end)) continue;
    const entity = t.keyEntity[key];
    const match = { start, end, entity };
    if (entities[entity].kind === KIND_CUE) cues.push(match);
    else if (t.keyFlags[key] & 1) contextual.push({ match, key });
    else valid.push(match);
  }

  if (contextual.length > 0) {
    for (const { match } of contextual) {
      const near = (entity: CompiledEntity) => {
        const lo = match.start - CONTEXT_WINDOW;
        const hi = match.end + CONTEXT_WINDOW;
        for (const cue of cues) if (cue.end >= lo && cue.start <= hi) return true;
        const related = entity.related;
        if (!related) return false;
        for (const other of valid) {
          if (other.end >= lo && other.start <= hi && related.includes(other.entity)) return true;
        }
        return false;
      };
      if (contextSaysTitle(text, match.start, match.end, entities[match.entity], near)) valid.push(match);
    }
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
