// A large, realistic dictionary for benchmarks: every Hangul title and cast name in
// ../shared/corpus/dramadb (~1,900 dramas), compiled like the bundled one. Never shipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DictionaryEntityInput } from '../lib/match/compile';
import { foldKey } from '../lib/match/fold';
import { DRAMADB_DIR, DRAMADB_FILES, parseCsvRecords } from '../scripts/index-builder/dramadb';

export interface BenchDictionarySource {
  inputs: DictionaryEntityInput[];
  /** Every name, for the rival matchers. */
  names: string[];
  /** How many of the names are real dramadb titles and cast (the rest are recombined). */
  real?: number;
}

/** Cast cells look like `김선호 (배우), 이이경, 김예원 (1987년) 외`: names without the notes. */
function castNames(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .replace(/\([^)]*\)|\[\[|\]\]/g, ' ')
    .split(/[,，、/·\n|]|\s{2,}/)
    .map((name) => name.replace(/\s*(外|외|등)\s*$/u, '').trim())
    .filter((name) => /^[\uac00-\ud7a3 ]{2,12}$/u.test(name));
}

/** How many names the large benchmark dictionary has. */
/** Names the large dictionary adds to the bundled one. */
export const LARGE_DICTIONARY_EXTRA = 10_000;

/**
 * The dramadb holds ~3,800 distinct Hangul titles and cast names. To reach the size the
 * benchmark asks for, the rest are Korean names recombined from those cast names (a real
 * surname with a real given name, e.g. 김 + 수현 from 김선호 and 박수현): realistic syllables
 * and lengths, deterministic, clearly not real people.
 */
function recombinedNames(castNames: string[], needed: number, taken: Set<string>): string[] {
  const surnames = [...new Set(castNames.filter((n) => n.length === 3).map((n) => n[0]))].sort();
  const givenNames = [...new Set(castNames.filter((n) => n.length === 3).map((n) => n.slice(1)))].sort();
  const out: string[] = [];
  for (let i = 0; out.length < needed && i < surnames.length * givenNames.length; i++) {
    // A stride through the grid mixes surnames and given names evenly.
    const k = (i * 7919) % (surnames.length * givenNames.length);
    const name = surnames[k % surnames.length] + givenNames[Math.floor(k / surnames.length)];
    if (taken.has(foldKey(name))) continue;
    taken.add(foldKey(name));
    out.push(name);
  }
  return out;
}

export function dramadbDictionary(extra: BenchDictionarySource): BenchDictionarySource {
  const taken = new Set<string>();
  for (const name of extra.names) taken.add(foldKey(name));
  const inputs: DictionaryEntityInput[] = [...extra.inputs];
  const names = [...extra.names];
  const add = (kind: 'drama' | 'person', name: string) => {
    const key = foldKey(name);
    if (key.length < 2 || taken.has(key)) return;
    taken.add(key);
    inputs.push({ id: `${kind}-${inputs.length}`, kind, names: [{ text: name }] });
    names.push(name);
  };
  const cast: string[] = [];
  for (const file of DRAMADB_FILES) {
    const rows = parseCsvRecords(readFileSync(path.join(DRAMADB_DIR, file), 'utf8'));
    for (const row of rows) {
      add('drama', row['제목']?.trim() ?? '');
      for (const person of castNames(row['출연자'])) {
        cast.push(person);
        add('person', person);
      }
    }
  }
  const real = names.length - extra.names.length;
  for (const name of recombinedNames(cast, extra.names.length + LARGE_DICTIONARY_EXTRA - names.length, taken)) {
    inputs.push({ id: `person-${inputs.length}`, kind: 'person', names: [{ text: name }] });
    names.push(name);
  }
  return { inputs, names, real };
}
