/// <reference types="chrome" />
// The options page in real Chromium with the built extension: changes apply to open tabs live,
// import/export, keyboard-only use, axe, and screenshots in light and dark.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSER,
  highlightTexts,
  launchWithExtension,
  ROOT,
  screenshot,
  screenshotPath,
} from '../../scripts/browser/harness';
import { pageRoutes } from '../../scripts/browser/pages';
import { axeViolations } from './axe';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite(pageRoutes);

async function openSeedPage(): Promise<Page> {
  const page = await suite.newPage();
  await page.goto(suite.server.url('/seed.html'));
  await expect.poll(() => highlightTexts(page, 'dramalens-actor'), { timeout: 5000 }).not.toHaveLength(0);
  return page;
}

async function openOptions(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await suite.openExtensionPage('options.html');
  await page.locator('[data-drama-id]').first().waitFor();
  return { page, errors };
}

/** Axe over the whole page, and its screenshots, in one colour scheme. */
async function checkLooks(page: Page, scheme: 'light' | 'dark') {
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  expect(await axeViolations(page)).toEqual([]);
  // Axe scrolls to what it checks.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `options-${scheme}`);
  // The colour presets up close, painted by the content stylesheet on light and dark samples.
  await page.locator('#highlighting').screenshot({ path: screenshotPath(`options-highlighting-${scheme}`) });
}

const syncStorage = async () => (await suite.session.privileged()).evaluate(() => chrome.storage.sync.get(null));
const dramas = (page: Page) => highlightTexts(page, 'dramalens-drama');
const actors = (page: Page) => highlightTexts(page, 'dramalens-actor');

/** Resolves in the seed page, with Date.now(), once `done` holds for its highlights. */
function whenInPage(page: Page, condition: 'nevertheless-gone') {
  return page.evaluate(
    (which) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const painted = [...(CSS.highlights.get('dramalens-drama') ?? [])].map((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString();
          });
          if (which === 'nevertheless-gone' && !painted.includes('Nevertheless')) resolve(Date.now());
          else setTimeout(check, 2);
        };
        check();
      }),
    condition,
  );
}

