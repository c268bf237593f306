/// <reference types="chrome" />
// The built extension in real Chromium, for the e2e tests and the benches (playwright-core, no
// downloaded browser): fixture pages served on 127.0.0.1, screenshots in artifacts/screenshots.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './browser-path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, process.env.DRAMALENS_OUT ?? '.output', 'chrome-mv3');
export const FIXTURE_PAGES = path.join(ROOT, 'tests/fixtures/pages');
export const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The running service worker (woken if it was stopped). */
  serviceWorker: () => Promise<Worker>;
  /** Stops the service worker through the DevTools protocol and waits until it is gone. */
  stopServiceWorker: (page: Page) => Promise<void>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** IANA zone for the whole browser (extension pages included), via TZ. */
  timeZone?: string;
  colorScheme?: 'light' | 'dark';
  /** Emulate a touch screen (taps become pointer events with pointerType "touch"). */
  hasTouch?: boolean;
  /** Another build of the extension (benchmarks load a copy with a synthetic index). */
  extensionDir?: string;
  viewport?: { width: number; height: number };
}

/** Chromium flags that load one unpacked extension and keep the browser quiet (no updates, sync or QUIC). */
export function extensionLaunchArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    hasTouch: options.hasTouch ?? false,
    viewport: options.viewport ?? { width: 1100, height: 800 },
    env: { ...process.env, TZ: options.timeZone ?? 'Asia/Seoul' },
    args: extensionLaunchArgs(extensionDir),
  });
  // After a worker was stopped Playwright may still list the old one for a while: the newest
  // listed is the live one.
  const serviceWorker = async () =>
    context
      .serviceWorkers()
      .filter((w) => w.url().endsWith('/background.js'))
      .at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  const stopServiceWorker = async (page: Page) => {
    const cdp = await context.newCDPSession(page);
    try {
      const targets = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
        );
      // A message in flight (a page's detections report) can start the worker again right
      // away, under the same target id: close it again until it stays gone.
      for (let attempt = 0; attempt < 10; attempt++) {
        for (const target of await targets()) await cdp.send('Target.closeTarget', { targetId: target.targetId });
        for (let i = 0; i < 50 && (await targets()).length > 0; i++) await page.waitForTimeout(20);
        if ((await targets()).length === 0) return;
        await page.waitForTimeout(200);
      }
      throw new Error('the service worker did not stop');
    } finally {
      await cdp.detach();
    }
  };
  return { context, extensionId, serviceWorker, stopServiceWorker, close: () => context.close() };
}

/**
 * Pins "now" for every Dramalens context (documented test seam: storage.local `testing:now`,
 * reachable only with extension privileges). Pass null to unpin.
 */
export async function pinNow(session: ExtensionSession, iso: string | null): Promise<void> {
  const worker = await session.serviceWorker();
  await worker.evaluate(async (value) => {
    if (value === null) await chrome.storage.local.remove('testing:now');
    else await chrome.storage.local.set({ 'testing:now': value });
  }, iso);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Animations finished, so a card is captured as the reader sees it once it has appeared.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false, animations: 'disabled' });
}

export interface FixtureServer {
  origin: string;
  url: (pathname: string) => string;
  close: () => Promise<void>;
}

export type FixtureRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Serves tests/fixtures/pages, plus extra routes (e.g. a page with a strict CSP header). */
export async function serveFixtures(routes: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask for it; a 404 would be a console error
      return;
    }
    const route = routes[pathname];
    try {
      if (route && (await route(req, res))) return;
    } catch (error) {
      // A broken fixture answers at once with the reason, instead of leaving the page hanging.
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
      return;
    }
    const file = path.join(FIXTURE_PAGES, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = await readFile(file);
      const type = file.endsWith('.html')
        ? 'text/html; charset=utf-8'
        : file.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Collects console errors and uncaught exceptions of a page, to assert a page stays clean. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Ranges registered under a highlight name, as text, read from the page's own world. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    return [...highlight].map((range) => {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      return r.toString();
    });
  }, name);
}
