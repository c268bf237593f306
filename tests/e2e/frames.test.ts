/// <reference types="chrome" />
// A page with twenty frames of every kind: names light up where they are (the top page, a srcdoc
// frame, same-origin frames) and nowhere else, the engine only loads in frames whose text may
// name something, and the page logs no error.
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { highlightTexts, screenshot } from '../../scripts/browser/harness';
import { useExtensionSuite } from './suite';

const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frames (fixture)</title></head><body>${body}</body></html>`,
  );
  return true;
};

const FRAME_STYLE = 'style="width:300px;height:50px"';
const frames = [
  // Blank documents: no src, an about:blank src, an empty srcdoc, an empty same-origin page.
  ...Array.from({ length: 5 }, (_, i) => `<iframe data-kind="blank" title="blank ${i}" ${FRAME_STYLE}></iframe>`),
  ...Array.from(
    { length: 3 },
    (_, i) => `<iframe data-kind="blank" title="about ${i}" src="about:blank" ${FRAME_STYLE}></iframe>`,
  ),
  ...Array.from(
    { length: 3 },
    (_, i) => `<iframe data-kind="blank" title="empty srcdoc ${i}" srcdoc="" ${FRAME_STYLE}></iframe>`,
  ),
  ...Array.from(
    { length: 3 },
    (_, i) => `<iframe data-kind="blank" title="empty page ${i}" src="/empty.html" ${FRAME_STYLE}></iframe>`,
  ),
  // Text without names, and names.
  `<iframe data-kind="plain" title="plain" srcdoc="<p>Weather: sunny, then rain.</p>" ${FRAME_STYLE}></iframe>`,
  `<iframe data-kind="plain" title="plain page" src="/plain.html" ${FRAME_STYLE}></iframe>`,
  `<iframe data-kind="names" title="srcdoc names" srcdoc="<p>Han So-hee in a srcdoc frame.</p>" ${FRAME_STYLE}></iframe>`,
  `<iframe data-kind="names" title="same-origin names" src="/names-a.html" ${FRAME_STYLE}></iframe>`,
  `<iframe data-kind="names" title="same-origin names 2" src="/names-b.html" ${FRAME_STYLE}></iframe>`,
  // A frame a reader cannot see, with a name in it.
  `<iframe data-kind="hidden" title="hidden" srcdoc="<p>Song Kang hidden away.</p>" style="display:none"></iframe>`,
];

const suite = useExtensionSuite({
  '/frames.html': html(`<p>Song Kang on the top page.</p>${frames.join('')}`),
  '/empty.html': html(''),
  '/plain.html': html('<p>Nothing about dramas here.</p>'),
  '/names-a.html': html('<p>Lee Ho-jung in a same-origin frame.</p>'),
  '/names-b.html': html('<p>Watch “Nevertheless” on JTBC tonight.</p>'),
});

const actorsIn = (frame: Frame) =>
  frame.evaluate(() =>
    [...(CSS.highlights.get('dramalens-actor') ?? []), ...(CSS.highlights.get('dramalens-drama') ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    }),
  );
const nothingNamed = (frame: Frame) =>
  frame.evaluate(() => performance.getEntriesByName('dramalens:nothing-named').length);
const engineRan = (frame: Frame) =>
  frame.evaluate(() => performance.getEntriesByName('dramalens:engine-started').length);

describe('a page with twenty frames', () => {
  it('lights names where they are, loads the engine only where the text may name something, and logs no error', async () => {
    const { page, errors } = await suite.open('/frames.html');
    await expect.poll(() => highlightTexts(page, 'dramalens-actor')).toEqual(['Song Kang']);
    const byKind = async (kind: string) => {
      const handles = await page.locator(`iframe[data-kind="${kind}"]`).elementHandles();
      return Promise.all(handles.map(async (h) => (await h.contentFrame())!));
    };
    const named = await byKind('names');
    for (const [frame, name] of [
      [named[0], 'Han So-hee'],
      [named[1], 'Lee Ho-jung'],
      [named[2], 'Nevertheless'],
    ] as const) {
      await expect.poll(() => actorsIn(frame), { timeout: 5000 }).toEqual([name]);
      expect(await engineRan(frame)).toBe(1);
    }
    // Frames with text but no names: the bootstrap asked the matcher about their text, heard
    // that nothing there is a name, and never loaded the engine.
    const plain = await byKind('plain');
    for (const frame of plain) {
      await expect.poll(() => nothingNamed(frame)).toBe(1);
      expect(await engineRan(frame)).toBe(0);
      expect(await actorsIn(frame)).toEqual([]);
    }
    await page.waitForTimeout(500);
    const blank = await byKind('blank');
    expect(blank).toHaveLength(14);
    for (const frame of blank) {
      expect(await engineRan(frame)).toBe(0);
      expect(await actorsIn(frame)).toEqual([]);
    }
    // A frame nobody can see is not read until it is shown.
    const [hidden] = await byKind('hidden');
    expect(await engineRan(hidden)).toBe(0);
    await page.locator('iframe[data-kind="hidden"]').evaluate((f) => ((f as HTMLElement).style.display = 'block'));
    await expect.poll(() => actorsIn(hidden), { timeout: 5000 }).toEqual(['Song Kang']);
    // Text written into a blank frame later is found.
    await blank[0].evaluate(() => {
      document.body.innerHTML = '<p>Breaking: IU joins a new drama.</p>';
    });
    await expect.poll(() => actorsIn(blank[0]), { timeout: 5000 }).toEqual(['IU']);
    // A name that comes later into a frame that named nothing loads the engine there.
    await plain[0].evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: Song Kang on the cover.';
      document.body.append(p);
    });
    await expect.poll(() => actorsIn(plain[0]), { timeout: 5000 }).toEqual(['Song Kang']);
    expect(await engineRan(plain[0])).toBe(1);
    expect(errors).toEqual([]);
    await screenshot(page, 'frames');
  });
});
