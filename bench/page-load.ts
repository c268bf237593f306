// What a reader pays per page they open: the built extension's content script on freshly loaded
// corpus pages, its JavaScript time from a CPU profile (samples whose stack runs through
// content.js, including the browser calls it makes). Unlike the scan table this includes start-up:
// evaluating the bundle, decoding the dictionary, reading settings, and a first scan the engine
// has not optimised yet.
import { launchWithExtension, serveFixtures } from '../tests/e2e/harness';
import { corpusPageFiles, readCorpusPage } from './corpus';
import { percentile } from './stats';

const SAMPLING_US = 50;
/** The first loads compile the bundle; later ones find it in V8's cache, as a browser would. */
const WARM_UP_LOADS = 2;
/** Loads per page; the page's figure is their median (a load can share the machine with a GC or a neighbour). */
const LOADS_PER_PAGE = 3;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples whose stack includes a frame of the content script. */
export function contentScriptMs(profile: Profile, scriptUrlPart: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const result = node.callFrame.url.includes(scriptUrlPart) || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  let us = 0;
  // timeDeltas[i] is the time before sample i: charge each sample the gap after it.
  for (let i = 0; i < profile.samples.length; i++) {
    if (isOurs(profile.samples[i])) us += profile.timeDeltas[i + 1] ?? SAMPLING_US;
  }
  return us / 1000;
}

export async function runPageLoadBench(options: { pages?: number; extensionDir?: string } = {}) {
  const files = corpusPageFiles().slice(0, options.pages ?? 60);
  let html = '';
  const server = await serveFixtures({
    '/page.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    },
  });
  const session = await launchWithExtension({ extensionDir: options.extensionDir });
  const page = await session.context.newPage();
  // Only the page itself loads: its images and stylesheets would otherwise go to the network.
  await page.route('**/*', (route) => (route.request().isNavigationRequest() ? route.continue() : route.abort()));
  const perPage: { file: string; chars: number; ms: number }[] = [];
  try {
    // One fresh load of the page currently served.
    const loadMs = async (n: number): Promise<number> => {
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
      await cdp.send('Profiler.start');
      await page.goto(server.url(`/page.html?${n}`));
      // The scan, the debounced report (150 ms) and the shadow-root search are over by then.
      await page.waitForTimeout(800);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      await cdp.detach();
      return contentScriptMs(profile, `chrome-extension://${session.extensionId}/`);
    };
    let n = 0;
    for (const file of files.slice(0, WARM_UP_LOADS)) {
      html = readCorpusPage(file);
      await loadMs(n++);
    }
    for (const file of files) {
      html = readCorpusPage(file);
      const loads: number[] = [];
      for (let k = 0; k < LOADS_PER_PAGE; k++) loads.push(await loadMs(n++));
      const chars = await page.evaluate(() => document.body?.textContent?.length ?? 0);
      perPage.push({ file, chars, ms: percentile(loads, 50) });
    }
  } finally {
    await session.close();
    await server.close();
  }
  const ms = perPage.map((p) => p.ms);
  const row = {
    pages: perPage.length,
    medianChars: percentile(
      perPage.map((p) => p.chars),
      50,
    ),
    p50: percentile(ms, 50),
    p90: percentile(ms, 90),
    max: Math.max(...ms),
  };
  const markdown = [
    'Page load, built extension in Chromium: our JavaScript time per freshly loaded corpus page (CPU profile sampled every 50 µs, median of 3 loads per page; the bundle already in V8’s code cache, as after the first page):',
    '',
    '| pages | median page text (chars) | our JS per page load p50 | p90 | max |',
    '|---|---|---|---|---|',
    `| ${row.pages} | ${row.medianChars.toLocaleString('en-US')} | ${row.p50.toFixed(2)} ms | ${row.p90.toFixed(2)} ms | ${row.max.toFixed(2)} ms |`,
    '',
    'This is start-up included: evaluating the content script, decoding the dictionary, reading settings, and the first scan before the engine has optimised it, plus the report to the background.',
  ].join('\n');
  return { markdown, json: { row, perPage } };
}

if (process.argv[1] === import.meta.filename) {
  const result = await runPageLoadBench({
    pages: process.env.BENCH_PAGES ? Number(process.env.BENCH_PAGES) : undefined,
    extensionDir: process.env.BENCH_EXTENSION_DIR,
  });
  console.log(result.markdown);
}
