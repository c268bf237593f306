/// <reference types="chrome" />
import { axeViolations } from './axe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  highlightTexts,
  launchWithExtension,
  pinNow,
  runCommand,
  screenshot,
  serveFixtures,
  type ExtensionSession,
  type FixtureServer,
} from '../../scripts/browser/harness';
import { pageRoutes } from '../../scripts/browser/pages';

const CARD = 'dramalens-ui .hover-card';
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures(pageRoutes);
});
afterAll(async () => {
  await server?.close();
});

/** Centre of the n-th painted range whose text is `text`. */
async function nameCenter(page: Page, text: string, nth = 0, highlight = 'dramalens-actor') {
  await expect.poll(() => highlightTexts(page, highlight), { timeout: 5000 }).toContain(text);
  return page.evaluate(
    ([wanted, n, name]) => {
      const ranges = [...CSS.highlights.get(name)!].filter((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString() === wanted;
      });
      const live = document.createRange();
      live.setStart(ranges[n].startContainer, ranges[n].startOffset);
      live.setEnd(ranges[n].endContainer, ranges[n].endOffset);
      live.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [text, nth, highlight] as const,
  );
}

const cardText = (page: Page) =>
  page
    .locator(CARD)
    .textContent({ timeout: 200 })
    .catch(() => null);

/** The text of a card already seen open: waits out a busy machine instead of reading null. */
const openCardText = (page: Page) => page.locator(CARD).textContent({ timeout: 3000 });

async function hover(page: Page, text: string, options: { nth?: number; highlight?: string } = {}) {
  const at = await nameCenter(page, text, options.nth ?? 0, options.highlight);
  await page.mouse.move(at.x, at.y);
  return at;
}

describe('hover card', () => {
  let session: ExtensionSession;
  const pages: Page[] = [];
  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    await (await session.privileged()).evaluate(() => chrome.storage.sync.clear());
    await pinNow(session, null);
  });
  const open = async (pathname: string) => {
    const page = await session.context.newPage();
    pages.push(page);
    const errors = collectPageErrors(page);
    await page.goto(server.url(pathname));
    return { page, errors };
  };

  it('appears after the dwell with the actor, his dramas and the seed news, and stays while hovered', async () => {
    const { page, errors } = await open('/seed.html');
    await page.mouse.move(5, 5);
    // The card's code (Preact, floating-ui, components) is not loaded on a page that is only read.
    const cardCodeRan = () => page.evaluate(() => performance.getEntriesByName('dramalens:card-loaded').length);
    await expect.poll(() => highlightTexts(page, 'dramalens-actor')).toContain('Song Kang');
    await page.waitForTimeout(300);
    expect(await cardCodeRan()).toBe(0);
    await hover(page, 'Song Kang', { nth: 2 });
    await page.waitForTimeout(200);
    expect(await cardText(page)).toBeNull(); // not before the dwell
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Song Kang');
    expect(await cardCodeRan()).toBe(1); // loaded while the pointer rested, once
    const text = (await openCardText(page))!;
    expect(text).toContain('송강');
    expect(text).toContain('Actor');
    // Nine dramas: six shown (airing and upcoming first, then newest), the three oldest one click away.
    for (const drama of ['Nevertheless', 'My Demon']) expect(text).toContain(drama);
    expect(text).not.toContain('Love Alarm');
    await page.getByRole('button', { name: '3 more dramas' }).click();
    for (const drama of ['Navillera', 'Love Alarm', 'Sweet Home']) expect(await openCardText(page)).toContain(drama);
    // The making-of story reported by two outlets (seeds 001 and 002) is one card with both.
    const story = page.locator(`${CARD} [data-story-id="story-ibtimes-sg-nevertheless-off-screen"]`);
    await expect.poll(() => story.textContent()).toContain('2 sources');
    expect(await story.textContent()).toContain('Soompi');
    expect(await story.textContent()).toContain('IBTimes');
    expect(await page.locator(`${CARD} [data-story-id]`).count()).toBeLessThanOrEqual(3);
    await screenshot(page, 'card-actor-light');

    // Into the card: it stays.
    const box = (await page.locator(CARD).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await openCardText(page)).toContain('Song Kang');
    // Out to empty space: it goes.
    await page.mouse.move(1090, 790, { steps: 2 });
    await expect.poll(() => cardText(page), { timeout: 2000 }).toBeNull();
    expect(errors).toEqual([]);
  });

  it('closes when its name leaves the page', async () => {
    const { page } = await open('/dynamic.html');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'update';
      p.textContent = 'Update: Song Kang greets fans.';
      document.getElementById('feed')!.append(p);
    });
    await hover(page, 'Song Kang');
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Song Kang');
    await page.evaluate(() => document.getElementById('update')!.remove());
    await expect.poll(() => cardText(page), { timeout: 2000 }).toBeNull();
  });

  it('Escape closes it', async () => {
    const { page } = await open('/seed.html');
    await hover(page, 'Han So Hee');
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Han So-hee');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('a quick pass over names shows nothing', async () => {
    const { page } = await open('/seed.html');
    const first = await nameCenter(page, 'Song Kang', 2);
    const second = await nameCenter(page, 'Han So Hee', 2);
    await page.mouse.move(first.x, first.y);
    await page.waitForTimeout(80);
    await page.mouse.move(second.x, second.y, { steps: 3 });
    await page.waitForTimeout(80);
    await page.mouse.move(1090, 10, { steps: 3 });
    await page.waitForTimeout(800);
    expect(await cardText(page)).toBeNull();
    expect(await page.locator('dramalens-ui').count()).toBe(0); // never even mounted
  });

  it('the keyboard shortcut opens the card for the next name, moves focus in, and Esc returns it', async () => {
    const { page } = await open('/seed.html');
    await page.bringToFront();
    await highlightTexts(page, 'dramalens-actor');
    await expect.poll(() => highlightTexts(page, 'dramalens-actor')).not.toHaveLength(0);
    await runCommand(session, 'open-card');
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Song Kang'); // first name on the page
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('dramalens-ui');
    await runCommand(session, 'open-card');
    await expect.poll(() => cardText(page)).toContain('Han So-hee'); // pressed again: the next name
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
  });

  it('a card for a name in the bottom-right corner flips and shifts into the viewport', async () => {
    const { page } = await open('/edge.html');
    const name = await hover(page, 'Song Kang');
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Song Kang');
    const box = (await page.locator(CARD).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(name.y); // above the name: flipped
    await screenshot(page, 'card-edge-flip');
  });

  it('page CSS that styles div, * and :host does not change the card', async () => {
    const styleOf = async (page: Page) =>
      page.locator(`${CARD}`).evaluate((card) => {
        const title = card.querySelector('.card-title')!;
        const cs = getComputedStyle(card);
        const ts = getComputedStyle(title);
        return {
          background: cs.backgroundColor,
          color: cs.color,
          padding: cs.padding,
          titleSize: ts.fontSize,
          titleFont: ts.fontFamily,
          letterSpacing: ts.letterSpacing,
          close: getComputedStyle(card.querySelector('.close')!).display,
        };
      });
    const plain = await open('/seed.html');
    await hover(plain.page, 'Song Kang');
    await expect.poll(() => cardText(plain.page), { timeout: 3000 }).toContain('Song Kang');
    const expected = await styleOf(plain.page);
    const hostile = await open('/hostile-css.html');
    await hover(hostile.page, 'Song Kang');
    await expect.poll(() => cardText(hostile.page), { timeout: 3000 }).toContain('Song Kang');
    expect(await styleOf(hostile.page)).toEqual(expected);
    expect(await hostile.page.locator('dramalens-ui').evaluate((host) => getComputedStyle(host).display)).not.toBe(
      'none',
    );
    await screenshot(hostile.page, 'card-hostile-css');
  });

  it('follows a drama with a status and progress from the card, in one settings write each', async () => {
    const { page } = await open('/seed.html');
    await hover(page, 'Nevertheless', { highlight: 'dramalens-drama', nth: 1 });
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('알고있지만');
    // The background is the only writer of settings for a page: count the writes to storage.sync
    // (each write that changes something is one change event, seen from any extension context).
    const worker = await session.privileged();
    await worker.evaluate(() => {
      const scope = globalThis as unknown as { __syncWrites?: number };
      if (scope.__syncWrites !== undefined) return;
      scope.__syncWrites = 0;
      chrome.storage.onChanged.addListener((_changes, area) => {
        if (area === 'sync') scope.__syncWrites! += 1;
      });
    });
    const writes = () => worker.evaluate(() => (globalThis as unknown as { __syncWrites: number }).__syncWrites);
    const before = await writes();
    const status = page.getByLabel('Your status for Nevertheless');
    await status.selectOption('watching');
    await expect.poll(() => page.locator(`${CARD} [data-testid="progress"]`).textContent()).toBe('No ep / 10');
    await page.getByRole('button', { name: 'One more episode watched' }).click();
    await page.getByRole('button', { name: 'One more episode watched' }).click();
    await expect.poll(() => page.locator(`${CARD} [data-testid="progress"]`).textContent()).toBe('Ep 2 / 10');
    const sync = () => worker.evaluate(() => chrome.storage.sync.get('follows'));
    await expect.poll(sync).toEqual({ follows: { list: 'nevertheless:w:2', overflow: 0 } });
    expect((await writes()) - before).toBe(3);
    await screenshot(page, 'card-following');
    await status.selectOption('');
    await expect.poll(sync).toEqual({ follows: { list: '', overflow: 0 } });
    // Following changes no highlight: every drama stays lit.
    expect(await highlightTexts(page, 'dramalens-drama')).toContain('Nevertheless');
  });

  it('muting a name from its card clears it live in every open tab, and unmuting brings it back', async () => {
    const { page } = await open('/seed.html');
    const { page: other } = await open('/seed.html');
    await expect.poll(() => highlightTexts(other, 'dramalens-actor')).toContain('Song Kang');
    await page.bringToFront();
    await hover(page, 'Song Kang', { nth: 2 });
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('송강');
    const mute = page.locator(`${CARD} .mute-toggle`);
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    await mute.click();
    await expect.poll(() => highlightTexts(other, 'dramalens-actor')).not.toContain('Song Kang');
    await expect.poll(() => highlightTexts(page, 'dramalens-actor')).not.toContain('Song Kang');
    // Other names stay; the card says the name is muted and offers it back.
    expect(await highlightTexts(other, 'dramalens-actor')).toContain('Han So Hee');
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    expect(await openCardText(page)).toContain('Muted: Dramalens does not highlight this actor');
    await screenshot(page, 'card-muted');
    await mute.click();
    await expect.poll(() => highlightTexts(other, 'dramalens-actor')).toContain('Song Kang');
  });

  it('an actor with 22 dramas shows the airing and newest first, the rest behind “N more”', async () => {
    const { page } = await open('/actor-many-dramas.html');
    await hover(page, 'Lee Dong-wook');
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('이동욱');
    const items = page.locator(`${CARD} .filmography > li`);
    expect(await items.count()).toBe(6);
    const more = page.getByRole('button', { name: '16 more dramas' });
    await more.click();
    await expect.poll(() => items.count()).toBe(22);
  });

  it('hides news about episodes after the reader’s last watched one, one click to show', async () => {
    await (
      await session.privileged()
    ).evaluate(() => chrome.storage.sync.set({ follows: { list: 'jeongnyeon-the-star-is-born:w:3', overflow: 0 } }));
    const { page } = await open('/spoilers.html');
    await hover(page, 'Jeongnyeon: The Star Is Born', { highlight: 'dramalens-drama' });
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('정년이');
    const note = page.locator(`${CARD} [data-testid="spoiler-note"]`);
    await expect.poll(() => note.textContent()).toMatch(/^\d+ stories hidden: after episode 3\./);
    const stories = page.locator(`${CARD} [data-story-id]`);
    const before = await stories.count();
    await screenshot(page, 'card-spoiler-safe');
    await note.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => stories.count()).toBeGreaterThan(before);
    expect(await openCardText(page)).toMatch(/final|12/i);
  });

  it('works on a page with a strict CSP', async () => {
    const { page } = await open('/strict-csp.html');
    await hover(page, 'Song Kang');
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Song Kang');
    const background = await page.locator(CARD).evaluate((card) => getComputedStyle(card).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)'); // our stylesheet applied despite default-src 'none'
  });

  it('has no axe violations', async () => {
    const { page } = await open('/seed.html');
    await hover(page, 'Nevertheless', { highlight: 'dramalens-drama', nth: 1 });
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Nevertheless');
    expect(await axeViolations(page, 'dramalens-ui')).toEqual([]);
  });
});

