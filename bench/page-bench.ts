// Runs inside a real page (bundled by bench/run.ts with esbuild): the four ways of scanning a
// page that the benchmark compares, each on the page's live DOM.
import Mark from 'mark.js';
import AhoCorasick from 'modern-ahocorasick';
import { decodeDictionary } from '../lib/match/dictionary-binary';
import { loadDictionary, scanParts, type Matcher } from '../lib/match/matcher';
import { TextCollector } from '../lib/page/text-collector';
import { localNameMatching } from '../lib/match/page-matching';
import { DEFAULT_TUNING, PageScanner } from '../lib/page/engine/page-scanner';
import { highlightEnvironment } from '../lib/page/highlight-registry';
import { NamePainter } from '../lib/page/names/name-painter';

interface LoadedBenchDictionary {
  matcher: Matcher;
  names: string[];
  readonly library: AhoCorasick;
  readonly markPattern: RegExp;
}

const dictionaries = new Map<string, LoadedBenchDictionary>();

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Loads the dictionary file (base64 of its bytes) the way the content script does; also prepares the rivals. */
function loadBenchDictionary(key: string, fileBase64: string, names: string[]) {
  const bytes = Uint8Array.from(atob(fileBase64), (c) => c.charCodeAt(0));
  const t0 = performance.now();
  const matcher = loadDictionary(decodeDictionary(bytes.buffer));
  const loadMs = performance.now() - t0;
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
  let library: AhoCorasick | undefined;
  let markPattern: RegExp | undefined;
  // The rivals are built on first use (outside their timings), and only where a run needs them.
  dictionaries.set(key, {
    matcher,
    names,
    get library() {
      return (library ??= new AhoCorasick(lowered));
    },
    get markPattern() {
      // mark.js in its fastest mode: one regular expression over all names.
      const sorted = [...lowered].sort((a, b) => b.length - a.length);
      return (markPattern ??= new RegExp(`(?:${sorted.map(escapeRegExp).join('|')})`, 'gi'));
    },
  });
  return { loadMs };
}

