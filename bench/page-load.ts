// What a reader pays per page they open, measured from outside: each corpus page is loaded
// fresh in real Chromium with an extension installed, under a Chrome trace, and the
// extension's main-thread time is read from the trace (bench/trace.ts), in every frame. The
// floor extension (../shared/bench/floor-extension: a content script that only reads every text
// node once) is measured the same way in the same run, page by page, so the ratio compares like
// with like. Subresources are blocked (iframes stay empty documents), so only the extensions'
// work runs besides the page's own parsing and layout.
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumPath } from '../scripts/browser/browser-path';
import { extensionLaunchArgs } from '../scripts/browser/harness';
import { seedPageHtml } from '../scripts/browser/pages';
import { corpusPageFiles, PAGES_DIR, readCorpusPage, syntheticPage } from './corpus';
import { median } from './stats';
import { loadCost, startTrace, type LoadCost } from './trace';

export const FLOOR_EXTENSION = path.resolve(import.meta.dirname, '../../shared/bench/floor-extension');
const LOADS_PER_PAGE = Number(process.env.BENCH_LOADS ?? 3);
/** After the load event: the scan, the debounced report and the shadow-root search are over. */
const SETTLE_MS = 500;
/** After the scan's end: its painting and report. */
const SCAN_SETTLE_MS = 300;
const TOP_PAGES = 20;
/** Pages beyond the 20 largest get one load, and three more if that one looks over this ratio. */
const RECHECK_RATIO = Number(process.env.BENCH_RECHECK_RATIO ?? 2.5);
const EMPTY_FRAME = '<!doctype html><html><head></head><body></body></html>';
const SYNTHETIC = 'synthetic-5MB';
const EMPTY_FRAMES = 'twenty-empty-frames';
/** A page that names dramas and actors (the corpus pages name none): the three seed articles. */
const SEEDS = 'seed-articles';
/** A page of nothing but frames with no text: what a frame without text costs. */
const EMPTY_FRAMES_PAGE = `<!doctype html><html><head><title>frames</title></head><body>${Array.from(
  { length: 20 },
  (_, i) => (i % 2 ? '<iframe></iframe>' : `<iframe src="/ad-${i}.html"></iframe>`),
).join('')}</body></html>`;

export interface Contender {
  key: string;
  label: string;
  extensionDir: string;
  /** A reference extension (not Dramalens): measured alike, nothing lit to review. */
  reference?: boolean;
}

/** Floor + one message: the floor's walk, then the page's text sent to a worker and answered. */
export const REFERENCE_EXTENSION = path.resolve(import.meta.dirname, 'reference-extension');

interface Browser {
  contender: Contender;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  html: string;
}

async function openBrowser(contender: Contender): Promise<Browser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: extensionLaunchArgs(contender.extensionDir),
  });
  // The extension is ready once its worker runs.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const page = await context.newPage();
  const browser: Browser = { contender, context, page, cdp: await context.newCDPSession(page), html: '' };
  // The page comes from memory. Its frames get an empty document (as an ad slot that has not
  // filled yet: a real document, so content scripts run in it); images, styles and the rest
  // are refused.
  await page.route('**/*', (route) => {
    const request = route.request();
    // The extension's own files (its page modules, its dictionary) load as in real use.
    if (request.url().startsWith('chrome-extension:')) return route.continue();
    if (!request.isNavigationRequest()) return route.abort();
    const body = request.frame() === page.mainFrame() ? browser.html : EMPTY_FRAME;
    return route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
  });
  return browser;
}

let loadNumber = 0;
/** Loads whose load event never came (a corpus page that keeps a frame loading); measured all the same. */
export const loadsWithoutLoadEvent: string[] = [];
/** Loads whose first scan had not ended 30 s after the load event (measured as they stood). */
export const loadsWithoutScanEnd: string[] = [];
async function tracedLoad(browser: Browser, html: string): Promise<LoadCost> {
  browser.html = html;
  const stop = await startTrace(browser.cdp);
  const url = `http://bench.invalid/page-${loadNumber++}.html`;
  await browser.page.goto(url, { waitUntil: 'domcontentloaded' });
  await browser.page.waitForLoadState('load', { timeout: 10_000 }).catch(() => {
    loadsWithoutLoadEvent.push(`${browser.contender.key} ${url}`);
  });
  await browser.page.waitForTimeout(SETTLE_MS);
  // The matcher answers from the background: a long page's check or scan can outlast the settle
  // time. Wait for the top frame's answer: nothing named (lib/page/bootstrap NOTHING_NAMED_MARK),
  // or the engine's first scan done (lib/page/engine FIRST_SCAN_DONE_MARK), so the trace holds
  // all of it. The other contenders set no marks; a top frame without text is never asked about.
  const dramalens = browser.contender.extensionDir !== FLOOR_EXTENSION && !browser.contender.reference;
  const scanned =
    !dramalens ||
    (await browser.page
      .waitForFunction(
        // No named inner function: tsx would wrap it in a helper the page does not have.
        () =>
          performance.getEntriesByName('dramalens:engine-started').length > 0
            ? performance.getEntriesByName('dramalens:first-scan-done').length > 0
            : performance.getEntriesByName('dramalens:nothing-named').length > 0 ||
              !/\S/.test(document.body?.textContent ?? ''),
        undefined,
        { timeout: 30_000, polling: 50 },
      )
      .then(() => true)
      .catch(() => false));
  if (!scanned) loadsWithoutScanEnd.push(`${browser.contender.key} ${url}`);
  await browser.page.waitForTimeout(SCAN_SETTLE_MS);
  return loadCost(await stop());
}

