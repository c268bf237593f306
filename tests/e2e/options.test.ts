/// <reference types="chrome" />
// The options page in real Chromium with the built extension: changes apply to open tabs live,
// import/export, keyboard-only use, axe, and screenshots in light and dark.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, highlightTexts, ROOT, screenshot, SCREENSHOTS } from '../../scripts/browser/harness';
import { pageRoutes } from '../../scripts/browser/pages';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite(pageRoutes);

async function openSeedPage(): Promise<Page> {
  const page = await suite.newPage();
  await page.goto(suite.server.url('/seed.html'));
  await expect.poll(() => highlightTexts(page, 'dramalens-actor'), { timeout: 5000 }).not.toHaveLength(0);
  return page;
}

async function openOptions(): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`chrome-extension://${suite.session.extensionId}/options.html`);
  await page.locator('[data-drama-id]').first().waitFor();
  return { page, errors };
}

const syncStorage = async () => (await suite.session.serviceWorker()).evaluate(() => chrome.storage.sync.get(null));
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
  it('lists every drama with Hangul, network, years and status, in light and dark, with no axe violations', async () => {
    const { page, errors } = await openOptions();
    await expect.poll(() => page.locator('[data-drama-id]').count()).toBeGreaterThanOrEqual(30);
    const row = page.locator('[data-drama-id="nevertheless"]');
    await expect.poll(() => row.textContent()).toMatch(/Nevertheless.*알고있지만.*JTBC.*2021.*Finished/);
    await expect.poll(() => page.locator('[data-drama-id="hotel-del-luna"]').textContent()).toContain('tvN');
    expect(await page.getByTestId('tracking-counts').textContent()).toMatch(/^(\d+) of \1 dramas tracked/);
    // The curated catalog first; the 2000–2020 Korean Wikipedia tier is one choice away.
    const curatedRows = await page.locator('[data-drama-id]').count();
    await page.getByLabel('Catalog').selectOption('imported');
    await expect.poll(() => page.locator('[data-drama-id^="db-"]').count()).toBeGreaterThan(1000);
    expect(await page.locator('[data-drama-id]').count()).toBe(await page.locator('[data-drama-id^="db-"]').count());
    await page.getByLabel('Catalog').selectOption('curated');
    await expect.poll(() => page.locator('[data-drama-id]').count()).toBe(curatedRows);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await screenshot(page, `options-${scheme}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `options-${scheme}-full.png`), fullPage: true });
      // The colour presets up close, painted by the content stylesheet on light and dark samples.
      await page
        .locator('#highlighting')
        .screenshot({ path: path.join(SCREENSHOTS, `options-highlighting-${scheme}.png`) });
    }
    expect(errors).toEqual([]);
  });

  it('untracking Nevertheless clears its highlights in an open tab; other dramas’ actors stay', async () => {
    const seed = await openSeedPage();
    expect(await dramas(seed)).toContain('Nevertheless');
    const { page } = await openOptions();
    await page.evaluate(() =>
      document.addEventListener('change', () => ((window as { changedAt?: number }).changedAt = Date.now()), {
        capture: true,
      }),
    );
    const gone = whenInPage(seed, 'nevertheless-gone');
    await page.locator('#track-nevertheless').uncheck();
    const changedAt = await page.evaluate(() => (window as { changedAt?: number }).changedAt!);
    const elapsed = (await gone) - changedAt;
    // Yoon Seo-ah is only in Nevertheless; Song Kang, Han So-hee and Lee Ho-jung are in other tracked dramas.
    await expect.poll(() => actors(seed)).not.toContain('Yoon Seo Ah');
    expect(await actors(seed)).toEqual(expect.arrayContaining(['Song Kang', 'Han So Hee', 'Lee Ho Jung']));
    expect(await dramas(seed)).toContain('Hotel Del Luna');
    expect(await page.getByTestId('tracking-counts').textContent()).toMatch(/^(\d+) of (\d+)/);
    expect((await syncStorage()).tracking).toEqual({ mode: 'all-except', ids: 'nevertheless', overflow: 0 });
    console.info(`options → seed page: Nevertheless cleared ${elapsed} ms after the change`);
    // And back.
    await page.locator('#track-nevertheless').check();
    await expect.poll(() => dramas(seed)).toContain('Nevertheless');
  });

  it('filters by text, status and network, and tracks the shown dramas, or none, or all', async () => {
    const seed = await openSeedPage();
    const { page } = await openOptions();
    const rows = page.locator('tbody [data-drama-id]');
    await page.getByLabel('Network').selectOption('JTBC');
    const jtbc = await rows.count();
    expect(jtbc).toBeGreaterThan(2);
    for (const text of await rows.allTextContents()) expect(text).toContain('JTBC');
    await page.getByRole('button', { name: `Untrack ${jtbc} shown` }).click();
    await expect.poll(() => dramas(seed)).not.toContain('Nevertheless');
    expect(await dramas(seed)).toContain('Hotel Del Luna'); // tvN
    await page.getByLabel('Network').selectOption('all');
    await page.getByLabel('Status').selectOption('finished');
    await page.getByRole('searchbox').fill('hotel del');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Hotel del Luna')]);
    await page.getByRole('button', { name: 'Track none' }).click();
    await expect.poll(() => actors(seed)).toHaveLength(0);
    expect((await syncStorage()).tracking).toEqual({ mode: 'only', ids: '', overflow: 0 });
    await page.getByRole('button', { name: '1 shown' }).first().click(); // "Track 1 shown"
    await expect.poll(() => dramas(seed)).toEqual(expect.arrayContaining(['Hotel Del Luna']));
    expect(await dramas(seed)).not.toContain('Nevertheless');
    expect((await syncStorage()).tracking).toEqual({ mode: 'only', ids: 'hotel-del-luna', overflow: 0 });
    await page.getByRole('button', { name: 'Track all' }).click();
    await expect.poll(() => dramas(seed)).toContain('Nevertheless');
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
    const worker = await suite.session.serviceWorker();
    const expected = await worker.evaluate(
      async () => (await chrome.commands.getAll()).find((c) => c.name === 'open-card')?.shortcut ?? '',
    );
    const line = page.getByTestId('shortcut');
    if (expected) await expect.poll(() => line.textContent()).toContain(expected.split('+').join('+'));
    else await expect.poll(() => line.textContent()).toContain('no shortcut set');
    await page.getByRole('button', { name: /shortcuts page/ }).click();
    // Read from the browser's side: without the `tabs` permission the worker sees no tab's URL.
    await expect
      .poll(() => suite.session.context.pages().map((p) => p.url()))
      .toContain('chrome://extensions/shortcuts');
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
    // Tab on to the row's checkbox (past the filters and bulk buttons) and untrack with Space.
    guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.id === 'track-nevertheless')) && guard++ < 20) {
      await page.keyboard.press('Tab');
    }
    const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusRing).not.toBe('none');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await syncStorage()).tracking).toMatchObject({ ids: 'nevertheless' });
    // Radio groups move with the arrow keys.
    await page.getByRole('radio', { name: 'Amber' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => ((await syncStorage()).display as { dramaColor: string })?.dramaColor).toBe('rose');
  });

  it('follows changes made elsewhere (popup, card, another device) live', async () => {
    const { page } = await openOptions();
    const worker = await suite.session.serviceWorker();
    await worker.evaluate(() => chrome.storage.sync.set({ tracking: { mode: 'only', ids: 'goblin', overflow: 0 } }));
    await expect.poll(() => page.getByTestId('tracking-counts').textContent()).toMatch(/^1 of/);
    expect(await page.locator('#track-goblin').isChecked()).toBe(true);
  });

  it('says once that a corrupt setting was reset to its default', async () => {
    const worker = await suite.session.serviceWorker();
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
    await page.locator('#track-goblin').uncheck();
    await expect.poll(async () => (await syncStorage()).tracking).toMatchObject({ ids: 'goblin' });
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
    await page.locator('#track-nevertheless').uncheck();
    await page.getByRole('radio', { name: 'Violet' }).check();
    await page.getByRole('radio', { name: '24-hour (23:00)' }).check();
    await page.getByRole('radio', { name: 'Korea (KST)' }).check();
    await page.getByRole('textbox', { name: 'Site' }).fill('soompi.com');
    await page.getByRole('textbox', { name: 'Site' }).press('Enter');
    await expect.poll(async () => (await syncStorage()).disabledSites).toEqual(['soompi.com']);
    const exported = await syncStorage();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export settings…' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dramalens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'dramalens-settings', version: 2 });

    await (await suite.session.serviceWorker()).evaluate(() => chrome.storage.sync.clear());
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
    expect(await page.locator('#track-nevertheless').isChecked()).toBe(false);
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
    expect(stored.tracking).toEqual({ mode: 'all-except', ids: 'goblin,nevertheless', overflow: 0 });
  });
});

describe('storage.sync quota accounting', () => {
  it('Chromium counts an item as its key plus its value’s JSON, as lib/settings/quota.ts does', async () => {
    const worker = await suite.session.serviceWorker();
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
    expect(result.quota).toBe(8192);
    expect(result.exact).toBe('ok');
    expect(result.oneMore).toMatch(/QUOTA_BYTES_PER_ITEM|QuotaBytesPerItem/i);
    // Three UTF-8 bytes per Hangul syllable: 11 + 2 + 3 × 2727 = 8194 bytes is refused.
    expect(result.hangul).toMatch(/QUOTA_BYTES_PER_ITEM|QuotaBytesPerItem/i);
  });
});
