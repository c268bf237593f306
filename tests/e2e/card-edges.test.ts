/// <reference types="chrome" />
// The card never leaves the window: for a name in each corner of a small and a common window,
// the whole card is on screen, it does not cover the name, and its last story can be scrolled to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  highlightTexts,
  launchWithExtension,
  screenshot,
  serveFixtures,
  type ExtensionSession,
  type FixtureServer,
} from '../../scripts/browser/harness';
import { pageRoutes } from '../../scripts/browser/pages';

const CARD = 'dramalens-ui .hover-card';
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures(pageRoutes);
});
afterAll(async () => {
  await server?.close();
});

/** Where the painted "Song Kang" inside the element `#corner` is, in viewport pixels. */
const nameBox = (page: Page, corner: string) =>
  page.evaluate((id) => {
    const text = document.getElementById(id)!.firstChild!;
    const at = text.textContent!.indexOf('Song Kang');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'Song Kang'.length);
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, corner);

for (const viewport of [
  { width: 700, height: 500 },
  { width: 1280, height: 720 },
]) {
  describe(`the card in a ${viewport.width} × ${viewport.height} window`, () => {
    let session: ExtensionSession;
    beforeAll(async () => {
      session = await launchWithExtension({ viewport });
    });
    afterAll(async () => {
      await session?.close();
    });

    for (const corner of CORNERS) {
      it(`for a name in the ${corner} corner stays inside the window, off the name, and scrolls to its last story`, async () => {
        const page = await session.context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(server.url('/corners.html'));
        await expect.poll(() => highlightTexts(page, 'dramalens-actor')).toHaveLength(4);
        const name = await nameBox(page, corner);
        await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2);
        const card = page.locator(CARD);
        await expect.poll(() => card.textContent({ timeout: 200 }).catch(() => '')).toContain('Song Kang');
        await expect.poll(() => card.locator('.news-card').count()).toBeGreaterThan(0);

        const box = (await card.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        // The name stays visible: the card is above or below it, not over it.
        const overlaps = box.y < name.y + name.height && name.y < box.y + box.height;
        expect(overlaps, 'card covers the name').toBe(false);
        await screenshot(page, `card-corner-${viewport.width}x${viewport.height}-${corner}`);

        // Everything the card holds can be reached: scrolled to the end, its last story is in
        // view inside the card (the pointer stays on the name, so the card stays open).
        await card.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        const last = (await card.locator('.news-card').last().boundingBox())!;
        expect(last.y).toBeGreaterThanOrEqual(box.y - 1);
        expect(last.y + last.height).toBeLessThanOrEqual(box.y + box.height + 1);
        await screenshot(page, `card-corner-${viewport.width}x${viewport.height}-${corner}-scrolled`);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  });
}
