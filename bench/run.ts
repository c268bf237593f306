// `npm run bench`: what Dramalens costs, in real Chromium. First what a reader pays per page load
// (a Chrome trace of fresh loads, against the floor extension), then what explains it (the scan on
// each page's live DOM against a bare text walk, mark.js and a library automaton), the hover card
// and the popup. Prints Markdown tables and writes artifacts/bench.json and artifacts/bench.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { compileDictionary, type CompiledDictionary, type DictionaryEntityInput } from '../lib/match/compile';
import { encodeDictionary } from '../lib/match/dictionary-binary';
import { buildIndexFiles } from '../scripts/index-builder/index';
import { chromiumPath } from '../scripts/browser/browser-path';
import { dramadbDictionary, type BenchDictionarySource } from './dramadb-dictionary';
import { corpusPageFiles, readCorpusPage, syntheticPage } from './corpus';
import { median } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'artifacts');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAGE_LIMIT = Number(process.env.BENCH_PAGES ?? Infinity);
const MARK_TIMEOUT_MS = 20_000;
/** Each contender repeats on a page for at least this long per run, for a stable average. */
const MIN_MS_PER_RUN = Number(process.env.BENCH_MIN_MS ?? 15);

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

interface BenchDictionary {
  key: string;
  label: string;
  compiled: CompiledDictionary;
  /** dictionary.bin as the extension ships it. */
  file: Uint8Array;
  names: string[];
  compileMs: number;
  fileBytes: number;
  gzipBytes: number;
}

function prepareDictionary(key: string, label: string, source: BenchDictionarySource): BenchDictionary {
  compileDictionary(source.inputs); // warm up the JIT before timing
  const t0 = performance.now();
  const compiled = compileDictionary(source.inputs);
  const compileMs = performance.now() - t0;
  const file = encodeDictionary(compiled);
  return {
    key,
    label,
    compiled,
    file,
    names: source.names,
    compileMs,
    fileBytes: file.length,
    gzipBytes: gzipSync(file).length,
  };
}

/** The shipped dictionary's inputs (the builder's), with every name's text for the rivals. */
function bundledSource(inputs: DictionaryEntityInput[]): BenchDictionarySource {
  const names = inputs.filter((i) => i.kind !== 'cue').flatMap((i) => i.names.map((n) => n.text));
  return { inputs, names };
}

interface PageResult {
  page: string;
  chars: number;
  floorMs: number;
  /** Our first scan on the freshly loaded page (bundled dictionary): nothing optimised yet. */
  firstScanMs: number;
  perDictionary: Record<
    string,
    {
      oursMs: number;
      roughMs: number;
      roughMatchMs: number;
      libraryMs: number;
      markMs: number;
      markKeywordsMs?: number;
      names: number;
      longestTaskMs: number;
      markTimedOut: boolean;
    }
  >;
}