describe('hover card air times, with "now" pinned (viewer in New York)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension({ timeZone: 'America/New_York' });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function nevertheless(iso: string) {
    await pinNow(session, iso);
    const page = await session.context.newPage();
    await page.goto(server.url('/seed.html'));
    await hover(page, 'Nevertheless', { highlight: 'dramalens-drama', nth: 1 });
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('알고있지만');
    return page;
  }

  it('inside the run: the next episode, in local time and KST, with a countdown', async () => {
    // Thursday 1 July 2021, noon in Seoul: episode 3 airs Saturday 3 July at 23:00 KST (10:00 in New York).
    const page = await nevertheless('2021-07-01T12:00:00+09:00');
    const text = (await openCardText(page))!;
    expect(text).toContain('Ep 3');
    expect(text).toContain('Sat, Jul 3, 2021, 10:00 AM');
    expect(text).toContain('Sat, Jul 3, 2021, 11:00 PM KST');
    expect(text).toContain('in 2d 11h');
    await screenshot(page, 'card-drama-airing');
    await page.close();
  });

  it('after the finale: finished, with the final episode date', async () => {
    const page = await nevertheless('2021-09-01T12:00:00+09:00');
    const text = (await openCardText(page))!;
    expect(text).toContain('Finished');
    expect(text).toContain('Sat, Aug 21, 2021');
    await page.close();
  });
});

