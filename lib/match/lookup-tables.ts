// The matcher's lookup tables, derived from the trie and the fold rules. The index builder makes
// them and ships them in the dictionary file, so a page maps them instead of building them (each
// frame would otherwise run these loops before its JavaScript is optimised).
import { DROP, foldUnit } from './fold';

export interface LookupTables {
  /** Class of each ASCII unit after folding (A and a share one); 0 when no key uses it. */
  asciiClass: Uint16Array;
  /** Class of each Hangul syllable (U+AC00..U+D7A3); empty when no key has Hangul. */
  hangulClass: Uint16Array;
  /** Other folded units keys use, ascending, and their classes. */
  otherUnits: Uint16Array;
  otherClasses: Uint16Array;
  /** The root's children by class (the root sees most characters: a dense row, no search). */
  rootRow: Int32Array;
  /** The state after two ASCII units, `(first << 7) | second` (case folded), or 0. */
  asciiPairs: Int32Array;
}

export interface TrieEdges {
  edgeStart: Uint32Array;
  edgeClass: Uint16Array;
  edgeTarget: Uint32Array;
}

/** The trie child of `state` for class `cls`, or 0 when there is none. */
export function child(t: TrieEdges, state: number, cls: number): number {
  let lo = t.edgeStart[state];
  let hi = t.edgeStart[state + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = t.edgeClass[mid];
    if (c === cls) return t.edgeTarget[mid];
    if (c < cls) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export function buildLookupTables(alphabet: string, trie: TrieEdges): LookupTables {
  const asciiClass = new Uint16Array(128);
  let hangulClass = new Uint16Array(0);
  const other: [number, number][] = [];
  for (let i = 0; i < alphabet.length; i++) {
    const unit = alphabet.charCodeAt(i);
    if (unit < 128) asciiClass[unit] = i + 1;
    else if (unit >= 0xac00 && unit <= 0xd7a3) {
      if (hangulClass.length === 0) hangulClass = new Uint16Array(0xd7a4 - 0xac00);
      hangulClass[unit - 0xac00] = i + 1;
    } else other.push([unit, i + 1]);
  }
  for (let c = 0; c < 128; c++) {
    const f = foldUnit(c);
    if (f !== DROP && f !== c) asciiClass[c] = asciiClass[f]; // upper case reads as lower case
  }
  other.sort((a, b) => a[0] - b[0]);
  const rootRow = new Int32Array(alphabet.length + 1);
  for (let e = trie.edgeStart[0]; e < trie.edgeStart[1]; e++) rootRow[trie.edgeClass[e]] = trie.edgeTarget[e];
  // Most walks end within two characters, so the first two ASCII steps are one lookup.
  const asciiPairs = new Int32Array(128 * 128);
  const named: number[] = []; // ASCII units some name uses (both cases)
  for (let c = 0; c < 128; c++) if (asciiClass[c] !== 0) named.push(c);
  for (const first of named) {
    const afterFirst = rootRow[asciiClass[first]];
    if (afterFirst === 0) continue;
    for (const second of named) asciiPairs[(first << 7) | second] = child(trie, afterFirst, asciiClass[second]);
  }
  return {
    asciiClass,
    hangulClass,
    otherUnits: Uint16Array.from(other, ([unit]) => unit),
    otherClasses: Uint16Array.from(other, ([, cls]) => cls),
    rootRow,
    asciiPairs,
  };
}

/** The class of a folded unit above ASCII that is not a Hangul syllable: a binary search. */
export function classOfOtherUnit(t: Pick<LookupTables, 'otherUnits' | 'otherClasses'>, f: number): number {
  const units = t.otherUnits;
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (u === f) return t.otherClasses[mid];
    if (u < f) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