/** Repeats `run` until `minMs` have passed (pages are small; one run is below timer noise). */
async function repeat(minMs: number, run: () => unknown): Promise<number> {
  let runs = 0;
  const t0 = performance.now();
  do {
    await run();
    runs++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / runs;
}

function readAllText(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
}

/** (a) The floor: a bare TreeWalker reading every text node. */
async function floor(minMs: number): Promise<{ ms: number; chars: number }> {
  return { ms: await repeat(minMs, readAllText), chars: readAllText() };
}

/** Where our time goes: the rough pass alone, then with the matcher's pass over its strings. */
async function stages(key: string, minMs: number): Promise<{ roughMs: number; roughMatchMs: number }> {
  const { matcher } = dictionaries.get(key)!;
  const pass = (match: boolean) => () => {
    const collector = new TextCollector(document);
    let n = 0;
    for (
      let slice = collector.nextRough(DEFAULT_TUNING.sliceChars);
      slice;
      slice = collector.nextRough(DEFAULT_TUNING.sliceChars)
    ) {
      n += match ? scanParts(matcher, slice.parts).length : slice.parts.length;
    }
    return n;
  };
  return { roughMs: await repeat(minMs, pass(false)), roughMatchMs: await repeat(minMs, pass(true)) };
}

/** (b) Ours, end to end: collect, match, register highlights, via the real PageScanner. */
async function ours(
  key: string,
  minMs: number,
): Promise<{ ms: number; firstMs: number; names: number; longestTaskMs: number }> {
  // The first run on a fresh page is what a reader's page pays: code not yet optimised.
  const first = await oursOnce(key);
  const ms = await repeat(minMs, () => oursOnce(key));
  return { ...first, ms, firstMs: first.ms };
}

async function oursOnce(key: string): Promise<{ ms: number; names: number; longestTaskMs: number }> {
  const { matcher } = dictionaries.get(key)!;
  let longestTaskMs = 0;
  let taskStart = 0;
  // In process: this bench explains the matching work itself, wherever it runs.
  const scanner = new PageScanner(localNameMatching(matcher), {
    document,
    now: () => performance.now(),
    yieldToPage: () =>
      new Promise((resolve) => {
        longestTaskMs = Math.max(longestTaskMs, performance.now() - taskStart);
        setTimeout(() => {
          taskStart = performance.now();
          resolve();
        }, 0);
      }),
    scheduleBatch: (cb) => setTimeout(cb, 0),
    setTimeout: (cb, ms) => window.setTimeout(cb, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    MutationObserver,
    createStaticRange: (init) => new StaticRange(init),
  });
  // Painted as on a page with names: the names module's painter, every name shown.
  const painter = new NamePainter(scanner.entities, scanner.found, highlightEnvironment(window), () => true);
  painter.setPresets('amber', 'sky');
  scanner.attachPainter(painter);
  const t0 = performance.now();
  taskStart = t0;
  await scanner.start();
  const ms = performance.now() - t0;
  longestTaskMs = Math.max(longestTaskMs, performance.now() - taskStart);
  const names = scanner.names.length;
  scanner.dispose();
  painter.dispose();
  return { ms, names, longestTaskMs };
}

/** (d) A library automaton in place of ours: same rough collection, modern-ahocorasick matching, same ranges. */
async function library(key: string, minMs: number): Promise<{ ms: number; names: number }> {
  const first = libraryOnce(key);
  return { ms: await repeat(minMs, () => libraryOnce(key)), names: first.names };
}

function libraryOnce(key: string): { ms: number; names: number } {
  const { library: ac } = dictionaries.get(key)!;
  const t0 = performance.now();
  const collector = new TextCollector(document);
  const highlight = new Highlight();
  CSS.highlights.set('bench-library', highlight);
  let names = 0;
  // The same rough collection our scanner starts with; the library then does all the matching.
  for (
    let slice = collector.nextRough(DEFAULT_TUNING.sliceChars);
    slice;
    slice = collector.nextRough(DEFAULT_TUNING.sliceChars)
  ) {
    // The library needs one string: the slice's text nodes joined, and where each starts.
    const starts: number[] = [];
    let length = 0;
    for (const part of slice.parts) {
      starts.push(length);
      length += part.length + 1;
    }
    const text = slice.parts.join('\n');
    const hits = ac.search(text.toLowerCase(), { strategy: 'leftmost-longest', wholeWord: true });
    let n = 0;
    for (const hit of hits) {
      while (n + 1 < starts.length && starts[n + 1] <= hit.start) n++;
      let e = n;
      while (e + 1 < starts.length && starts[e + 1] < hit.end) e++;
      highlight.add(
        new StaticRange({
          startContainer: slice.nodes[n],
          startOffset: hit.start - starts[n],
          endContainer: slice.nodes[e],
          endOffset: hit.end - starts[e],
        }),
      );
      names++;
    }
  }
  const ms = performance.now() - t0;
  CSS.highlights.delete('bench-library');
  return { ms, names };
}

interface MarkTiming {
  ms: number;
  names: number;
  timedOut: boolean;
}

/** Times one mark.js run, giving up (via its filter) after `timeoutMs`. */
function timeMark(
  timeoutMs: number,
  run: (mark: Mark, callbacks: { filter: () => boolean; done: () => void }) => void,
): Promise<MarkTiming> {
  return new Promise((resolve) => {
    let names = 0;
    const t0 = performance.now();
    run(new Mark(document.body), {
      filter: () => {
        names++;
        return performance.now() - t0 < timeoutMs;
      },
      done: () => {
        const ms = performance.now() - t0;
        resolve({ ms, names, timedOut: ms >= timeoutMs });
      },
    });
  });
}

/** (c) mark.js with the same names, in its fastest mode: one regular expression (wraps matches in <mark>: run it last on a page). */
function markjs(key: string, timeoutMs: number): Promise<MarkTiming> {
  const { markPattern } = dictionaries.get(key)!;
  return timeMark(timeoutMs, (mark, callbacks) => mark.markRegExp(markPattern, { acrossElements: true, ...callbacks }));
}

/** (c') mark.js as its docs use it for a list of names: `mark(keywords)`, one DOM pass per name. */
function markjsKeywords(key: string, timeoutMs: number): Promise<MarkTiming> {
  const { names: keywords } = dictionaries.get(key)!;
  return timeMark(timeoutMs, (mark, callbacks) =>
    mark.mark(keywords, {
      separateWordSearch: false,
      acrossElements: true,
      accuracy: 'exactly',
      diacritics: false,
      ...callbacks,
    }),
  );
}

Object.assign(globalThis, { __bench: { loadBenchDictionary, floor, stages, ours, library, markjs, markjsKeywords } });