async function main() {
  const built = await buildIndexFiles({ root: ROOT });
  const bundled = bundledSource(built.dictionaryInputs);
  const dictionaries = [
    prepareDictionary('bundled', `bundled (${bundled.names.length} names)`, bundled),
    (() => {
      const big = dramadbDictionary(bundled);
      return prepareDictionary(
        'dramadb',
        `large (${big.names.length} names: the bundled ones, ${big.real} more from dramadb, the rest recombined)`,
        big,
      );
    })(),
  ];

  // Page loads first (what a reader pays), then what explains them; BENCH_ONLY=a,b picks sections.
  const sections: string[] = [];
  const extra: Record<string, unknown> = {};
  for (const [name, run] of [
    [
      'pageLoad',
      async () => {
        const { codeSizes, REFERENCE_EXTENSION, runPageLoadBench, withDictionary } = await import('./page-load');
        const built = path.join(ROOT, '.output/chrome-mv3');
        const result = await runPageLoadBench({
          contenders: [
            { key: 'bundled', label: `Dramalens, ${dictionaries[0].label}`, extensionDir: built },
            {
              key: 'dramadb',
              label: `Dramalens, ${dictionaries[1].label}`,
              extensionDir: withDictionary(built, dictionaries[1].file),
            },
            {
              key: 'reference',
              label: 'reference, not Dramalens: the floor + one message to the background',
              extensionDir: REFERENCE_EXTENSION,
              reference: true,
            },
          ],
          pages: Number.isFinite(PAGE_LIMIT) ? PAGE_LIMIT : undefined,
        });
        const sizes = codeSizes(built, {
          'bootstrap (every frame)': 'page-bootstrap.js',
          'engine (frames with text)': 'page/engine.js',
          'names module (frames with names)': 'page/names.js',
          'card (first hover)': 'page/card.js',
          'dictionary (bundled)': 'dictionary.bin',
        });
        const bigFile = `${(dictionaries[1].file.length / 1024).toFixed(1)} KB`;
        return {
          markdown: `${result.markdown}\n\nWhat a frame loads: ${sizes}; the 10k-name dictionary file: ${bigFile}.`,
          json: { pages: result.results, lit: result.lit },
        };
      },
    ],
    ['scan', () => runScanBench(dictionaries)],
    ['card', async () => (await import('./card')).runCardBench()],
    ['popup', async () => (await import('./popup')).runPopupBench()],
    ['options', async () => (await import('./options')).runOptionsBench()],
  ] as const) {
    if (process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(',').includes(name)) continue;
    const result = await run();
    console.log(`\n${result.markdown}`);
    sections.push(result.markdown);
    extra[name] = result.json;
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(extra, null, 1));
  writeFileSync(path.join(OUT, 'bench.md'), `${sections.join('\n\n')}\n`);
}

