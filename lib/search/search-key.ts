// Folds a name or a query into the form search compares: lower case, no accents, no spaces,
// hyphens or punctuation (so "Han So-hee", "han sohee" and "HAN SO HEE" are one key), and
// Hangul split into the jamo a keyboard types (so "한솧", the IME's state halfway through
// typing "한소희", is a prefix of it). Pure; the same function folds names and queries.

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const LEADS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
// Compound vowels and final clusters are two keystrokes on a Korean keyboard.
const VOWELS = [
  'ㅏ',
  'ㅐ',
  'ㅑ',
  'ㅒ',
  'ㅓ',
  'ㅔ',
  'ㅕ',
  'ㅖ',
  'ㅗ',
  'ㅗㅏ',
  'ㅗㅐ',
  'ㅗㅣ',
  'ㅛ',
  'ㅜ',
  'ㅜㅓ',
  'ㅜㅔ',
  'ㅜㅣ',
  'ㅠ',
  'ㅡ',
  'ㅡㅣ',
  'ㅣ',
];
const TAILS = [
  '',
  'ㄱ',
  'ㄲ',
  'ㄱㅅ',
  'ㄴ',
  'ㄴㅈ',
  'ㄴㅎ',
  'ㄷ',
  'ㄹ',
  'ㄹㄱ',
  'ㄹㅁ',
  'ㄹㅂ',
  'ㄹㅅ',
  'ㄹㅌ',
  'ㄹㅍ',
  'ㄹㅎ',
  'ㅁ',
  'ㅂ',
  'ㅂㅅ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];
const COMPOUND_JAMO: Record<string, string> = {
  ㅘ: 'ㅗㅏ',
  ㅙ: 'ㅗㅐ',
  ㅚ: 'ㅗㅣ',
  ㅝ: 'ㅜㅓ',
  ㅞ: 'ㅜㅔ',
  ㅟ: 'ㅜㅣ',
  ㅢ: 'ㅡㅣ',
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};

export interface SearchKey {
  /** The folded text. */
  key: string;
  /** Where each word of the original starts in `key` (0 first), for "starts a word" matches. */
  wordStarts: number[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/gu;
const IS_COMBINING_MARK = /^\p{M}$/u;

/** The keystroke jamo of a Hangul syllable ("희" → "ㅎㅡㅣ"). */
export function hangulKeystrokes(syllable: string): string {
  const offset = syllable.charCodeAt(0) - HANGUL_FIRST;
  const lead = Math.floor(offset / 588);
  const vowel = Math.floor((offset % 588) / 28);
  return LEADS[lead] + VOWELS[vowel] + TAILS[offset % 28];
}

export function searchKey(text: string): SearchKey {
  let key = '';
  const wordStarts: number[] = [];
  let inWord = false;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    let folded: string;
    if (code >= HANGUL_FIRST && code <= HANGUL_LAST) folded = hangulKeystrokes(ch);
    else if (COMPOUND_JAMO[ch]) folded = COMPOUND_JAMO[ch];
    else if (IS_COMBINING_MARK.test(ch))
      continue; // an accent typed as its own character
    else if (LETTER_OR_DIGIT.test(ch)) folded = ch.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
    else folded = '';
    if (folded === '') {
      inWord = false;
      continue;
    }
    if (!inWord) wordStarts.push(key.length);
    inWord = true;
    key += folded;
  }
  return { key, wordStarts };
}
