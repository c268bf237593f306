// Hover-card benchmark, with the built extension in real Chromium: dwell → card painted (warm
// and with the service worker stopped first), and the cost of the pointer-move handler on a page
// with 5,000 highlighted names.
import type { Page } from 'playwright-core';
import { launchWithExtension, serveFixtures } from '../scripts/browser/harness';
import { percentile } from './stats';

const NAMES = [
  'Song Kang',
  'Han So Hee',
  'IU',
  'Hotel Del Luna',
  'Lee Ho-jung',
  'Park Seo-joon',
  'Kim Go-eun',
  'Hyun Bin',
  'Son Ye-jin',
  'Gong Yoo',
];

/** 1,000 paragraphs with 5 names each: 5,000 highlighted names. */
export function manyNamesPage(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const names = [0, 1, 2, 3, 4].map((k) => NAMES[(i + k * 3) % NAMES.length]);
    paragraphs.push(
      `<p>Paragraph ${i}: ${names[0]} met ${names[1]} while ${names[2]} talked about ${names[3]} and ${names[4]}.</p>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>5,000 names</title></head><body>${paragraphs.join('\n')}</body></html>`;
}

interface HoverSample {
  latencyMs: number;
  dataReady: boolean;
}

async function hoverOnce(page: Page, nth: number): Promise<HoverSample | undefined> {
  const at = await page.evaluate((n) => {
    performance.clearMarks('dramalens-card-painted');
    const ranges = [...(CSS.highlights.get('dramalens-actor') ?? [])];
    const r = ranges[n % ranges.length];
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    live.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = live.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, nth);
  await page.mouse.move(at.x, at.y);
  const mark = await page
    .waitForFunction(
      () => {
        const m = performance.getEntriesByName('dramalens-card-painted')[0] as PerformanceMark | undefined;
        return m ? { at: m.startTime, detail: m.detail as { dwellStart: number; dataReady: boolean } } : null;
      },
      undefined,
      { timeout: 5000, polling: 10 },
    )
    .then((h) => h.jsonValue())
    .catch(() => null);
  await page.mouse.move(2, 2);
  await page.waitForTimeout(450);
  return mark ? { latencyMs: mark.at - mark.detail.dwellStart, dataReady: mark.detail.dataReady } : undefined;
}

export async function runCardBench(hovers = 30): Promise<{ markdown: string; json: unknown }> {
  const html = manyNamesPage();
  const server = await serveFixtures({
    '/many.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    },
  });
  const session = await launchWithExtension();
  try {
    const page = await session.context.newPage();
    const results: Record<string, HoverSample[]> = { warm: [], cold: [] };
    for (const mode of ['warm', 'cold'] as const) {
      for (let i = 0; i < hovers; i++) {
        // A fresh page each time, so no card is cached in the content script.
        await page.goto(server.url('/many.html'));
        await page.waitForFunction(() => (CSS.highlights.get('dramalens-actor')?.size ?? 0) >= 4000, undefined, {
          timeout: 10_000,
        });
        if (mode === 'cold') await session.stopServiceWorker(page);
        const sample = await hoverOnce(page, i * 37 + 11);
        if (sample) results[mode].push(sample);
      }
    }

    // Pointer-move handler: synthetic events dispatched from the page run every listener,
    // ours included, synchronously; an event type nobody listens to gives the baseline.
    await page.goto(server.url('/many.html'));
    await page.waitForFunction(() => (CSS.highlights.get('dramalens-actor')?.size ?? 0) >= 4000);
    // (No named functions inside evaluate: tsx's keepNames would reference a helper the page lacks.)
    const dispatchCost = (type: string) =>
      page.evaluate((eventType) => {
        const samples: number[] = [];
        for (let batch = 0; batch < 200; batch++) {
          const t0 = performance.now();
          for (let i = 0; i < 50; i++) {
            document.dispatchEvent(
              new PointerEvent(eventType, {
                clientX: (i * 37) % 1000,
                clientY: (i * 53) % 700,
                bubbles: true,
                pointerType: 'mouse',
              }),
            );
          }
          samples.push((performance.now() - t0) / 50);
        }
        return samples;
      }, type);
    const handler = { move: await dispatchCost('pointermove'), baseline: await dispatchCost('pointercancel') };
    const handlerCost = handler.move.map((m, i) => Math.max(0, m - handler.baseline[i]));

    const summary = (samples: HoverSample[]) => ({
      n: samples.length,
      p50: percentile(
        samples.map((s) => s.latencyMs),
        50,
      ),
      p95: percentile(
        samples.map((s) => s.latencyMs),
        95,
      ),
      readyAtDwell: samples.filter((s) => s.dataReady).length / Math.max(1, samples.length),
    });
    const warm = summary(results.warm);
    const cold = summary(results.cold);
    const handlerP50 = percentile(handlerCost, 50);
    const handlerP95 = percentile(handlerCost, 95);
    const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
    const markdown = [
      `Hover card, built extension in Chromium, ${hovers} hovers per row (a fresh page each), dwell 400 ms:`,
      '',
      '| service worker | hovers | dwell → painted p50 | p95 | data ready at the dwell |',
      '|---|---|---|---|---|',
      `| warm | ${warm.n} | ${f(warm.p50)} ms | ${f(warm.p95)} ms | ${f(warm.readyAtDwell * 100, 0)}% |`,
      `| cold (stopped via CDP before each hover) | ${cold.n} | ${f(cold.p50)} ms | ${f(cold.p95)} ms | ${f(cold.readyAtDwell * 100, 0)}% |`,
      '',
      `Pointer-move handler on a page with 5,000 highlighted names: p50 ${f(handlerP50 * 1000, 2)} µs, p95 ${f(handlerP95 * 1000, 2)} µs per event (the hit test itself runs once per frame).`,
    ].join('\n');
    return { markdown, json: { warm, cold, handlerP50Ms: handlerP50, handlerP95Ms: handlerP95, samples: results } };
  } finally {
    await session.close();
    await server.close();
  }
}
