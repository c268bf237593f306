/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/harness';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

describe(`the built extension in ${BROWSER}`, () => {
  // One test in both browsers (none skipped): Chromium builds MV3 with a service worker,
  // Firefox builds MV2 with a background page, reached from an extension page.
  it(`starts its background (${BROWSER === 'chromium' ? 'MV3 service worker' : 'MV2 background page'})`, async () => {
    if (BROWSER === 'chromium') {
      const worker = await session.serviceWorker();
      expect(worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
      const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
      expect(manifest.name).toBe('Dramalens');
      expect(manifest.manifest_version).toBe(3);
      return;
    }
    const privileged = await session.privileged();
    const background = await privileged.evaluate(async () => {
      const page = await browser.runtime.getBackgroundPage();
      return { url: page?.location.href, scripts: [...(page?.document.scripts ?? [])].map((s) => s.src) };
    });
    expect(background.url).toBe(`${session.origin}/_generated_background_page.html`);
    expect(background.scripts).toEqual([`${session.origin}/background.js`]);
    const manifest = await privileged.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Dramalens');
    expect(manifest.manifest_version).toBe(2);
  });

  it('popup searches the bundled index and shows a drama’s card with its air status', async () => {
    const { page } = await session.openExtensionPage('popup.html');
    await page.setViewportSize({ width: 380, height: 600 });
    await page.locator('[data-ready]').waitFor();
    await page.getByRole('combobox').fill('nevertheless');
    const result = page.locator('.result[data-entity-id="nevertheless"]');
    await expect.poll(() => result.textContent()).toContain('알고있지만');
    await page.getByRole('combobox').press('Enter');
    const card = page.locator('.entity-card[data-entity-id="nevertheless"]');
    await expect.poll(() => card.textContent()).toMatch(/Finished/);
    expect(await card.locator('.chips li').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'popup-smoke');
    await page.close();
  });

  it('options lists the dramas and finds one', async () => {
    const { page } = await session.openExtensionPage('options.html');
    await expect.poll(() => page.locator('[data-drama-id]').count()).toBeGreaterThanOrEqual(30);
    await page.getByRole('searchbox').fill('hotel del luna');
    await expect.poll(() => page.locator('[data-drama-id="hotel-del-luna"]').textContent()).toContain('tvN');
    await screenshot(page, 'options-smoke');
    await page.close();
  });
});

describe(`the built extension in ${BROWSER} set to Korean`, () => {
  it('names and describes itself, and its shortcut, in Korean', async () => {
    // Firefox needs its Korean language pack (Debian's firefox-esr-l10n-ko, which .ci/run installs).
    const korean = await launchWithExtension({ lang: 'ko' });
    try {
      const strings = await (
        await korean.privileged()
      ).evaluate(async () => ({
        description: chrome.i18n.getMessage('extDescription'),
        shortcut: (await chrome.commands.getAll()).find((c) => c.name === 'open-card')?.description ?? '',
      }));
      expect(strings.description).toMatch(/^읽고 있는 페이지에서 K-드라마 제목과 배우 이름을 강조하고/);
      expect(strings.shortcut).toMatch(/카드 열기/);
    } finally {
      await korean.close();
    }
  });
});
