// A large, realistic dictionary for benchmarks: every Hangul title and cast name in
// ../shared/corpus/dramadb (~1,900 dramas), compiled like the bundled one. Never shipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DictionaryEntityInput } from '../lib/match/compile';
import { foldKey } from '../lib/match/fold';
import { DRAMADB_DIR, DRAMADB_FILES, parseCsvRecords } from '../tests/support/dramadb';

export interface BenchDictionarySource {
  inputs: DictionaryEntityInput[];
  /** Every name, for the rival matchers. */
  names: string[];
}

/** Cast cells look like `김선호 (배우), 이이경, 김예원 (1987년) 외`: names without the notes. */
function castNames(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,，、/·]/)
    .map((name) => name.replace(/\s*(外|외|등)\s*$/u, '').trim())
    .filter((name) => /^[\uac00-\ud7a3 ]{2,12}$/u.test(name));
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
  for (const file of DRAMADB_FILES) {
    const rows = parseCsvRecords(readFileSync(path.join(DRAMADB_DIR, file), 'utf8'));
    for (const row of rows) {
      add('drama', row['제목']?.trim() ?? '');
      for (const person of castNames(row['출연자'])) add('person', person);
    }
  }
  return { inputs, names };
}
