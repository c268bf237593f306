/// <reference types="chrome" />
// A 2025 drama from the catalog, as a reader meets it: JTBC's Good Boy named on a page (a
// made-up fixture text), its card with the real cast, air times and news, and the popup, with
// "now" pinned inside its run and the viewer in New York.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightTexts, pinNow, screenshot } from '../../scripts/browser/harness';
import { tabIdOf as tabIdOfPage } from '../../scripts/browser/tab-id';
import { useExtensionSuite } from './suite';

const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weekend K-dramas (fixture)</title><style>body{font:16px/1.5 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}</style></head><body>${body}</body></html>`,
  );
  return true;
};

const suite = useExtensionSuite(
  {
    '/weekend.html': html(
      '<h1>What to watch this weekend (fixture text)</h1>' +
        '<p>JTBC’s boxing drama “Good Boy” returns on Saturday night. Park Bo-gum plays a former boxing medallist turned police officer, next to Kim So-hyun and Oh Jung-se.</p>' +
        '<p>굿보이 3회는 토요일 밤에 방송된다.</p>',
    ),
    '/olympics.html': html(
      '<h1>Dramas on break this summer (fixture text)</h1>' +
        '<p>SBS’s legal drama “Good Partner”, starring Jang Na-ra and Nam Ji-hyun, pauses for the Olympics.</p>',
    ),
  },
  { timeZone: 'America/New_York' },
);

const tabIdOf = (page: Page) => tabIdOfPage(suite.session, page);

/** Rests the pointer on the first painted drama name. */
async function hoverFirstDrama(page: Page) {
  const at = await page.evaluate(() => {
    const [range] = [...CSS.highlights.get('dramalens-drama')!];
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const rect = live.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
}

describe('a 2025 drama from the catalog', () => {
  it('lights Good Boy and its cast, and its card has the cast, the next episode in New York time and KST, and news', async () => {
    // Thursday 5 June 2025, noon in Seoul: episodes 1 and 2 aired (31 May, 1 June); episode 3
    // airs Saturday 7 June at 22:40 KST, 09:40 in New York.
    await pinNow(suite.session, '2025-06-05T03:00:00Z');
    const { page, errors } = await suite.open('/weekend.html');
    await expect.poll(() => highlightTexts(page, 'dramalens-drama'), { timeout: 5000 }).toEqual(['Good Boy', '굿보이']);
    expect(await highlightTexts(page, 'dramalens-actor')).toEqual(['Park Bo-gum', 'Kim So-hyun', 'Oh Jung-se']);

    await hoverFirstDrama(page);
    const card = page.locator('dramalens-ui .hover-card');
    await expect.poll(() => card.textContent({ timeout: 200 }).catch(() => ''), { timeout: 4000 }).toContain('굿보이');
    const text = (await card.textContent())!;
    expect(text).toContain('JTBC');
    for (const name of ['Park Bo-gum', 'Kim So-hyun', 'Oh Jung-se', 'Lee Sang-yi']) expect(text).toContain(name);
    expect(text).toContain('Ep 3');
    expect(text).toContain('9:40 AM'); // New York
    expect(text).toContain('10:40 PM'); // KST
    expect(await card.locator('[data-story-id]').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'catalog-2025-card-good-boy');
    expect(errors).toEqual([]);

    const tabId = await tabIdOf(page);
    const { page: popup, errors: popupErrors } = await suite.session.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.locator('[data-ready]').waitFor();
    await expect
      .poll(() => popup.locator('.page-chip .page-chip-name').allTextContents())
      .toEqual(expect.arrayContaining(['Good Boy', 'Park Bo-gum', 'Kim So-hyun']));
    const row = popup.locator('.airing-row[data-drama-id="good-boy"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Ep 3');
    await screenshot(popup, 'catalog-2025-popup');
    expect(popupErrors).toEqual([]);
    await pinNow(suite.session, null);
  });

  it('a drama on a stated break: the card numbers the next episode after the skipped weeks and says why', async () => {
    // Saturday 27 July 2024, noon in Seoul: episode 5 aired on the 26th; SBS skipped Good
    // Partner's slots from 27 July to 10 August for the Paris Olympics (data/dramas/good-partner.yaml).
    await pinNow(suite.session, '2024-07-27T03:00:00Z');
    const { page, errors } = await suite.open('/olympics.html');
    await expect.poll(() => highlightTexts(page, 'dramalens-drama'), { timeout: 5000 }).toEqual(['Good Partner']);
    await hoverFirstDrama(page);
    const card = page.locator('dramalens-ui .hover-card');
    await expect
      .poll(() => card.textContent({ timeout: 200 }).catch(() => ''), { timeout: 4000 })
      .toContain('굿파트너');
    const air = (await card.locator('.air').first().textContent())!;
    expect(air).toContain('Ep 6'); // not episode 6 on 27 July: the next one after the break
    expect(air).toContain('10:00 PM KST');
    expect(air).toMatch(/Aug(ust)? 16|16 Aug/);
    expect(air).toMatch(/No episode .*(Jul(y)? 27|27 Jul).*Paris Olympics/);
    await screenshot(page, 'catalog-card-stated-break');
    expect(errors).toEqual([]);
    await pinNow(suite.session, null);
  });
});
