/// <reference types="chrome" />
// The extension in a browser set to Korean (Chromium `--lang=ko`, Firefox with its Korean
// language pack): the popup, the options page and the hover card speak Korean. Asserted from the
// catalogues themselves, whatever their keys: the Korean messages of a surface are on screen and
// none of its English ones is (data, i.e. titles, names, outlets and our English news summaries,
// stays as it is and is left out of the comparison). Screenshots: korean-popup, korean-options,
// korean-card.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightTexts, pinNow, screenshot } from '../../scripts/browser/harness';
import { pageRoutes } from '../../scripts/browser/pages';
import { tabIdOf } from '../../scripts/browser/tab-id';
import { loadCatalogue } from '../../scripts/i18n/catalogue';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite(pageRoutes, { lang: 'ko' });
const [english, korean] = await Promise.all([loadCatalogue('en'), loadCatalogue('ko')]);

/** Data, not UI: what a card or list shows from the index as it is. */
const DATA =
  '.card-title, .chip, .news-summary, .news-headline, .news-outlet, .news-sources a, .filmography-title, .hangul, [data-testid="data"]';

/** The text a reader sees in `root` (a selector; the first match), data left out. */
function visibleUiText(page: Page, root: string): Promise<string> {
  return page.evaluate(
    ([selector, data]) => {
      const found =
        document.querySelector(selector) ?? document.querySelector('dramalens-ui')?.shadowRoot?.querySelector(selector);
      if (!found) return '';
      const copy = found.cloneNode(true) as Element;
      for (const el of copy.querySelectorAll(data)) el.remove();
      // Form controls' labels count: option texts and placeholders are read too.
      const extra = [...found.querySelectorAll('[placeholder], [aria-label], [title]')].map((el) =>
        [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('title')].join(' '),
      );
      return `${copy.textContent ?? ''} ${extra.join(' ')}`.replace(/\s+/g, ' ');
    },
    [root, DATA] as const,
  );
}

/** The fixed words of each message of `section` (what is left between its $1, $2…), long enough to be telling. */
function fragments(
  getMessage: (key: string) => string,
  keys: string[],
  section: string,
  min: number,
): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const key of keys.filter((k) => k.startsWith(`${section}_`))) {
    const parts = getMessage(key)
      .split(/\$\d| \| /)
      .map((p) => p.replace(/^[\s:,.·()]+|[\s:,.·()…]+$/g, ''))
      .filter((p) => p.length >= min);
    byKey.set(key, parts);
  }
  return byKey;
}

/** English fragments of `sections` found in `text`, unless the Korean message has the same words (e.g. "KST"). */
function englishOnScreen(text: string, sections: string[]): string[] {
  const found: string[] = [];
  for (const section of sections) {
    for (const [key, parts] of fragments((k) => english.getMessage(k), english.keys, section, 5)) {
      const ko = korean.getMessage(key);
      for (const part of parts) {
        if (ko.includes(part)) continue;
        if (new RegExp(`(^|[^A-Za-z])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(text))
          found.push(`${key}: ${part}`);
      }
    }
  }
  return found;
}

/** Korean messages of `sections` whose fixed words are all on screen. */
function koreanOnScreen(text: string, sections: string[]): string[] {
  const seen: string[] = [];
  for (const section of sections)
    for (const [key, parts] of fragments((k) => korean.getMessage(k), korean.keys, section, 2))
      if (parts.length > 0 && parts.every((p) => text.includes(p))) seen.push(key);
  return seen;
}

async function seedPageWithNames(): Promise<Page> {
  const page = await suite.newPage();
  await page.goto(suite.server.url('/seed.html'));
  await expect.poll(() => highlightTexts(page, 'dramalens-drama'), { timeout: 8000 }).toContain('Nevertheless');
  return page;
}

describe('in Korean', () => {
  it('the popup: its headings, lists and search in Korean', async () => {
    await pinNow(suite.session, '2021-07-01T12:00:00+09:00');
    try {
      const site = await seedPageWithNames();
      const { page: popup } = await suite.openExtensionPage(`popup.html?tabId=${await tabIdOf(suite.session, site)}`);
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.locator('[data-ready]').waitFor();
      await expect.poll(() => popup.locator('.page-chip').count()).toBeGreaterThan(2);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ko');
      const text = await visibleUiText(popup, 'body');
      expect(englishOnScreen(text, ['popup', 'time'])).toEqual([]);
      expect(koreanOnScreen(text, ['popup']).length).toBeGreaterThanOrEqual(4);
      await screenshot(popup, 'korean-popup');
    } finally {
      await pinNow(suite.session, null);
    }
  });

  it('the options page: every section in Korean', async () => {
    const { page } = await suite.openExtensionPage('options.html');
    await page.setViewportSize({ width: 1000, height: 2400 });
    await expect.poll(() => page.locator('[data-drama-id]').count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    const text = await visibleUiText(page, 'body');
    expect(englishOnScreen(text, ['options', 'time'])).toEqual([]);
    expect(koreanOnScreen(text, ['options']).length).toBeGreaterThanOrEqual(15);
    await screenshot(page, 'korean-options');
  });

  it('the hover card: air time, countdown and sections in Korean', async () => {
    await pinNow(suite.session, '2021-07-01T12:00:00+09:00');
    try {
      const page = await seedPageWithNames();
      const at = await page.evaluate(() => {
        const range = [...CSS.highlights.get('dramalens-drama')!].find((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString() === 'Nevertheless';
        })!;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        live.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = live.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await page.mouse.move(at.x, at.y);
      const card = page.locator('dramalens-ui .hover-card');
      await expect
        .poll(() => card.textContent({ timeout: 200 }).catch(() => null), { timeout: 5000 })
        .toContain('알고있지만');
      const text = await visibleUiText(page, '.hover-card');
      // Episode 3 on Saturday 3 July 2021 at 23:00 KST, two days and eleven hours away.
      expect(text).toContain('2일 11시간 후');
      expect(text).toMatch(/2021년 7월 3일 \(토\)/);
      expect(englishOnScreen(text, ['card', 'time'])).toEqual([]);
      expect(koreanOnScreen(text, ['card']).length).toBeGreaterThanOrEqual(3);
      await screenshot(page, 'korean-card');
    } finally {
      await pinNow(suite.session, null);
    }
  });
});