export interface PageFigures {
  page: string;
  bytes: number;
  top: boolean;
  frames: number;
  floorMs: number;
  /** The floor's time counted only while the thread ran (LoadCost.cpuMs). */
  floorCpuMs: number;
  perContender: Record<
    string,
    {
      ms: number;
      ratio: number;
      cpuMs: number;
      cpuRatio: number;
      longestTaskMs: number;
      mostOursInOneTaskMs: number;
      frames: number;
      offThreadMs: number;
    }
  >;
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** An extension directory whose dictionary is replaced (the benchmark's 10k-name build). */
export function withDictionary(extensionDir: string, dictionary: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dramalens-bench-'));
  cpSync(extensionDir, dir, { recursive: true });
  const target = path.join(dir, 'dictionary.bin');
  statSync(target); // the build ships one: fail loudly if the layout changed
  writeFileSync(target, dictionary);
  return dir;
}

export async function runPageLoadBench(options: { contenders: Contender[]; pages?: number }) {
  const files = corpusPageFiles()
    .map((file) => ({ file, bytes: statSync(path.join(PAGES_DIR, file)).size }))
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  const chosen = files.slice(0, options.pages ?? files.length);
  const synthetic = syntheticPage(files.slice(0, 40).map((f) => readCorpusPage(f.file)));

  const floor = await openBrowser({ key: 'floor', label: 'floor extension', extensionDir: FLOOR_EXTENSION });
  const ours: Browser[] = [];
  for (const c of options.contenders) ours.push(await openBrowser(c));
  const all = [floor, ...ours];
  const results: PageFigures[] = [];
  const measure = async (name: string, html: string, bytes: number, top: boolean) => {
    // Warm each browser on this page once (its first load also pays the HTTP cache and the
    // code cache of the browser), then interleave the loads so drift hits every contender alike.
    for (const b of all) await tracedLoad(b, html);
    const costs = new Map<Browser, LoadCost[]>(all.map((b) => [b, []]));
    const loadAll = async (times: number) => {
      for (let k = 0; k < times; k++) for (const b of all) costs.get(b)!.push(await tracedLoad(b, html));
    };
    const medianOf = (b: Browser, pick: (c: LoadCost) => number) => median(costs.get(b)!.map(pick));
    const maxOf = (b: Browser, pick: (c: LoadCost) => number) => Math.max(...costs.get(b)!.map(pick));
    const worstRatio = () => Math.max(...ours.map((b) => medianOf(b, (c) => c.ms) / medianOf(floor, (c) => c.ms)));
    await loadAll(top ? LOADS_PER_PAGE : 1);
    if (!top && worstRatio() > RECHECK_RATIO) await loadAll(LOADS_PER_PAGE);
    const floorMs = medianOf(floor, (c) => c.ms);
    const floorCpuMs = medianOf(floor, (c) => c.cpuMs);
    const perContender: PageFigures['perContender'] = {};
    for (const b of ours) {
      const ms = medianOf(b, (c) => c.ms);
      const cpuMs = medianOf(b, (c) => c.cpuMs);
      perContender[b.contender.key] = {
        ms,
        ratio: ms / floorMs,
        cpuMs,
        cpuRatio: cpuMs / floorCpuMs,
        longestTaskMs: maxOf(b, (c) => c.longestTaskMs),
        mostOursInOneTaskMs: maxOf(b, (c) => c.mostOursInOneTaskMs),
        frames: maxOf(b, (c) => c.frames),
        offThreadMs: medianOf(b, (c) => c.offThreadMs),
      };
    }
    const frames = maxOf(floor, (c) => c.frames);
    results.push({ page: name, bytes, top, frames, floorMs, floorCpuMs, perContender });
    // What the last load lit, every frame (the precision review).
    if (name !== SYNTHETIC) {
      for (const b of ours.filter((o) => !o.contender.reference)) {
        const counts = name === SEEDS ? new Map() : (lit[b.contender.key] ??= new Map());
        for (const frame of b.page.frames()) {
          const texts = await frame.evaluate(litTexts).catch(() => [] as string[]);
          for (const text of texts) {
            const entry = counts.get(text) ?? { count: 0, pages: new Set<string>() };
            entry.count++;
            entry.pages.add(name);
            counts.set(text, entry);
          }
        }
        if (name === SEEDS) seedsLit[b.contender.key] = [...counts.values()].reduce((n, e) => n + e.count, 0);
      }
    }
  };
  const lit: Record<string, Map<string, { count: number; pages: Set<string> }>> = {};
  const seedsLit: Record<string, number> = {};
  const seeds = await seedPageHtml();
  try {
    for (const [i, f] of chosen.entries()) {
      process.stdout.write(`\rpage loads ${i + 1}/${chosen.length}   `);
      await measure(f.file.slice(0, 12), readCorpusPage(f.file), f.bytes, i < TOP_PAGES);
    }
    process.stdout.write('\rpage loads: synthetic 5 MB page        ');
    await measure(SYNTHETIC, synthetic, synthetic.length, true);
    process.stdout.write('\rpage loads: twenty empty frames        ');
    await measure(EMPTY_FRAMES, EMPTY_FRAMES_PAGE, EMPTY_FRAMES_PAGE.length, true);
    process.stdout.write('\rpage loads: the seed articles (names)  ');
    await measure(SEEDS, seeds, seeds.length, true);
    process.stdout.write('\n');
  } finally {
    for (const b of all) await b.context.close();
  }
  const litRows = Object.fromEntries(
    Object.entries(lit).map(([key, counts]) => [
      key,
      [...counts]
        .map(([text, { count, pages }]) => ({ text, count, pages: pages.size }))
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    ]),
  );
  return { results, lit: litRows, markdown: pageLoadMarkdown(results, options.contenders, litRows, seedsLit) };
}

/** Every painted name's text in a document, read from the page's own world. */
function litTexts(): string[] {
  const out: string[] = [];
  for (const name of ['dramalens-drama', 'dramalens-actor']) {
    for (const r of CSS.highlights.get(name) ?? []) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      out.push(live.toString().replace(/\s+/g, ' '));
    }
  }
  return out;
}

export interface LitText {
  text: string;
  count: number;
  pages: number;
}

/** A task figure: the longest task holding any of our work, and the most of ours in one task. */
const taskFigure = (x: { longestTaskMs: number; mostOursInOneTaskMs: number }, unit = '') =>
  `${fmt(x.longestTaskMs, 1)}${unit} (${fmt(x.mostOursInOneTaskMs, 1)}${unit})`;

const emptyFramesFigure = (ms: number, frames: number) =>
  `a page of 20 frames without text (half about:blank, half empty documents): ${fmt(ms)} ms for ${frames} frames it ran in, ${fmt(ms / Math.max(1, frames))} ms per frame.`;

export function pageLoadMarkdown(
  results: PageFigures[],
  contenders: Contender[],
  lit: Record<string, LitText[]> = {},
  seedsLit: Record<string, number> = {},
): string {
  const real = results.filter((r) => r.page !== SYNTHETIC && r.page !== EMPTY_FRAMES && r.page !== SEEDS);
  const named = results.find((r) => r.page === SEEDS);
  const top = real.filter((r) => r.top);
  const big = results.find((r) => r.page === SYNTHETIC);
  const empty = results.find((r) => r.page === EMPTY_FRAMES);
  const reviewed = contenders.filter((c) => !c.reference);
  const summary = [
    `Page loads, built extension in Chromium headless, Chrome trace of each fresh load (main-thread time of every event naming the extension's files, module evaluation, and the trace's CPU samples whose stack runs through the extension's files; overlaps merged; bench/trace.ts), the floor extension in the same run; each trace runs until the top frame's first scan has ended (plus ${SCAN_SETTLE_MS} ms), and at least ${SETTLE_MS} ms after the load event; after one warm-up load per page and browser: median of ${LOADS_PER_PAGE} loads for the 20 largest pages and the 5 MB page, one load for the others (and ${LOADS_PER_PAGE} more where that one exceeded ${RECHECK_RATIO}× the floor).`,
    '',
    "| build | pages | floor ms, 20 largest (median) | ours ms, 20 largest (median) | ratio, 20 largest (median of per-page ratios) | worst ratio, any page | worst ms, any page | longest task with ours in it, any page (the most of ours in one task) | 5 MB page: floor / ours ms | 5 MB page: longest task with ours in it (the most of ours in one task) | the same counted only while the thread ran: floor / ours ms, 20 largest (medians) | ratio of those, 20 largest (median of per-page ratios) | our modules parsed off the main thread, ms per load, 20 largest (median; the page process's worker threads, not the extension's service worker) |",
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...contenders.map((c) => {
      const per = (rs: PageFigures[]) => rs.map((r) => r.perContender[c.key]);
      const worst = real.reduce((w, r) => (r.perContender[c.key].ratio > w.perContender[c.key].ratio ? r : w), real[0]);
      const worstTasks = {
        longestTaskMs: Math.max(...per(real).map((x) => x.longestTaskMs)),
        mostOursInOneTaskMs: Math.max(...per(real).map((x) => x.mostOursInOneTaskMs)),
      };
      return `| ${c.label} | ${real.length} | ${fmt(median(top.map((r) => r.floorMs)))} | ${fmt(
        median(per(top).map((x) => x.ms)),
      )} | ${fmt(
        median(per(top).map((x) => x.ratio)),
      )}x | ${fmt(worst.perContender[c.key].ratio)}x (${worst.page}) | ${fmt(Math.max(...per(real).map((x) => x.ms)))} | ${taskFigure(worstTasks, ' ms')} | ${fmt(big?.floorMs ?? NaN, 1)} / ${fmt(big?.perContender[c.key].ms ?? NaN, 1)} | ${big ? taskFigure(big.perContender[c.key], ' ms') : '—'} | ${fmt(median(top.map((r) => r.floorCpuMs)))} / ${fmt(
        median(per(top).map((x) => x.cpuMs)),
      )} | ${fmt(median(per(top).map((x) => x.cpuRatio)))}x | ${fmt(median(per(top).map((x) => x.offThreadMs)))} |`;
    }),
    '',
    loadsWithoutLoadEvent.length > 0
      ? `Loads whose load event had not come 10 s after DOMContentLoaded (measured as they stood): ${loadsWithoutLoadEvent.length}.`
      : '',
    loadsWithoutScanEnd.length > 0
      ? `Loads whose first scan had not ended 30 s after the load (measured as they stood): ${loadsWithoutScanEnd.length}.`
      : '',
    empty ? `floor extension, ${emptyFramesFigure(empty.floorMs, empty.frames)}` : '',
    ...contenders.map((c) => {
      const x = empty?.perContender[c.key];
      return x ? `${c.label}, ${emptyFramesFigure(x.ms, x.frames)}` : '';
    }),
    '',
    ...contenders.map((c) => {
      const x = named?.perContender[c.key];
      if (!named || !x) return '';
      const litCount = c.reference ? '' : `, ${seedsLit[c.key] ?? 0} names lit`;
      return `${c.label}, a page that names dramas and actors (the three seed articles, ${fmt(named.bytes / 1024, 0)} KB${litCount}): floor ${fmt(named.floorMs)} ms, ours ${fmt(x.ms)} ms (${fmt(x.ratio)}x), longest task with ours in it ${taskFigure(x, ' ms')}.`;
    }),
    '',
    ...reviewed.map((c) => {
      const rows = lit[c.key] ?? [];
      return `${c.label}, every distinct text lit on the corpus pages (count, pages): ${rows.length === 0 ? 'none' : rows.map((r) => `${r.text} (${r.count}, ${r.pages})`).join('; ')}.`;
    }),
    '',
    'The 20 largest pages, one row each:',
    '',
    `| page | KB | frames | floor ms (while running) | ${contenders.map((c) => `${c.key} ms (while running) | ratio (while running) | longest task (ours in it)`).join(' | ')} |`,
    `|---|---|---|---|${contenders.map(() => '---|---|---|').join('')}`,
    ...top.map(
      (r) =>
        `| ${r.page} | ${fmt(r.bytes / 1024, 0)} | ${r.frames} | ${fmt(r.floorMs)} (${fmt(r.floorCpuMs)}) | ${contenders
          .map((c) => {
            const x = r.perContender[c.key];
            return `${fmt(x.ms)} (${fmt(x.cpuMs)}) | ${fmt(x.ratio)}x (${fmt(x.cpuRatio)}x) | ${taskFigure(x)}`;
          })
          .join(' | ')} |`,
    ),
  ];
  return summary.join('\n');
}

/** Sizes of what a frame evaluates: the bootstrap always, the engine where there is text. */
export function codeSizes(extensionDir: string, files: Record<string, string>): string {
  return Object.entries(files)
    .map(([label, file]) => {
      const bytes = readFileSync(path.join(extensionDir, file));
      return `${label} ${fmt(bytes.length / 1024, 1)} KB (${fmt(gzipSync(bytes).length / 1024, 1)} KB gzip)`;
    })
    .join(', ');
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.env.BENCH_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../.output/chrome-mv3');
  const { markdown } = await runPageLoadBench({
    contenders: [{ key: 'bundled', label: 'Dramalens', extensionDir: dir }],
    pages: process.env.BENCH_PAGES ? Number(process.env.BENCH_PAGES) : undefined,
  });
  console.log(markdown);
}