describe('hover card on a dark page, in dark mode', () => {
  it('renders in the dark theme without axe violations', async () => {
    const session = await launchWithExtension({ colorScheme: 'dark' });
    try {
      const page = await session.context.newPage();
      await page.goto(server.url('/dark.html'));
      await hover(page, 'Song Kang');
      await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Song Kang');
      const background = await page.locator(CARD).evaluate((card) => getComputedStyle(card).backgroundColor);
      expect(background).toBe('rgb(29, 27, 36)');
      expect(await axeViolations(page, 'dramalens-ui')).toEqual([]);
      await screenshot(page, 'card-actor-dark');
    } finally {
      await session.close();
    }
  });
});

// Touch input is emulated in Chromium only: Firefox driven over WebDriver BiDi here delivers
// no touch events for Playwright's touchscreen (the tap never reaches the page), so this test
// launches Chromium in both projects.
describe('hover card on a touch screen (Chromium touch emulation)', () => {
  it('a tap on a name opens its card at once; a tap elsewhere closes it', async () => {
    const session = await launchWithExtension({ browser: 'chromium', hasTouch: true });
    try {
      const page = await session.context.newPage();
      await page.goto(server.url('/seed.html'));
      const at = await nameCenter(page, 'Han So Hee', 1);
      await page.touchscreen.tap(at.x, at.y);
      await expect.poll(() => cardText(page), { timeout: 1500 }).toContain('Han So-hee');
      await page.touchscreen.tap(1080, 780);
      await expect.poll(() => cardText(page)).toBeNull();
    } finally {
      await session.close();
    }
  });
});

// Firefox ESR and this Chromium both have CSS.highlights.highlightsFromPoint, so the hit test's
// fallback (the caret position at the point, then the painted names in that text node, in
// lib/page/names/name-hit-test.ts) would run nowhere: switch the API off in Chromium once.
describe('hover card without highlightsFromPoint (Chromium with the Blink feature off)', () => {
  it('finds the name under the pointer through the caret fallback', async () => {
    const session = await launchWithExtension({ browser: 'chromium', disableBlinkFeatures: ['HighlightsFromPoint'] });
    try {
      const page = await session.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(server.url('/seed.html'));
      expect(
        await page.evaluate(() => typeof (CSS.highlights as { highlightsFromPoint?: unknown }).highlightsFromPoint),
      ).toBe('undefined');
      await hover(page, 'Han So Hee', { nth: 1 });
      await expect.poll(() => cardText(page), { timeout: 3000 }).toContain('Han So-hee');
      // Off the name, onto plain text of the same paragraph: the card goes.
      await page.mouse.move(1090, 790, { steps: 2 });
      await expect.poll(() => cardText(page), { timeout: 2000 }).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
