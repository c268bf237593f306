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

/** A 5 MB page of real article text with names sprinkled in, for the longest-task check. */
export function syntheticPage(sources: string[]): string {
  const paragraphs: string[] = [];
  const names = ['Song Kang', 'Han So Hee', '“Nevertheless”', '한소희가', 'Hotel Del Luna', 'IU'];
  let size = 0;
  let i = 0;
  outer: for (;;) {
    for (const html of sources) {
      const text = html
        .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      for (let at = 0; at < text.length; at += 600) {
        const chunk = text.slice(at, at + 600).replace(/[<&]/g, ' ');
        const p = `<p>${chunk} ${names[i++ % names.length]} <b>Song</b> Kang.</p>`;
        paragraphs.push(p);
        size += p.length;
        if (size > 5 * 1024 * 1024) break outer;
      }
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>synthetic 5 MB</title></head><body>${paragraphs.join('\n')}</body></html>`;
}
