// Popup benchmark, with the built extension in real Chromium: first paint and time until the
// popup is usable (names, air times and search ready), with the bundled index and with a
// synthetic 10,000-article index; and the latency of each search keystroke. The synthetic index
// is written into a copy of the built extension, so the popup's real code is what is measured.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { ArticleEntry, DramaIndex, Story } from '../lib/index/types';
import { createEntitySearch } from '../lib/search/entity-search';
import { dramadbDictionary } from './dramadb-dictionary';
import { launchWithExtension, serveFixtures } from '../scripts/browser/harness';
import { tabIdOf } from '../scripts/browser/tab-id';
import { seedPageHtml } from '../scripts/browser/pages';
import { percentile } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 15);
const COLD_OPENS = Math.max(3, Math.round(OPENS / 3));
/** Queries typed key by key: romanised, Hangul (whole syllables, as an IME commits them), typos. */
const QUERIES = ['han sohee', 'nevertehless', 'hotel del luna', 'song kang', '한소희', 'crash landing', 'iu'];

const TARGETS = {
  bundled: { firstPaintMs: 100 },
  synthetic: { firstPaintMs: 200 },
  searchKeystrokeMs: 16,
};

/**
 * The real index with its articles multiplied to `articleCount` (clearly synthetic headlines and
 * URLs, the real summaries and mentions), grouped two to a story, and every mentioned entity's
 * article list grown to match, as the builder would.
 */
