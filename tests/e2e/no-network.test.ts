/// <reference types="chrome" />
// Dramalens makes no network request, ever: everything it shows comes from the bundled index.
// Every request the browser makes while a reader uses it is recorded (the fixture page with
// names, the hover card, the popup, the options page) and each must stay inside the extension
// (chrome-extension:, data:, blob:) or be the fixture page's own, from the local fixture server.
// In Firefox every request that would leave the machine is sent through a recording proxy.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { highlightTexts } from '../../scripts/browser/harness';
import { pageRoutes } from '../../scripts/browser/pages';
import { tabIdOf } from '../../scripts/browser/tab-id';
import { useExtensionSuite } from './suite';

// Firefox: Playwright hears only its tabs' page loads over BiDi, not the requests of extension
// pages, content scripts or the background page. There every request that leaves the machine
// goes through this recording proxy instead (the fixture server on 127.0.0.1 is reached directly).
const proxied: string[] = [];
const proxy = createServer((req, res) => {
  proxied.push(req.url ?? '');
  res.writeHead(502).end();
});
proxy.on('connect', (req: IncomingMessage, socket: Duplex) => {
  proxied.push(`CONNECT ${req.url}`);
  socket.destroy();
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyPort = (proxy.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

const suite = useExtensionSuite(pageRoutes, {
  firefoxPrefs: {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  },
});

const INSIDE = ['chrome-extension:', 'moz-extension:', 'data:', 'blob:'];

async function hoverName(page: Page, text: string) {
  await expect.poll(() => highlightTexts(page, 'dramalens-actor')).toContain(text);
  const at = await page.evaluate((wanted) => {
    const range = [...CSS.highlights.get('dramalens-actor')!].find((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString() === wanted;
    })!;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    live.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = live.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  await page.mouse.move(at.x, at.y);
}

describe('no network', () => {
  it('the page with names, the hover card, the popup and the options page request nothing outside the extension', async () => {
    const { context, origin } = suite.session;
    const requests: { url: string; from: string }[] = [];
    // The service worker's requests come too (they have no frame).
    const record = (request: Request) =>
      requests.push({ url: request.url(), from: request.serviceWorker()?.url() ?? request.frame().url() });
    context.on('request', record);
    try {
      const { page } = await suite.open('/seed.html');
      await page.mouse.move(5, 5);
      await hoverName(page, 'Song Kang');
      await expect.poll(() => page.locator('dramalens-ui .hover-card').count(), { timeout: 3000 }).toBe(1);
      await expect.poll(() => page.locator('dramalens-ui .hover-card').textContent()).toContain('Song Kang');

      const { page: popup } = await suite.openExtensionPage(`popup.html?tabId=${await tabIdOf(suite.session, page)}`);
      await popup.locator('[data-ready]').waitFor();
      await expect.poll(() => popup.locator('.page-chip').count()).toBeGreaterThanOrEqual(3);
      await popup.locator('.page-chip[data-entity-id="nevertheless"]').click();
      await popup.locator('.entity-card[data-entity-id="nevertheless"] .news-card').first().waitFor();

      const { page: options } = await suite.openExtensionPage('options.html');
      await options.locator('[data-drama-id]').first().waitFor();
      // Give late requests (a lazy image, a beacon on unload) the time to show.
      await options.waitForTimeout(500);
      await Promise.all([page.close(), popup.close(), options.close()]);
      await suite.newPage().then((p) => p.waitForTimeout(300));
    } finally {
      context.off('request', record);
    }

    const fixtures = suite.server.origin;
    const outside = requests.filter(
      ({ url }) => !INSIDE.some((scheme) => url.startsWith(scheme)) && new URL(url).origin !== fixtures,
    );
    expect(outside).toEqual([]);
    if (suite.session.browser === 'firefox') {
      // Nothing went out through the proxy; and the proxy is not blind: a page's own request to
      // the outside reaches it.
      expect(proxied).toEqual([]);
      const control = await suite.newPage();
      await control.goto(suite.server.url('/seed.html'));
      await control.evaluate(() => fetch('http://proxy-check.invalid/dramalens').catch(() => undefined));
      await expect.poll(() => proxied).toEqual(['http://proxy-check.invalid/dramalens']);
      return;
    }
    // The recorder is not blind: it saw the extension load its own files in every context.
    const own = (pathname: string) =>
      requests.some(({ url }) => url.startsWith(`${origin}/`) && new URL(url).pathname === pathname);
    expect(own('/page/engine.js'), 'the content script loads its engine').toBe(true);
    expect(
      requests.some(({ url, from }) => new URL(url).pathname === '/dictionary.bin' && from.endsWith('/background.js')),
      'the service worker reads the name dictionary (it matches every page)',
    ).toBe(true);
    expect(
      requests.some(({ url, from }) => new URL(url).pathname === '/dictionary.bin' && !from.endsWith('/background.js')),
      'no page reads the name dictionary',
    ).toBe(false);
    expect(own('/page/card.js'), 'the hover card loads its code').toBe(true);
    expect(own('/popup.html'), 'the popup').toBe(true);
    expect(own('/options.html'), 'the options page').toBe(true);
    expect(
      requests.some(({ url, from }) => new URL(url).pathname === '/index.json' && from.endsWith('/background.js')),
      'the service worker reads the index',
    ).toBe(true);
    expect(requests.some(({ url }) => url.startsWith(fixtures))).toBe(true);
  });
});
