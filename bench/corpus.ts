// The saved real pages every benchmark loads, prepared the same way for all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';

export const PAGES_DIR = path.resolve(import.meta.dirname, '../../shared/corpus/pages');

/** The corpus page files, in a stable order. */
export function corpusPageFiles(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
}

/**
 * A corpus page without its own scripts, CSP or `<base>`, so only our work runs on it and it
 * loads from wherever the benchmark serves it.
 */
export function readCorpusPage(file: string): string {
  return gunzipSync(readFileSync(path.join(PAGES_DIR, file)))
    .toString('utf8')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<meta[^>]+http-equiv=["']?content-security-policy[^>]*>/gi, '')
    .replace(/<base[^>]*>/gi, '');
}