export function syntheticIndex(real: DramaIndex, articleCount: number): DramaIndex {
  const index: DramaIndex = structuredClone(real);
  const byId = new Map([...index.dramas, ...index.people].map((e) => [e.id, e]));
  const stories = new Map<string, Story>();
  for (let n = index.articles.length; n < articleCount; n++) {
    const base = real.articles[n % real.articles.length];
    const storyId = `synthetic-story-${n >> 1}`;
    const article: ArticleEntry = {
      ...base,
      id: `synthetic-${n}`,
      headline: `[Synthetic ${n}] ${base.headline}`,
      outlet: `Synthetic Outlet ${n % 37}`,
      url: `https://synthetic.invalid/articles/${n}`,
      storyId,
      airFacts: base.airFacts.map((fact) => ({ ...fact, articleId: `synthetic-${n}` })),
    };
    index.articles.push(article);
    const story = stories.get(storyId) ?? { id: storyId, articleIds: [] };
    story.articleIds.push(article.id);
    stories.set(storyId, story);
    for (const mention of article.mentions) byId.get(mention.entityId)?.articleIds.push(article.id);
  }
  index.stories.push(...stories.values());
  return index;
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

interface OpenSample {
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  readyMs: number;
}

async function openPopupOnce(context: BrowserContext, url: string): Promise<OpenSample> {
  const popup = await context.newPage();
  try {
    await popup.goto(url);
    await popup.waitForFunction(() => performance.getEntriesByName('dramalens:popup-ready').length > 0, undefined, {
      timeout: 15_000,
      polling: 5,
    });
    // Paint entries arrive with the frame after the one that painted.
    await popup.waitForFunction(() => performance.getEntriesByType('paint').length >= 2, undefined, { polling: 5 });
    // (No named functions inside evaluate: tsx's keepNames would reference a helper the page lacks.)
    return await popup.evaluate(() => ({
      firstPaintMs: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
      firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      readyMs: performance.getEntriesByName('dramalens:popup-ready')[0].startTime,
    }));
  } finally {
    await popup.close();
  }
}

async function searchKeystrokes(popup: Page): Promise<number[]> {
  const input = popup.getByRole('combobox');
  const samples: number[] = [];
  for (const query of QUERIES) {
    await input.fill('');
    await popup.evaluate(() => performance.clearMeasures('dramalens:search'));
    await input.pressSequentially(query, { delay: 25 });
    await popup.waitForTimeout(50);
    samples.push(
      ...(await popup.evaluate(() => performance.getEntriesByName('dramalens:search').map((entry) => entry.duration))),
    );
  }
  return samples;
}

interface VariantResult {
  label: string;
  articles: number;
  indexBytes: number;
  firstOpen: OpenSample;
  opens: OpenSample[];
  /** Opens right after the service worker was stopped: it starts again to answer. */
  coldOpens: OpenSample[];
  keystrokes: number[];
}

async function measureVariant(label: string, extensionDir: string, pageUrl: string): Promise<VariantResult> {
  const index = JSON.parse(readFileSync(path.join(extensionDir, 'index.json'), 'utf8')) as DramaIndex;
  const session = await launchWithExtension({ extensionDir, viewport: { width: 380, height: 600 } });
  const { context, extensionId } = session;
  try {
    // A real page in a tab, so "On this page" has names to rank.
    const site = await context.newPage();
    await site.goto(pageUrl);
    const tabId = await tabIdOf(session, site);
    await site.waitForFunction(() => (CSS.highlights.get('dramalens-actor')?.size ?? 0) > 0);
    const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
    const firstOpen = await openPopupOnce(context, popupUrl);
    const opens: OpenSample[] = [];
    for (let i = 0; i < OPENS; i++) opens.push(await openPopupOnce(context, popupUrl));
    const coldOpens: OpenSample[] = [];
    for (let i = 0; i < COLD_OPENS; i++) {
      await session.stopServiceWorker(site);
      coldOpens.push(await openPopupOnce(context, popupUrl));
    }
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.locator('[data-ready]').waitFor();
    const keystrokes = await searchKeystrokes(popup);
    return {
      label,
      articles: index.articles.length,
      indexBytes: statSync(path.join(extensionDir, 'index.json')).size,
      firstOpen,
      opens,
      coldOpens,
      keystrokes,
    };
  } finally {
    await context.close();
  }
}

/**
 * The search alone at a scale the bundled index does not reach: its entities plus every Hangul
 * title and cast name of ../shared/corpus/dramadb, each query typed key by key. Runs in Node (V8).
 */
export function searchAtScale(real: DramaIndex) {
  const extra = dramadbDictionary({ inputs: [], names: [] }).inputs;
  const index = {
    dramas: [
      ...real.dramas,
      ...extra.filter((e) => e.kind === 'drama').map((e) => ({ id: e.id, title: e.names[0].text, aliases: [] })),
    ],
    people: [
      ...real.people,
      ...extra.filter((e) => e.kind === 'person').map((e) => ({ id: e.id, name: e.names[0].text, aliases: [] })),
    ],
  };
  createEntitySearch(index).search('warm up');
  const t0 = performance.now();
  const search = createEntitySearch(index);
  const buildMs = performance.now() - t0;
  const samples: number[] = [];
  for (const query of [...QUERIES, '사랑', '비밀의 숲', 'nevertheles', 'kim so hyun']) {
    const chars = [...query];
    for (let i = 1; i <= chars.length; i++) {
      const typed = chars.slice(0, i).join('');
      const t = performance.now();
      search.search(typed);
      samples.push(performance.now() - t);
    }
  }
  return { entities: index.dramas.length + index.people.length, names: search.size, buildMs, samples };
}

export async function runPopupBench(): Promise<{ markdown: string; json: unknown }> {
  const built = path.join(ROOT, process.env.DRAMALENS_OUT ?? '.output', 'chrome-mv3');
  if (!existsSync(path.join(built, 'manifest.json'))) {
    throw new Error(`No built extension at ${built}: run \`npm run build\` first.`);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'dramalens-popup-bench-'));
  const server = await serveFixtures({
    '/seed.html': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(await seedPageHtml());
      return true;
    },
  });
  try {
    const bundledDir = path.join(work, 'bundled');
    const syntheticDir = path.join(work, 'synthetic-10k');
    cpSync(built, bundledDir, { recursive: true });
    cpSync(built, syntheticDir, { recursive: true });
    const real = JSON.parse(readFileSync(path.join(built, 'index.json'), 'utf8')) as DramaIndex;
    writeFileSync(path.join(syntheticDir, 'index.json'), JSON.stringify(syntheticIndex(real, 10_000)));

    const results = [
      await measureVariant('bundled', bundledDir, server.url('/seed.html')),
      await measureVariant('synthetic 10k articles', syntheticDir, server.url('/seed.html')),
    ];
    const atScale = searchAtScale(real);
    const rows = results.map((r, i) => {
      const target = i === 0 ? TARGETS.bundled.firstPaintMs : TARGETS.synthetic.firstPaintMs;
      const firstPaints = r.opens.map((o) => o.firstPaintMs);
      const fp = percentile(firstPaints, 50);
      const fp95 = percentile(firstPaints, 95);
      const ready50 = percentile(
        r.opens.map((o) => o.readyMs),
        50,
      );
      const ready95 = percentile(
        r.opens.map((o) => o.readyMs),
        95,
      );
      return {
        label: r.label,
        articles: r.articles,
        indexMB: r.indexBytes / 1e6,
        firstPaintP50: fp,
        firstPaintP95: fp95,
        fcpP50: percentile(
          r.opens.map((o) => o.firstContentfulPaintMs),
          50,
        ),
        readyP50: ready50,
        readyP95: ready95,
        firstOpenReady: r.firstOpen.readyMs,
        targetMs: target,
        meetsTarget: fp95 <= target,
        coldReadyP50: percentile(
          r.coldOpens.map((o) => o.readyMs),
          50,
        ),
        keystrokes: r.keystrokes.length,
        keystrokeP50: percentile(r.keystrokes, 50),
        keystrokeP95: percentile(r.keystrokes, 95),
        keystrokeMax: Math.max(...r.keystrokes),
      };
    });
    const markdown = [
      `Toolbar popup, built extension in Chromium (380 × 600, TZ Asia/Seoul), opened ${OPENS} times per index (after one first open) as \`popup.html?tabId=N\` for a tab showing the seed articles. Times from navigation start.`,
      '',
      '| index | articles | index.json | first paint p50 / p95 | target | ready p50 / p95 | ready, worker stopped first (p50) | first open ready | search keystrokes | per keystroke p50 / p95 / max |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.articles.toLocaleString('en')} | ${f(r.indexMB, 2)} MB | ${f(r.firstPaintP50)} / ${f(r.firstPaintP95)} ms | ≤ ${r.targetMs} ms ${r.meetsTarget ? '✓' : '✗'} | ${f(r.readyP50)} / ${f(r.readyP95)} ms | ${f(r.coldReadyP50)} ms | ${f(r.firstOpenReady)} ms | ${r.keystrokes} | ${f(r.keystrokeP50, 2)} / ${f(r.keystrokeP95, 2)} / ${f(r.keystrokeMax, 2)} ms (p95 ≤ ${TARGETS.searchKeystrokeMs} ms ${r.keystrokeP95 <= TARGETS.searchKeystrokeMs ? '✓' : '✗'}) |`,
      ),
      '',
      'First paint: the popup’s shell (header and a working search box, static in popup.html) paints before any script has run; the target is checked against its p95. Ready: the tab’s names, air times and search are on screen and usable (User Timing mark `dramalens:popup-ready`, set when that render is committed); the popup reads the entity directory from the background, never index.json, so this does not grow with the articles. Worker stopped first: the service worker was stopped through the DevTools protocol before the open, so it starts again (and reads its cached directory from storage.session) to answer. Per keystroke: input event → search → results committed to the DOM (measure `dramalens:search`), over: ' +
        QUERIES.map((q) => `“${q}”`).join(', ') +
        '.',
      '',
      `Search alone at scale (Node, V8): the bundled entities plus every Hangul title and cast name of ../shared/corpus/dramadb, ${atScale.entities.toLocaleString('en')} entities and ${atScale.names.toLocaleString('en')} names: built in ${f(atScale.buildMs)} ms; ${atScale.samples.length} keystrokes p50 ${f(percentile(atScale.samples, 50), 2)} ms, p95 ${f(percentile(atScale.samples, 95), 2)} ms, max ${f(Math.max(...atScale.samples), 2)} ms.`,
    ].join('\n');
    return {
      markdown,
      json: {
        opens: OPENS,
        queries: QUERIES,
        rows,
        samples: results,
        searchAtScale: { ...atScale, p50: percentile(atScale.samples, 50), p95: percentile(atScale.samples, 95) },
      },
    };
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