describe('the options page', () => {
  it('lists the catalog search-first, a page at a time, in light and dark, with no axe violations', async () => {
    const { page, errors } = await openOptions();
    const rows = page.locator('tbody [data-drama-id]');
    // Hundreds of curated dramas: the first page of rows, the rest one click away.
    await expect.poll(() => rows.count()).toBe(40);
    expect(await page.getByTestId('drama-counts').textContent()).toMatch(
      /^(\d{3,}) dramas · showing the first 40 · 0 followed/,
    );
    await page.getByRole('button', { name: /^Show 40 more/ }).click();
    await expect.poll(() => rows.count()).toBe(80);
    await page.getByRole('searchbox').fill('nevertheless');
    const row = page.locator('[data-drama-id="nevertheless"]');
    await expect.poll(() => row.textContent()).toMatch(/Nevertheless.*알고있지만.*JTBC.*2021.*Finished/);
    await page.getByRole('searchbox').fill('');
    for (const scheme of ['light', 'dark'] as const) {
      // Firefox ESR cannot switch the scheme of a running browser over BiDi: its dark pass is
      // the next test, in a browser launched dark.
      if (BROWSER === 'firefox' && scheme === 'dark') break;
      if (BROWSER === 'chromium') await page.emulateMedia({ colorScheme: scheme });
      await checkLooks(page, scheme);
    }
    // Firefox ESR 153 crashes its extension process (a null dereference in libxul, in dmesg) when
    // a <select> changes in a page axe has checked: there the catalog switch gets a page of its own.
    const listPage = BROWSER === 'firefox' ? (await openOptions()).page : page;
    // The curated catalog first; the 2000–2020 Korean Wikipedia tier is one choice away.
    await listPage.getByLabel('Catalog').selectOption('imported');
    await expect.poll(() => listPage.getByTestId('drama-counts').textContent()).toMatch(/^(1,?\d{3}) dramas/);
    expect(await listPage.locator('tbody [data-drama-id]:not([data-drama-id^="db-"])').count()).toBe(0);
    await listPage.getByLabel('Catalog').selectOption('curated');
    expect(errors).toEqual([]);
  });

  if (BROWSER === 'firefox') {
    it('in dark mode (a browser launched dark) has no axe violations', async () => {
      const dark = await launchWithExtension({ colorScheme: 'dark' });
      try {
        const { page, errors } = await dark.openExtensionPage('options.html');
        await page.locator('[data-drama-id]').first().waitFor();
        await checkLooks(page, 'dark');
        expect(errors).toEqual([]);
      } finally {
        await dark.close();
      }
    });
  }

  it('searches every drama of both catalogs (1,600+) by title, Hangul, actor and network', async () => {
    const { page } = await openOptions();
    await page.getByLabel('Catalog').selectOption('all');
    const counts = page.getByTestId('drama-counts');
    await expect.poll(async () => Number((await counts.textContent())!.match(/^(\d+)/)![1])).toBeGreaterThan(1600);
    const rows = page.locator('tbody [data-drama-id]');
    const search = page.getByRole('searchbox');
    await search.fill('호텔델루나');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Hotel del Luna')]);
    // An actor's name finds their dramas (cast search), in any spelling spacing.
    await search.fill('han so-hee');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-drama-id="nevertheless"]').count()).toBe(1);
    await search.fill('');
    await page.getByLabel('Network').selectOption('JTBC');
    await page.getByLabel('Year').selectOption('2021');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/JTBC · 2021/);
  });

  it('muting Nevertheless clears its highlights in an open tab; its actors stay lit', async () => {
    const seed = await openSeedPage();
    expect(await dramas(seed)).toContain('Nevertheless');
    const { page } = await openOptions();
    await page.getByRole('searchbox').fill('nevertheless');
    await page.evaluate(() =>
      document.addEventListener('click', () => ((window as { changedAt?: number }).changedAt = Date.now()), {
        capture: true,
      }),
    );
    const gone = whenInPage(seed, 'nevertheless-gone');
    await page.getByRole('button', { name: 'Mute Nevertheless' }).click();
    const changedAt = await page.evaluate(() => (window as { changedAt?: number }).changedAt!);
    const elapsed = (await gone) - changedAt;
    expect(await actors(seed)).toEqual(expect.arrayContaining(['Song Kang', 'Han So Hee', 'Yoon Seo Ah']));
    expect(await dramas(seed)).toContain('Hotel Del Luna');
    expect((await syncStorage()).muted).toEqual({ list: 'd:nevertheless', overflow: 0 });
    console.info(`options → seed page: Nevertheless cleared ${elapsed} ms after the click`);
    // The Muted view lists it; unmuting brings it back.
    await page.getByRole('button', { name: /^Muted \(1\)/ }).click();
    await page.getByRole('button', { name: 'Muted Nevertheless' }).click();
    await expect.poll(() => dramas(seed)).toContain('Nevertheless');
    // An actor is muted here too, found by any spelling, and unmuted from the list.
    await page.getByLabel('Mute an actor').fill('송강');
    await page.locator('.mute-actor-results [data-person-id="song-kang"]').getByRole('button').click();
    await expect.poll(() => actors(seed)).not.toContain('Song Kang');
    expect(await actors(seed)).toContain('Han So Hee');
    await screenshot(page, 'options-muted');
    await page.getByRole('button', { name: 'Unmute Song Kang' }).click();
    await expect.poll(() => actors(seed)).toContain('Song Kang');
  });

  it('follows a drama with a status and progress in place, groups My dramas by status, and can light only them', async () => {
    const seed = await openSeedPage();
    const { page } = await openOptions();
    const search = page.getByRole('searchbox');
    await search.fill('nevertheless');
    await page.getByLabel('My status for Nevertheless').selectOption('watching');
    const progress = page.getByLabel('Episodes of Nevertheless watched');
    await progress.fill('6');
    await progress.press('Tab');
    await expect.poll(async () => (await syncStorage()).follows).toEqual({ list: 'nevertheless:w:6', overflow: 0 });
    await search.fill('hotel del luna');
    await page.getByLabel('My status for Hotel del Luna').selectOption('completed');
    await search.fill('');
    await page.getByRole('button', { name: /^My dramas \(2\)/ }).click();
    const groups = page.locator('tbody .group-row');
    await expect.poll(() => groups.allTextContents()).toEqual(['Watching (1)', 'Completed (1)']);
    expect(
      await page
        .locator('tbody [data-drama-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-drama-id'))),
    ).toEqual(['nevertheless', 'hotel-del-luna']);
    await screenshot(page, 'options-my-dramas');
    // Only followed dramas and their cast: My Mister (not followed) goes dark on the open page.
    expect(await dramas(seed)).toContain('My Mister');
    await page.getByRole('radio', { name: 'Only dramas I follow and their cast' }).check();
    await expect.poll(async () => (await syncStorage()).highlightScope).toBe('followed');
    await expect.poll(() => dramas(seed)).not.toContain('My Mister');
    expect(await dramas(seed)).toEqual(expect.arrayContaining(['Nevertheless', 'Hotel Del Luna']));
    expect(await actors(seed)).toContain('Song Kang');
    await page.getByRole('radio', { name: /Every drama and actor/ }).check();
    await expect.poll(() => dramas(seed)).toContain('My Mister');
    // Unfollow: status back to "Not following".
    await page.getByLabel('My status for Hotel del Luna').selectOption('');
    await expect.poll(async () => (await syncStorage()).follows).toEqual({ list: 'nevertheless:w:6', overflow: 0 });
  });

  it('turns highlighting off and on', async () => {
    const seed = await openSeedPage();
    const { page } = await openOptions();
    const toggle = page.getByRole('switch', { name: /Highlight drama titles and actors/ });
    await toggle.uncheck();
    await expect.poll(() => actors(seed)).toHaveLength(0);
    expect(await dramas(seed)).toHaveLength(0);
    await toggle.check();
    await expect.poll(() => actors(seed)).not.toHaveLength(0);
  });

  it('switching the colour preset repaints open tabs with the new highlight name', async () => {
    const seed = await openSeedPage();
    const { page } = await openOptions();
    await page.getByRole('radio', { name: 'Rose' }).check();
    await expect.poll(() => highlightTexts(seed, 'dramalens-drama-rose')).toContain('Nevertheless');
    expect(await highlightTexts(seed, 'dramalens-drama-amber')).toEqual([]);
    await page.getByRole('radio', { name: 'Slate' }).check();
    await expect.poll(() => highlightTexts(seed, 'dramalens-actor-slate')).toContain('Song Kang');
  });

  it('adds a site to the off list (that tab clears), explains a bad pattern, and removes it', async () => {
    const seed = await openSeedPage();
    const { page } = await openOptions();
    const site = page.getByRole('textbox', { name: 'Site' });
    await site.fill('chrome://extensions');
    await site.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/only runs on web pages/);
    expect(await site.getAttribute('aria-invalid')).toBe('true');
    await site.fill('exa mple.com');
    await page.getByRole('button', { name: 'Switch off here' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not a site name/);
    await site.fill(suite.server.url('/seed.html')); // a pasted address: its site is kept
    await site.press('Enter');
    await expect.poll(() => actors(seed)).toHaveLength(0);
    expect(await dramas(seed)).toHaveLength(0);
    expect(await page.locator('[data-site]').allTextContents()).toEqual([expect.stringContaining('127.0.0.1')]);
    expect((await syncStorage()).disabledSites).toEqual(['127.0.0.1']);
    await page.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => actors(seed)).not.toHaveLength(0);
  });

  it('shows the hover-card shortcut and opens the browser’s shortcut page', async () => {
    const { page } = await openOptions();
    const worker = await suite.session.privileged();
    const expected = await worker.evaluate(
      async () => (await chrome.commands.getAll()).find((c) => c.name === 'open-card')?.shortcut ?? '',
    );
    const line = page.getByTestId('shortcut');
    if (expected) await expect.poll(() => line.textContent()).toContain(expected.split('+').join('+'));
    else await expect.poll(() => line.textContent()).toContain('no shortcut set');
    await page.getByRole('button', { name: /shortcuts/ }).click();
    // Read from the browser's side: without the `tabs` permission the extension sees no tab's URL.
    await expect
      .poll(() => suite.session.context.pages().map((p) => p.url()))
      .toContain(BROWSER === 'firefox' ? 'about:addons' : 'chrome://extensions/shortcuts');
  });

  it('works with the keyboard alone', async () => {
    const { page } = await openOptions();
    await page.keyboard.press('Tab'); // the first section link
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search')) && guard++ < 20) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('nevertheless');
    await expect.poll(() => page.locator('tbody [data-drama-id]').count()).toBe(1);
    // Tab on to the row's status, past the filters, and on to its Mute button.
    guard = 0;
    while (
      !(await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') === 'My status for Nevertheless',
      )) &&
      guard++ < 20
    ) {
      await page.keyboard.press('Tab');
    }
    const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusRing).not.toBe('none');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Mute/);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await syncStorage()).muted).toMatchObject({ list: 'd:nevertheless' });
    // Radio groups move with the arrow keys.
    await page.getByRole('radio', { name: 'Amber' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => ((await syncStorage()).display as { dramaColor: string })?.dramaColor).toBe('rose');
  });

  it('follows changes made elsewhere (popup, card, another device) live', async () => {
    const { page } = await openOptions();
    const worker = await suite.session.privileged();
    await worker.evaluate(() => chrome.storage.sync.set({ follows: { list: 'goblin:p', overflow: 0 } }));
    await expect.poll(() => page.getByTestId('drama-counts').textContent()).toMatch(/· 1 followed$/);
    await page.getByRole('searchbox').fill('goblin');
    expect(await page.getByLabel('My status for Goblin').inputValue()).toBe('plan');
  });

  it('says once that a corrupt setting was reset to its default', async () => {
    const worker = await suite.session.privileged();
    await worker.evaluate(() => chrome.storage.sync.set({ display: { hourCycle: 'sometimes' } }));
    const { page, errors } = await openOptions();
    const notice = page.getByTestId('unreadable-notice');
    await expect.poll(() => notice.textContent()).toMatch(/could not be read.*colours, hover delay and time format/);
    expect(await page.getByRole('radio', { name: 'Both' }).isChecked()).toBe(true); // the default
    await notice.getByRole('button', { name: 'OK' }).click();
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('export and import', () => {
  const importInput = (page: Page) => page.getByTestId('import-file');

  it('an invalid or foreign file shows a clear error and changes nothing', async () => {
    const { page } = await openOptions();
    await page.getByRole('searchbox').fill('goblin');
    await page.getByRole('button', { name: 'Mute Goblin' }).click();
    await expect.poll(async () => (await syncStorage()).muted).toMatchObject({ list: 'd:goblin' });
    const before = await syncStorage();
    const cases = [
      {
        name: 'broken.json',
        text: '{"format": "dramalens-settings", "version": 2, "items": {',
        error: /not valid JSON/,
      },
      { name: 'other.json', text: '{"theme":"dark"}', error: /not a Dramalens settings file/ },
      {
        name: 'bad-colour.json',
        text: JSON.stringify({ format: 'dramalens-settings', version: 2, items: { display: { dramaColor: 'plaid' } } }),
        error: /colours, hover delay and time format.*not valid/,
      },
    ];
    for (const { name, text, error } of cases) {
      await importInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => page.locator('#backup [role="alert"]').textContent()).toMatch(error);
      expect(await page.locator('#backup [role="alert"]').textContent()).toMatch(/Nothing was changed\.$/);
      expect(await syncStorage()).toEqual(before);
    }
  });

  it('export then import round-trips every setting', async () => {
    const { page } = await openOptions();
    await page.getByRole('searchbox').fill('nevertheless');
    await page.getByLabel('My status for Nevertheless').selectOption('on-hold');
    await page.getByRole('button', { name: 'Mute Nevertheless' }).click();
    await expect.poll(async () => (await syncStorage()).muted).toMatchObject({ list: 'd:nevertheless' });
    await page.getByRole('radio', { name: 'Violet' }).check();
    await page.getByRole('radio', { name: '24-hour (23:00)' }).check();
    await page.getByRole('radio', { name: 'Korea (KST)' }).check();
    await page.getByRole('textbox', { name: 'Site' }).fill('soompi.com');
    await page.getByRole('textbox', { name: 'Site' }).press('Enter');
    await expect.poll(async () => (await syncStorage()).disabledSites).toEqual(['soompi.com']);
    const exported = await syncStorage();

    const { name, text: file } = await suite.session.download(page, () =>
      page.getByRole('button', { name: 'Export settings…' }).click(),
    );
    expect(name).toMatch(/^dramalens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(file)).toMatchObject({ format: 'dramalens-settings', version: 4 });

    await (await suite.session.privileged()).evaluate(() => chrome.storage.sync.clear());
    await expect.poll(() => page.getByRole('radio', { name: 'Amber' }).isChecked()).toBe(true);

    await importInput(page).setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await expect
      .poll(() => page.locator('#backup [role="status"]').textContent())
      .toMatch(/Imported settings from backup\.json/);
    // Every stored item comes back (and `enabled`, never changed, is saved at its default).
    await expect.poll(syncStorage).toMatchObject(exported);
    expect((await syncStorage()).enabled).toBe(true);
    expect(await page.getByLabel('My status for Nevertheless').inputValue()).toBe('on-hold');
    expect(await page.getByRole('button', { name: 'Muted Nevertheless' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('radio', { name: 'Violet' }).isChecked()).toBe(true);
  });

  it('imports a file from settings version 1, migrated', async () => {
    const { page } = await openOptions();
    const v1 = await readFile(path.join(ROOT, 'tests/fixtures/settings/v1.json'));
    await importInput(page).setInputFiles({ name: 'v1.json', mimeType: 'application/json', buffer: v1 });
    await expect
      .poll(() => page.locator('#backup [role="status"]').textContent())
      .toMatch(/older Dramalens.*up to date/);
    const stored = await syncStorage();
    expect(stored.display).toMatchObject({ actorColor: 'sky', dramaColor: 'violet', hourCycle: 24 });
    expect(stored.disabledSites).toEqual(['soompi.com', 'example.org', '127.0.0.1']);
    expect(stored.enabled).toBe(false);
    expect(stored.muted).toEqual({ list: 'd:goblin,d:nevertheless', overflow: 0 });
    expect(stored.tracking).toBeUndefined();
  });

  it('imports a settings-version-2 file: its tracked dramas become followed ones, lit alone', async () => {
    const seed = await openSeedPage();
    const { page } = await openOptions();
    const v2 = JSON.stringify({
      format: 'dramalens-settings',
      version: 2,
      items: { tracking: { mode: 'only', ids: 'hotel-del-luna,nevertheless', overflow: 0 } },
    });
    await importInput(page).setInputFiles({ name: 'v2.json', mimeType: 'application/json', buffer: Buffer.from(v2) });
    await expect.poll(() => page.locator('#backup [role="status"]').textContent()).toMatch(/older Dramalens/);
    expect((await syncStorage()).follows).toEqual({ list: 'hotel-del-luna:w,nevertheless:w', overflow: 0 });
    await expect.poll(() => dramas(seed)).not.toContain('My Mister');
    expect(await dramas(seed)).toEqual(expect.arrayContaining(['Nevertheless', 'Hotel Del Luna']));
    await page.getByRole('button', { name: /^My dramas \(2\)/ }).click();
    await expect.poll(() => page.locator('tbody .group-row').allTextContents()).toEqual(['Watching (2)']);
  });
});

describe('watchlist CSV', () => {
  const watchlistInput = (page: Page) => page.getByTestId('watchlist-file');
  const csv = (text: string) => ({ name: 'my-list.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

  it('imports after a review: matched rows, a shared title the reader settles, unknown rows left out', async () => {
    const { page } = await openOptions();
    await watchlistInput(page).setInputFiles(
      csv('Title,Status,Episodes Watched\nNevertheless,Watching,4\n연인,Completed,\nA Drama Nobody Made,Dropped,\n'),
    );
    const review = page.locator('.watchlist-review');
    await review.waitFor();
    expect(
      await review.locator('[data-match]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-match'))),
    ).toEqual(['matched', 'ambiguous', 'unknown']);
    await screenshot(page, 'options-watchlist-review');
    // Nothing is saved before the reader confirms.
    expect((await syncStorage()).follows).toBeUndefined();
    await expect.poll(() => review.getByRole('button', { name: 'Import 1 drama' }).count()).toBe(1);
    await review.getByLabel('Which drama is “연인” (line 3)').selectOption('db-3394551e');
    await review.getByRole('button', { name: 'Import 2 dramas' }).click();
    await expect.poll(() => page.getByTestId('watchlist-feedback').textContent()).toMatch(/Imported 2 dramas/);
    expect((await syncStorage()).follows).toEqual({ list: 'db-3394551e:c,nevertheless:w:4', overflow: 0 });

    // Export gives them back as CSV.
    const { name, text: exported } = await suite.session.download(page, () =>
      page.getByRole('button', { name: 'Export watchlist (CSV)…' }).click(),
    );
    expect(name).toMatch(/^dramalens-watchlist-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported).toContain('Nevertheless,알고있지만,2021,Watching,4');
  });

  it('a malformed file or a cancelled review changes nothing', async () => {
    const { page } = await openOptions();
    await watchlistInput(page).setInputFiles(csv('Title,Rating\nNevertheless,10\n'));
    await expect
      .poll(() => page.getByTestId('watchlist-feedback').textContent())
      .toMatch(/Line 1 must name the columns.*Nothing was changed\./);
    expect(await page.getByTestId('watchlist-feedback').getAttribute('role')).toBe('alert');
    await watchlistInput(page).setInputFiles(csv('Title,Status\nNevertheless,binge-watched\n'));
    await expect
      .poll(() => page.getByTestId('watchlist-feedback').textContent())
      .toMatch(/Line 2: “binge-watched” is not a status/);
    await watchlistInput(page).setInputFiles(csv('Title,Status\nNevertheless,Plan to Watch\n'));
    await page.locator('.watchlist-review').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('watchlist-feedback').textContent()).toMatch(/cancelled/);
    expect((await syncStorage()).follows).toBeUndefined();
  });
});

describe('calendar export', () => {
  it('saves an .ics of one followed drama and of all of them, each episode at its Korean start', async () => {
    const worker = await suite.session.privileged();
    await worker.evaluate(() =>
      chrome.storage.sync.set({ follows: { list: 'hotel-del-luna:c,nevertheless:w:3', overflow: 0 } }),
    );
    const { page } = await openOptions();
    await page.getByRole('button', { name: /^My dramas \(2\)/ }).click();
    const one = await suite.session.download(page, () =>
      page.getByRole('button', { name: 'Calendar (.ics) of Nevertheless' }).click(),
    );
    expect(one.name).toBe('dramalens-nevertheless.ics');
    const calendar = new ICAL.Component(ICAL.parse(one.text));
    for (const zone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(10);
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2021-06-19T14:00:00.000Z');
    expect(events[0].summary).toBe('Nevertheless (알고있지만): episode 1');
    expect(events[0].description).toContain('https://en.wikipedia.org/wiki/Nevertheless_(TV_series)');
    console.info(
      `calendar: ${events
        .slice(0, 3)
        .map((e) => `${e.uid} ${e.startDate.toString()} ${e.summary}`)
        .join(' | ')}`,
    );

    const all = await suite.session.download(page, () =>
      page.getByRole('button', { name: 'Calendar of my dramas (.ics)…' }).click(),
    );
    expect(all.name).toBe('dramalens-my-dramas.ics');
    const both = new ICAL.Component(ICAL.parse(all.text));
    const uids = both.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'));
    expect(uids).toContain('nevertheless-ep1@dramalens');
    expect(uids.some((uid) => String(uid).startsWith('hotel-del-luna-ep'))).toBe(true);
    await expect
      .poll(() => page.getByTestId('calendar-feedback').textContent())
      .toMatch(/Calendar saved: \d+ episodes of 2 dramas/);
  });
});

describe('settings stored by version 2', () => {
  it('a page reads v2 items as they are (Nevertheless untracked → muted), and the background migrates them on start', async () => {
    const worker = await suite.session.privileged();
    const v2 = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/settings/v2.json'), 'utf8')).items;
    await worker.evaluate(async (items) => {
      await chrome.storage.sync.clear();
      await chrome.storage.sync.set({ ...items, enabled: true, disabledSites: [], tracking$: { v: 2 } });
    }, v2);
    const seed = await openSeedPage();
    expect(await dramas(seed)).not.toContain('Nevertheless');
    expect(await dramas(seed)).toContain('Hotel Del Luna');
    // A real restart of the background (Chromium's worker stopped over CDP, the options page's
    // messages start it again; Firefox's background page reloaded).
    await suite.session.restartBackground(seed);
    await openOptions();
    const v3 = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/settings/v3.json'), 'utf8')).items;
    await expect.poll(async () => (await syncStorage()).muted).toEqual(v3.muted);
    const stored = await syncStorage();
    expect(stored.tracking).toBeUndefined();
    expect(stored.follows).toEqual(v3.follows);
    expect(await dramas(seed)).not.toContain('Nevertheless');
  });
});

describe('storage.sync quota accounting', () => {
  it('the browser counts an item as its key plus its value’s JSON, as lib/settings/quota.ts does', async () => {
    const worker = await suite.session.privileged();
    const result = await worker.evaluate(async () => {
      const key = 'quota-probe';
      // key (11) + quotes (2) + n characters
      const fits = 'x'.repeat(8192 - key.length - 2);
      const attempt = (value: string) =>
        chrome.storage.sync.set({ [key]: value }).then(
          () => 'ok',
          (e: Error) => e.message,
        );
      const outcome = {
        exact: await attempt(fits),
        oneMore: await attempt(`${fits}x`),
        hangul: await attempt('가'.repeat(2727)),
      };
      const bytes = await chrome.storage.sync.getBytesInUse(key);
      await chrome.storage.sync.remove(key);
      return { ...outcome, bytes, quota: chrome.storage.sync.QUOTA_BYTES_PER_ITEM };
    });
    // Firefox enforces the quota but does not expose the constant.
    if (BROWSER === 'chromium') expect(result.quota).toBe(8192);
    expect(result.exact).toBe('ok');
    // Chromium names the per-item quota; Firefox only says a quota was exceeded.
    const refused = BROWSER === 'chromium' ? /QUOTA_BYTES_PER_ITEM|QuotaBytesPerItem/i : /QuotaExceededError/;
    expect(result.oneMore).toMatch(refused);
    // Three UTF-8 bytes per Hangul syllable: 11 + 2 + 3 × 2727 = 8194 bytes is refused.
    expect(result.hangul).toMatch(refused);
  });
});
