/// <reference types="chrome" />
// The toolbar popup and the badge, with the built extension in Chromium. The popup is opened as
// a page of its own at `popup.html?tabId=N` (the documented seam), N being the tab it reports on.
// Opened so, it gets no `activeTab` grant (that comes with a click on the toolbar button), and
// Dramalens has no `tabs` permission: it learns the tab's URL from the engine in the tab's top
// frame, which a real popup does only where the browser gave no URL.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { highlightTexts, launchWithExtension, pinNow, screenshot } from '../../scripts/browser/harness';
import { tabIdOf as tabIdOfPage } from '../../scripts/browser/tab-id';
import { pageRoutes } from '../../scripts/browser/pages';
import { axeViolations } from './axe';
import { useExtensionSuite } from './suite';

const html = (body: string) => async (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fixture</title></head><body>${body}</body></html>`,
  );
  return true;
};

// Pages for the frame tests: a name only the top frame has, and names only frames have.
const popupRoutes = {
  ...pageRoutes,
  '/framed.html': html('<p>Song Kang on the top page.</p><iframe id="frame" src="/frame-a.html"></iframe>'),
  '/frame-a.html': html('<p>Lee Ho-jung in a frame.</p>'),
  '/frame-b.html': html('<p>Han So-hee in a frame.</p>'),
};

const suite = useExtensionSuite(popupRoutes);
afterEach(async () => {
  await pinNow(suite.session, null);
});

async function openSite(pathname: string): Promise<Page> {
  const page = await suite.newPage();
  await page.goto(suite.server.url(pathname));
  return page;
}

const actors = (page: Page) => highlightTexts(page, 'dramalens-actor');
const waitForHighlights = (page: Page) => expect.poll(() => actors(page), { timeout: 5000 }).not.toHaveLength(0);

const tabIdOf = (page: Page, ctx = suite.session) => tabIdOfPage(ctx, page);

async function openPopup(tabId: number, ctx = suite.session): Promise<{ popup: Page; errors: string[] }> {
  const { page: popup, errors } =
    ctx === suite.session
      ? await suite.openExtensionPage(`popup.html?tabId=${tabId}`)
      : await ctx.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.locator('[data-ready]').waitFor();
  return { popup, errors };
}

const chipNames = (popup: Page) => popup.locator('.page-chip .page-chip-name').allTextContents();
const pageState = (popup: Page) => popup.locator('[aria-labelledby="page-heading"]').getAttribute('data-state');

async function badgeText(tabId: number): Promise<string> {
  const privileged = await suite.session.privileged();
  // MV3's action; Firefox's MV2 build has the browserAction.
  return privileged.evaluate(
    (id) =>
      (chrome.action ?? (chrome as unknown as { browserAction: typeof chrome.action }).browserAction).getBadgeText({
        tabId: id,
      }),
    tabId,
  );
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('On this page and the badge', () => {
  it('lists Nevertheless, Song Kang and Han So-hee with their news; the badge counts the names', async () => {
    const site = await openSite('/seed.html');
    await waitForHighlights(site);
    const tabId = await tabIdOf(site);
    const { popup, errors } = await openPopup(tabId);

    await expect
      .poll(() => chipNames(popup))
      .toEqual(expect.arrayContaining(['Nevertheless', 'Song Kang', 'Han So-hee']));
    const names = await chipNames(popup);
    // Most mentioned first: the seed articles are about these three.
    expect(names.slice(0, 3).sort()).toEqual(['Han So-hee', 'Nevertheless', 'Song Kang']);
    const counts = (await popup.locator('.page-chip-count').allTextContents()).map((t) => parseInt(t, 10));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await expect.poll(() => badgeText(tabId)).toBe(String(names.length));
    // The popup gets names and cards from the background; it never parses index.json itself.
    const fetched = await popup.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(fetched.filter((url) => url.endsWith('/index.json'))).toEqual([]);
    await screenshot(popup, 'popup-on-this-page');
    await expectNoAxeViolations(popup);

    // Nevertheless: the story two outlets reported shows both.
    await popup.locator('.page-chip[data-entity-id="nevertheless"]').click();
    const card = popup.locator('.entity-card[data-entity-id="nevertheless"]');
    await card.waitFor();
    const twoSources = card.locator('.news-card[data-story-id="story-ibtimes-sg-nevertheless-off-screen"]');
    await expect.poll(() => twoSources.textContent()).toContain('2 sources');
    expect(await twoSources.textContent()).toContain('IBTimes Singapore');
    expect(await twoSources.locator('.news-sources a').allTextContents()).toEqual(['Soompi']);
    expect(await card.locator('.news-card').count()).toBe(3);
    expect(await card.textContent()).toContain('Finished');
    await screenshot(popup, 'popup-card-nevertheless');
    await expectNoAxeViolations(popup);

    // Back, then Song Kang: a person's card with filmography and his stories.
    await popup.getByRole('button', { name: /Back/ }).click();
    await popup.locator('.page-chip[data-entity-id="song-kang"]').click();
    const songKang = popup.locator('.entity-card[data-entity-id="song-kang"]');
    await songKang.waitFor();
    expect(await songKang.locator('.filmography [data-drama-id="nevertheless"]').count()).toBe(1);
    expect(await songKang.locator('.news-card').first().getAttribute('data-story-id')).toBe(
      'story-ibtimes-sg-nevertheless-off-screen',
    );
    expect(await songKang.locator('.news-card .news-outlet').allTextContents()).toContain('Annyeong Oppa');

    // A cast chip inside the card opens that person; Back returns to the previous card.
    await popup.getByRole('button', { name: /Back/ }).click();
    await popup.locator('.page-chip[data-entity-id="han-so-hee"]').click();
    const hanSoHee = popup.locator('.entity-card[data-entity-id="han-so-hee"]');
    await hanSoHee.waitFor();
    const myName = hanSoHee.locator('.news-card[data-story-id="story-kdramapal-my-name-cast-confirmed"]');
    expect(await myName.textContent()).toContain('2 sources');
    await screenshot(popup, 'popup-card-han-so-hee');
    await hanSoHee.locator('.filmography button', { hasText: 'My Name' }).click();
    await popup.locator('.entity-card[data-entity-id="my-name"]').waitFor();
    await popup.getByRole('button', { name: 'Back to Han So-hee' }).click();
    await hanSoHee.waitFor();
    expect(errors).toEqual([]);
  });

  it('keeps the names when the background restarts (the worker stopped, the page reloaded)', async () => {
    const site = await openSite('/seed.html');
    await waitForHighlights(site);
    const tabId = await tabIdOf(site);
    await expect.poll(() => badgeText(tabId)).not.toBe('');
    const before = await (await openPopup(tabId)).popup.locator('.page-chip').count();
    expect(before).toBeGreaterThanOrEqual(3);

    await backgroundProbe('old background');
    await suite.session.restartBackground(site);

    const { popup } = await openPopup(tabId);
    await expect
      .poll(() => chipNames(popup))
      .toEqual(expect.arrayContaining(['Nevertheless', 'Song Kang', 'Han So-hee']));
    expect(await popup.locator('.page-chip').count()).toBe(before);
    // The popup's message reached a new background: a new JavaScript context, without the probe.
    expect(await backgroundProbe()).toBeUndefined();
    await screenshot(popup, 'popup-after-worker-restart');
  });

  it('forgets the names when the tab navigates, but not on a #fragment jump', async () => {
    const site = await openSite('/seed.html');
    await waitForHighlights(site);
    const tabId = await tabIdOf(site);
    await expect.poll(() => badgeText(tabId)).not.toBe('');

    await site.evaluate(() => (location.hash = 'comments'));
    await site.waitForTimeout(300);
    expect(await chipNames((await openPopup(tabId)).popup)).toContain('Song Kang');

    // A page no content script runs in: only navigation handling can clear the tab.
    await site.goto('data:text/html,<p>Song Kang</p>');
    const worker = await suite.session.privileged();
    // The tab's names are forgotten (it keeps only the note that a page loaded there).
    await expect
      .poll(() => worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId))
      .toMatchObject({ frames: {}, loaded: true });
    expect(await badgeText(tabId)).toBe('');
    const restricted = (await openPopup(tabId)).popup;
    expect(await pageState(restricted)).toBe('restricted');
    await screenshot(restricted, 'popup-restricted-page');

    // Back to a web page without names.
    await site.goto(suite.server.url('/adverb.html'));
    const { popup } = await openPopup(tabId);
    await expect.poll(() => pageState(popup)).toBe('none');
    expect(await popup.locator('.page-chip').count()).toBe(0);
    expect(await badgeText(tabId)).toBe('');
    await screenshot(popup, 'popup-no-names');
    await expectNoAxeViolations(popup);
  });

  it('adds up every frame, replaces a frame’s names when it navigates, and never doubles on reload', async () => {
    const site = await openSite('/framed.html');
    const tabId = await tabIdOf(site);
    const { popup } = await openPopup(tabId);
    await expect.poll(() => chipNames(popup)).toEqual(expect.arrayContaining(['Song Kang', 'Lee Ho-jung']));
    await expect.poll(() => badgeText(tabId)).toBe('2');

    // The popup follows the tab live.
    await site.evaluate(() => ((document.getElementById('frame') as HTMLIFrameElement).src = '/frame-b.html'));
    await expect.poll(() => chipNames(popup)).toEqual(expect.arrayContaining(['Song Kang', 'Han So-hee']));
    expect(await chipNames(popup)).not.toContain('Lee Ho-jung');

    await site.reload();
    await site.waitForTimeout(1000);
    await expect.poll(() => chipNames(popup)).toEqual(expect.arrayContaining(['Song Kang', 'Lee Ho-jung']));
    expect((await chipNames(popup)).sort()).toEqual(['Lee Ho-jung', 'Song Kang']);
    expect(await popup.locator('.page-chip-count').allTextContents()).toEqual(['1 mention', '1 mention']);
    expect(await badgeText(tabId)).toBe('2');
  });
});

describe('switching Dramalens off', () => {
  it('“Turn off on this site” removes the open tab’s highlights live; “Turn on here” brings them back', async () => {
    const site = await openSite('/seed.html');
    await waitForHighlights(site);
    const tabId = await tabIdOf(site);
    const { popup } = await openPopup(tabId);
    await popup.locator('[data-action="turn-off-site"]').click();
    await expect.poll(() => actors(site)).toHaveLength(0);
    await expect.poll(() => pageState(popup)).toBe('off-here');
    await expect.poll(() => badgeText(tabId)).toBe('');
    expect(await popup.locator('[aria-labelledby="page-heading"]').textContent()).toContain('127.0.0.1');
    await screenshot(popup, 'popup-off-on-site');
    await expectNoAxeViolations(popup);

    await popup.getByRole('button', { name: 'Turn on here' }).click();
    await waitForHighlights(site);
    await expect.poll(() => pageState(popup)).toBe('names');
  });

  it('explains that Dramalens is off everywhere, with the way to turn it on', async () => {
    const site = await openSite('/seed.html');
    await waitForHighlights(site);
    await (await suite.session.privileged()).evaluate(() => chrome.storage.sync.set({ enabled: false }));
    await expect.poll(() => actors(site)).toHaveLength(0);
    const { popup } = await openPopup(await tabIdOf(site));
    expect(await pageState(popup)).toBe('off-everywhere');
    expect(await popup.getByRole('button', { name: 'Open settings to turn it on' }).count()).toBe(1);
    await screenshot(popup, 'popup-off-everywhere');
    await expectNoAxeViolations(popup);
  });
});

describe('search', () => {
  it('finds romanised, Hangul and misspelt names, and works from the keyboard', async () => {
    const site = await openSite('/seed.html');
    const { popup, errors } = await openPopup(await tabIdOf(site));
    const input = popup.getByRole('combobox');
    // The search box has the focus as soon as the popup opens.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    const firstResult = () => popup.locator('.result').first().getAttribute('data-entity-id');

    for (const [query, expected] of [
      ['han sohee', 'han-so-hee'],
      ['한소희', 'han-so-hee'],
      ['nevertheles', 'nevertheless'],
      ['nevertehless', 'nevertheless'],
      ['hotel del lune', 'hotel-del-luna'],
    ] as const) {
      await input.fill('');
      await input.pressSequentially(query);
      await expect.poll(firstResult, { message: query }).toBe(expected);
    }

    // Typing "han sohee" key by key, with the arrow keys and Enter.
    await input.fill('');
    await input.pressSequentially('song ka');
    await expect.poll(() => popup.locator('.result').count()).toBeGreaterThanOrEqual(2);
    await screenshot(popup, 'popup-search');
    await expectNoAxeViolations(popup);
    expect(await popup.locator('.result').nth(0).getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowDown');
    expect(await popup.locator('.result').nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-result-1');
    await input.press('ArrowUp');
    await input.press('Enter');
    await popup.locator('.entity-card[data-entity-id="song-kang"]').waitFor();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('.result').count()).toBeGreaterThanOrEqual(2);
    await popup.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    expect(await pageState(popup)).not.toBeNull();

    await input.pressSequentially('zzzzzz');
    await expect.poll(() => popup.locator('[aria-labelledby="results-heading"]').textContent()).toContain('No drama');
    expect(errors).toEqual([]);
  });
});

/** Follows dramas the way the options page stores them (settings version 3). */
async function follow(list: string) {
  const worker = await suite.session.privileged();
  await worker.evaluate((followList) => chrome.storage.sync.set({ follows: { list: followList, overflow: 0 } }), list);
}

describe('Airing next and this week in Korea', () => {
  it('lists followed dramas with the next episode and countdown, and the whole catalog’s week in Korea', async () => {
    // Thursday 1 July 2021, noon in Seoul: episode 3 airs Saturday 3 July at 23:00 KST.
    await pinNow(suite.session, '2021-07-01T03:00:00Z');
    await follow('hospital-playlist-2:w:2,nevertheless:w:2');
    const site = await openSite('/seed.html');
    const { popup } = await openPopup(await tabIdOf(site));
    const airing = popup.locator('[data-section="airing"]');
    const row = airing.locator('.airing-row[data-drama-id="nevertheless"]');
    await row.waitFor();
    // Rows come soonest first: Hospital Playlist 2 airs that Thursday evening, before Nevertheless.
    const order = await airing
      .locator('.airing-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-drama-id')));
    expect(order).toEqual(['hospital-playlist-2', 'nevertheless']);
    const text = await row.textContent();
    expect(text).toContain('Ep 3');
    expect(text).toContain('in 2d 11h');
    expect(text).toContain('11:00 PM');
    // This week in Korea: not only the followed dramas.
    const week = popup.locator('[data-section="week"] .airing-row');
    await expect.poll(() => week.count()).toBeGreaterThan(2);
    const weekIds = await week.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-drama-id')));
    expect(weekIds).toEqual(expect.arrayContaining(['nevertheless', 'hospital-playlist-2']));
    expect(weekIds.some((id) => !order.includes(id))).toBe(true);
    await screenshot(popup, 'popup-airing-next');
    await expectNoAxeViolations(popup);
  });

  it('says so plainly when none of the followed dramas is airing', async () => {
    await pinNow(suite.session, '2030-01-01T00:00:00Z');
    const site = await openSite('/adverb.html');
    const { popup } = await openPopup(await tabIdOf(site));
    expect(await popup.locator('[aria-labelledby="airing-heading"]').textContent()).toContain(
      'None of the dramas you follow is on air',
    );
    expect(await popup.locator('[aria-labelledby="week-heading"]').textContent()).toContain(
      'No drama in the index airs in Korea this week',
    );
  });

  it('following from the popup’s card puts the drama in "Airing next" at once', async () => {
    await pinNow(suite.session, '2021-07-01T03:00:00Z');
    const site = await openSite('/seed.html');
    const { popup } = await openPopup(await tabIdOf(site));
    expect(await popup.locator('[data-section="airing"] .airing-row').count()).toBe(0);
    await popup.locator('[data-section="week"] .airing-row[data-drama-id="nevertheless"] .airing-title').click();
    await popup.getByLabel('Your status for Nevertheless').selectOption('plan');
    await expect
      .poll(async () => (await suite.session.privileged()).evaluate(() => chrome.storage.sync.get('follows')))
      .toEqual({ follows: { list: 'nevertheless:p', overflow: 0 } });
    await popup.keyboard.press('Escape');
    await expect
      .poll(() => popup.locator('[data-section="airing"] .airing-row[data-drama-id="nevertheless"]').count())
      .toBe(1);
  });
});

describe('spoiler-safe news in the popup’s card', () => {
  it('hides stories about episodes after the last one watched, one click to show', async () => {
    await follow('jeongnyeon-the-star-is-born:w:3');
    const site = await openSite('/seed.html');
    const { popup } = await openPopup(await tabIdOf(site));
    await popup.getByRole('combobox').pressSequentially('jeongnyeon');
    await expect
      .poll(() => popup.locator('.result').first().getAttribute('data-entity-id'))
      .toBe('jeongnyeon-the-star-is-born');
    await popup.getByRole('combobox').press('Enter');
    const card = popup.locator('.entity-card[data-entity-id="jeongnyeon-the-star-is-born"]');
    await card.waitFor();
    const note = card.getByTestId('spoiler-note');
    await expect.poll(() => note.textContent()).toMatch(/^\d+ stories hidden: after episode 3\./);
    const stories = card.locator('[data-story-id]');
    const before = await stories.count();
    await screenshot(popup, 'popup-card-spoiler-safe');
    await note.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => stories.count()).toBeGreaterThan(before);
  });
});

describe('dark mode', () => {
  it('renders the overview and a card in dark colours without accessibility violations', async () => {
    const dark = await launchWithExtension({ colorScheme: 'dark', timeZone: 'America/New_York' });
    try {
      await pinNow(dark, '2021-07-01T03:00:00Z');
      const site = await dark.context.newPage();
      await site.goto(suite.server.url('/seed.html'));
      await waitForHighlights(site);
      const { popup } = await openPopup(await tabIdOf(site, dark), dark);
      await expect.poll(() => popup.locator('.page-chip').count()).toBeGreaterThanOrEqual(3);
      const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(23, 22, 28)');
      // New York is 13 hours behind Seoul: the local time comes first, KST beside it.
      expect(
        await popup.locator('[data-section="week"] .airing-row[data-drama-id="nevertheless"]').textContent(),
      ).toContain('10:00 AM');
      await screenshot(popup, 'popup-dark');
      await expectNoAxeViolations(popup);
      await popup.locator('.page-chip[data-entity-id="nevertheless"]').click();
      await popup.locator('.entity-card').waitFor();
      await screenshot(popup, 'popup-dark-card');
      await expectNoAxeViolations(popup);
    } finally {
      await dark.close();
    }
  });
});

/** Sets (or reads) a global in the background's own context: Chromium's worker, Firefox's page. */
async function backgroundProbe(value?: string): Promise<string | undefined> {
  type Probed = { __probe?: string };
  if (suite.session.browser === 'chromium')
    return (await suite.session.serviceWorker()).evaluate(
      (v) => (v === undefined ? (globalThis as Probed).__probe : ((globalThis as Probed).__probe = v)),
      value,
    );
  return (await suite.session.privileged()).evaluate(async (v) => {
    const background = (await chrome.runtime.getBackgroundPage()) as unknown as Probed;
    return v === undefined ? background.__probe : (background.__probe = v);
  }, value);
}