/** The in-page scan bench: our scan and its rivals on each page's live DOM, warm. */
async function runScanBench(dictionaries: BenchDictionary[]) {
  const bundle = (
    await build({
      entryPoints: [path.join(ROOT, 'bench/page-bench.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'chrome120',
    })
  ).outputFiles[0].text;

  const allSources = corpusPageFiles().map((f) => ({
    name: f.replace('.html.gz', '').slice(0, 12),
    html: readCorpusPage(f),
  }));
  const sources = allSources.slice(0, PAGE_LIMIT);
  const synthetic = { name: 'synthetic-5MB', html: syntheticPage(allSources.slice(0, 40).map((s) => s.html)) };

  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const page = await context.newPage();
  let currentHtml = '';
  await page.route('**/*', (route) =>
    route.request().isNavigationRequest()
      ? route.fulfill({
          body: currentHtml,
          contentType: 'text/html; charset=utf-8',
          // Cross-origin isolation gives performance.now() microsecond resolution.
          headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
        })
      : route.abort(),
  );
  const load = async (html: string, only?: BenchDictionary) => {
    currentHtml = html;
    await page.goto('http://bench.invalid/page.html', { waitUntil: 'domcontentloaded' });
    await page.evaluate(bundle);
    const loads: Record<string, number> = {};
    for (const d of only ? [only] : dictionaries) {
      loads[d.key] = (
        await page.evaluate(([key, file, names]) => (globalThis as any).__bench.loadBenchDictionary(key, file, names), [
          d.key,
          Buffer.from(d.file).toString('base64'),
          d.names,
        ] as const)
      ).loadMs;
    }
    return loads;
  };

  const dictionaryLoadMs: Record<string, number[]> = {};
  const results: PageResult[] = [];
  const all = [...sources, synthetic];
  for (const [n, source] of all.entries()) {
    process.stdout.write(`\r${n + 1}/${all.length} ${source.name}   `);
    try {
      const loads = await load(source.html);
      for (const [k, v] of Object.entries(loads)) (dictionaryLoadMs[k] ??= []).push(v);
      const floors: number[] = [];
      let chars = 0;
      const perDictionary: PageResult['perDictionary'] = {};
      const runs = source === synthetic ? 3 : RUNS;
      // Interleave the contenders so drift (GC, thermal) hits them alike.
      const ours: Record<string, number[]> = {};
      const lib: Record<string, number[]> = {};
      let firstScanMs = NaN;
      const rough: Record<string, number[]> = {};
      const roughMatch: Record<string, number[]> = {};
      const found: Record<string, number> = {};
      const longest: Record<string, number> = {};
      for (let r = 0; r < runs + 1; r++) {
        const f = await page.evaluate((minMs) => (globalThis as any).__bench.floor(minMs), MIN_MS_PER_RUN);
        chars = f.chars;
        if (r > 0) floors.push(f.ms);
        for (const d of dictionaries) {
          const o = await page.evaluate(([key, minMs]) => (globalThis as any).__bench.ours(key, minMs), [
            d.key,
            MIN_MS_PER_RUN,
          ] as const);
          const l = await page.evaluate(([key, minMs]) => (globalThis as any).__bench.library(key, minMs), [
            d.key,
            MIN_MS_PER_RUN,
          ] as const);
          const st = await page.evaluate(([key, minMs]) => (globalThis as any).__bench.stages(key, minMs), [
            d.key,
            MIN_MS_PER_RUN,
          ] as const);
          if (r === 0 && d === dictionaries[0]) firstScanMs = o.firstMs;
          if (r === 0) continue; // warm-up run
          (rough[d.key] ??= []).push(st.roughMs);
          (roughMatch[d.key] ??= []).push(st.roughMatchMs);
          (ours[d.key] ??= []).push(o.ms);
          (lib[d.key] ??= []).push(l.ms);
          found[d.key] = o.names;
          longest[d.key] = Math.max(longest[d.key] ?? 0, o.longestTaskMs);
        }
      }
      for (const [i, d] of dictionaries.entries()) {
        if (i > 0) await load(source.html, d); // mark.js rewrote the DOM: start from a fresh page
        const m = await page.evaluate(([key, t]) => (globalThis as any).__bench.markjs(key, t), [
          d.key,
          MARK_TIMEOUT_MS,
        ] as const);
        // mark.js's documented keyword mode: one DOM pass per name, so only for the bundled names.
        let markKeywordsMs: number | undefined;
        if (d.key === 'bundled' && source !== synthetic) {
          await load(source.html, d);
          const k = await page.evaluate(([key, t]) => (globalThis as any).__bench.markjsKeywords(key, t), [
            d.key,
            MARK_TIMEOUT_MS,
          ] as const);
          markKeywordsMs = k.timedOut ? Infinity : k.ms;
        }
        perDictionary[d.key] = {
          oursMs: median(ours[d.key]),
          roughMs: median(rough[d.key]),
          roughMatchMs: median(roughMatch[d.key]),
          libraryMs: median(lib[d.key]),
          markMs: m.ms,
          markKeywordsMs,
          markTimedOut: m.timedOut,
          names: found[d.key],
          longestTaskMs: longest[d.key],
        };
      }
      results.push({ page: source.name, chars, floorMs: median(floors), firstScanMs, perDictionary });
    } catch (error) {
      console.error(`\n${source.name}: skipped (${(error as Error).message.split('\n')[0]})`);
    }
  }
  process.stdout.write('\n');
  await context.close();

  const real = results.filter((r) => r.page !== synthetic.name);
  const big = results.find((r) => r.page === synthetic.name);

  const rows = dictionaries.map((d) => {
    const per = real.map((r) => ({ r, x: r.perDictionary[d.key] }));
    const mb = (r: PageResult, ms: number) => r.chars / 1e6 / (ms / 1000);
    return {
      dictionary: d.label,
      pages: per.length,
      floorMs: median(per.map(({ r }) => r.floorMs)),
      oursMs: median(per.map(({ x }) => x.oursMs)),
      oursMBps: median(per.map(({ r, x }) => mb(r, x.oursMs))),
      firstScanMs: d === dictionaries[0] ? median(real.map((r) => r.firstScanMs)) : NaN,
      floorMBps: median(per.map(({ r }) => mb(r, r.floorMs))),
      ratioToFloor: median(per.map(({ r, x }) => x.oursMs / r.floorMs)),
      roughRatio: median(per.map(({ r, x }) => x.roughMs / r.floorMs)),
      roughMatchRatio: median(per.map(({ r, x }) => x.roughMatchMs / r.floorMs)),
      libraryMs: median(per.map(({ x }) => x.libraryMs)),
      markMs: median(per.map(({ x }) => x.markMs)),
      speedupVsMark: median(per.map(({ x }) => x.markMs / x.oursMs)),
      markKeywordsMs: d.key === 'bundled' ? median(per.map(({ x }) => x.markKeywordsMs ?? NaN)) : NaN,
      speedupVsMarkKeywords:
        d.key === 'bundled' ? median(per.map(({ x }) => (x.markKeywordsMs ?? NaN) / x.oursMs)) : NaN,
      longestTaskMs: Math.max(...per.map(({ x }) => x.longestTaskMs)),
      bigPageOursMs: big?.perDictionary[d.key]?.oursMs ?? NaN,
      bigPageFloorMs: big?.floorMs ?? NaN,
      bigPageLongestTaskMs: big?.perDictionary[d.key]?.longestTaskMs ?? NaN,
      bigPageMarkMs: big?.perDictionary[d.key]?.markMs ?? NaN,
      bigPageMarkTimedOut: big?.perDictionary[d.key]?.markTimedOut ?? false,
      compileMs: d.compileMs,
      loadMs: median(dictionaryLoadMs[d.key] ?? []),
      compactKB: d.fileBytes / 1024,
      compactGzipKB: d.gzipBytes / 1024,
    };
  });

  const lines = [
    `Scan of ${real.length} real pages (../shared/corpus/pages) + a synthetic ${fmt((big?.chars ?? 0) / 1e6, 1)} M-character page, Chromium headless, medians of ${RUNS} runs per page.`,
    '',
    '| dictionary | floor ms | ours ms | ours / floor (rough pass / + matching) | ours MB/s | first scan, fresh page ms | library AC ms | mark.js regex ms (ours ×faster) | mark.js keywords ms (ours ×faster) | longest task (real pages) | 5 MB page: floor / ours ms | 5 MB page longest task | 5 MB mark.js ms | compile ms | load ms | compact KB (gzip) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.dictionary} | ${fmt(r.floorMs, 3)} | ${fmt(r.oursMs, 3)} | ${fmt(r.ratioToFloor)}x (${fmt(r.roughRatio)}x / ${fmt(r.roughMatchRatio)}x) | ${fmt(r.oursMBps, 0)} | ${fmt(r.firstScanMs, 3)} | ${fmt(r.libraryMs, 3)} | ${fmt(r.markMs, 1)} (${fmt(r.speedupVsMark, 0)}x) | ${Number.isFinite(r.markKeywordsMs) ? `${fmt(r.markKeywordsMs, 1)} (${fmt(r.speedupVsMarkKeywords, 0)}x)` : 'not run'} | ${fmt(r.longestTaskMs, 1)} ms | ${fmt(r.bigPageFloorMs, 1)} / ${fmt(r.bigPageOursMs, 1)} | ${fmt(r.bigPageLongestTaskMs, 1)} ms | ${r.bigPageMarkTimedOut ? `> ${MARK_TIMEOUT_MS}` : fmt(r.bigPageMarkMs, 0)} | ${fmt(r.compileMs, 1)} | ${fmt(r.loadMs, 2)} | ${fmt(r.compactKB, 1)} (${fmt(r.compactGzipKB, 1)}) |`,
    ),
    '',
    `In-page scan, warm (explains where a page load's scan time goes; the headline is the page-load table). Floor = a bare TreeWalker summing text lengths; ours = PageScanner end to end (rough pass, matching, exact text around hits, highlights, shadow-root search); rough pass = every text node's string read, no element looked at, as our scan starts; + matching = that plus our matcher's pass over those strings; first scan = our first run on each freshly loaded page (bundled dictionary), before the engine has optimised anything; library AC = the same rough pass, its strings joined and matched by modern-ahocorasick (whole words, leftmost-longest) instead of our trie walks; mark.js regex = markRegExp with one pattern of all names (its fastest mode); mark.js keywords = mark(names), its documented mode for a keyword list (one DOM pass per name; run for the bundled names only). All medians are over pages of per-page medians; ratios are medians of per-page ratios.`,
  ];
  return { markdown: lines.join('\n'), json: { rows, pages: results } };
}

await main();
