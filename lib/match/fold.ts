// Folding maps each UTF-16 code unit of page text to the unit the dictionary is keyed on.
// It is 1:1 or 1:0 (dropped), never 1:n, so a match's position in folded text maps straight
// back to the original string without building an offset array.

/** The unit is skipped: spaces and hyphens between romanised syllables ("So-hee", "So hee"). */
export const DROP = 0xffff;

const asciiFold = new Uint16Array(128);
for (let c = 0; c < 128; c++) asciiFold[c] = c >= 65 && c <= 90 ? c + 32 : c;
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x2d]) asciiFold[c] = DROP;

/** Units up to here get a table entry; above it only a few ranges fold, checked directly. */
export const TABLE_END = 0x2070;
/** The table is filled in blocks of 128 units, each when a page first has one of its units. */
export const TABLE_BLOCK_SHIFT = 7;
let lowFold: Uint16Array = new Uint16Array(TABLE_END);
let lowKind: Uint8Array = new Uint8Array(TABLE_END);
const lowFoldReady = new Uint8Array((TABLE_END >> TABLE_BLOCK_SHIFT) + 1);

const DROPPED = new Set([0xa0, 0xad, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb]);

function foldLowUnit(c: number): number {
  if (c < 128) return asciiFold[c];
  // Combining marks of decomposed text ("e" + U+0301) vanish like the precomposed accents do.
  if (c >= 0x300 && c <= 0x36f) return DROP;
  // No-break and other spaces, soft hyphen, zero-width characters, typographic hyphens.
  if (DROPPED.has(c) || (c >= 0x2000 && c <= 0x200d) || c === 0x2010 || c === 0x2011) return DROP;
  if (SINGLE_QUOTES.has(c)) return 0x27;
  if (DOUBLE_QUOTES.has(c)) return 0x22;
  if ((c >= 0x80 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1eff)) {
    // Latin, Greek and Cyrillic letters lose their accents and case.
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const lower = (base || ch).toLowerCase();
    return lower.length >= 1 ? lower.charCodeAt(0) : c;
  }
  return c;
}

// One block at a time: a page with a curly apostrophe should not pay for Cyrillic.
function fillFoldBlock(block: number): void {
  const start = block << TABLE_BLOCK_SHIFT;
  const end = Math.min(start + (1 << TABLE_BLOCK_SHIFT), TABLE_END);
  for (let c = start; c < end; c++) {
    lowFold[c] = foldLowUnit(c);
    lowKind[c] = kindOfFolded(lowFold[c]);
  }
  lowFoldReady[block] = 1;
}

/**
 * The whole low table, filled: the index builder ships it in the dictionary file, so a page
 * never runs the Unicode normalisation that fills a block.
 */
export function foldTables(): { lowFold: Uint16Array; lowKind: Uint8Array } {
  for (let block = 0; block < lowFoldReady.length; block++) if (lowFoldReady[block] === 0) fillFoldBlock(block);
  return { lowFold: lowFold.slice(), lowKind: lowKind.slice() };
}

/** Uses tables made by `foldTables` (from the dictionary file) instead of filling them here. */
export function installFoldTables(fold: Uint16Array, kind: Uint8Array): void {
  if (fold.length !== TABLE_END || kind.length !== TABLE_END) return; // another version's tables: fill as usual
  lowFold = fold;
  lowKind = kind;
  lowFoldReady.fill(1);
}

/** What a unit is to word boundaries once folded: see `unitKind`. */
export const UNIT_OTHER = 0;
/** A letter or digit of a script without Hangul's particle rules. */
export const UNIT_WORD = 1;
export const UNIT_HANGUL = 2;
export const UNIT_DROP = 3;

function kindOfFolded(f: number): number {
  return f === DROP ? UNIT_DROP : isHangul(f) ? UNIT_HANGUL : isWordUnit(f) ? UNIT_WORD : UNIT_OTHER;
}

/** The kind of one UTF-16 code unit after folding; a table lookup below TABLE_END. */
export function unitKind(c: number): number {
  if (c < TABLE_END) {
    if (lowFoldReady[c >> TABLE_BLOCK_SHIFT] === 0) fillFoldBlock(c >> TABLE_BLOCK_SHIFT);
    return lowKind[c];
  }
  return kindOfFolded(foldUnit(c));
}

/** The folded unit for one UTF-16 code unit (DROP when it is skipped). */
export function foldUnit(c: number): number {
  if (c < 128) return asciiFold[c];
  if (c < TABLE_END) {
    if (lowFoldReady[c >> TABLE_BLOCK_SHIFT] === 0) fillFoldBlock(c >> TABLE_BLOCK_SHIFT);
    return lowFold[c];
  }
  if (c >= 0xac00 && c <= 0xd7a3) return c; // Hangul syllables
  if (c >= 0xff01 && c <= 0xff5e) {
    // Full-width ASCII (common in CJK typesetting) reads as ASCII.
    const ascii = c - 0xfee0;
    if (ascii === 0x27 || ascii === 0x22) return ascii;
    return ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii;
  }
  if (c === 0x3000 || c === 0xfeff || c === 0x30fb || c === 0xff65) return DROP;
  return c;
}

export function foldKey(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const f = foldUnit(name.charCodeAt(i));
    if (f !== DROP) out += String.fromCharCode(f);
  }
  return out;
}

export function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e) || (c >= 0x1100 && c <= 0x11ff);
}

/** Letters and digits of any script: what a name may not run into. Takes a folded unit. */
export function isWordUnit(f: number): boolean {
  if (f < 128) return (f >= 48 && f <= 57) || (f >= 97 && f <= 122) || (f >= 65 && f <= 90);
  if (f === DROP) return false;
  if (f === 0xd7 || f === 0xf7) return false;
  if (f < 0xc0) return f === 0xaa || f === 0xb5 || f === 0xba;
  if (f >= 0x2000 && f <= 0x2bff) return false; // punctuation, symbols, arrows
  if (f >= 0x3000 && f <= 0x303f) return false; // CJK punctuation
  if (f >= 0xd800 && f <= 0xdfff) return false; // emoji halves
  if (f >= 0xfe30 && f <= 0xfe6f) return false;
  if (f >= 0xff00 && f <= 0xff0f) return false;
  return true;
}
