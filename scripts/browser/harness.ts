/// <reference types="chrome" />
// The built extension in a real browser, for the e2e tests and the benches (playwright-core, no
// downloaded browser): Chromium loads .output/chrome-mv3, Firefox ESR .output/firefox-mv2 (over
// WebDriver BiDi). Fixture pages served on 127.0.0.1, screenshots in artifacts/screenshots.
import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, firefox, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { browserPath, type BrowserName } from './browser-path';

export type { BrowserName } from './browser-path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, process.env.DRAMALENS_OUT ?? '.output');
/** The browser this process drives: DRAMALENS_BROWSER (set per Vitest project), else Chromium. */
export const BROWSER: BrowserName = process.env.DRAMALENS_BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: path.join(OUT, 'chrome-mv3'),
  firefox: path.join(OUT, 'firefox-mv2'),
};
export const EXTENSION_DIR = EXTENSION_DIRS.chromium;
export const FIXTURE_PAGES = path.join(ROOT, 'tests/fixtures/pages');
export const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');

/** Firefox: the add-on's id (wxt.config.ts) and the moz-extension:// host the tests pin for it. */
const GECKO_ID = 'dramalens@example.org';
const FIREFOX_EXTENSION_UUID = '6d1f3c2a-8b4e-4f5a-9c7d-2e0b1a3f5d67';

/** Where privileged code runs: Chromium's service worker, or in Firefox an extension page. */
export type Privileged = Pick<Worker, 'evaluate'>;

export interface ExtensionSession {
  browser: BrowserName;
  context: BrowserContext;
  /** The extension's host: Chromium's extension id, Firefox's pinned UUID. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /**
   * Somewhere to evaluate with the extension's privileges (`chrome.*` is the promise-based API in
   * both): Chromium's service worker; in Firefox an extension tab the harness keeps open, whose
   * `chrome` is `browser` (the MV2 background page cannot be evaluated in over BiDi; reach its
   * globals with `browser.runtime.getBackgroundPage()`).
   */
  privileged: () => Promise<Privileged>;
  /** An extension page (`popup.html?tabId=3`) in a new tab, loaded, with its console errors collected. */
  openExtensionPage: (pathAndQuery: string) => Promise<{ page: Page; errors: string[] }>;
  /** Chromium: the running service worker (woken if it was stopped). */
  serviceWorker: () => Promise<Worker>;
  /** Chromium: stops the service worker through the DevTools protocol and waits until it is gone. */
  stopServiceWorker: (page: Page) => Promise<void>;
  /**
   * The background starts again, as after the browser let it go: Chromium's worker is stopped
   * (the next message starts it); Firefox's background page is reloaded.
   */
  restartBackground: (page: Page) => Promise<void>;
  /** Runs `action` (a click on a save button) and returns the file the browser saved from it. */
  download: (page: Page, action: () => Promise<unknown>) => Promise<SavedFile>;
  close: () => Promise<void>;
}

export interface SavedFile {
  name: string;
  text: string;
}

export interface LaunchOptions {
  /** Chromium (default: BROWSER) or Firefox. */
  browser?: BrowserName;
  /** IANA zone for the whole browser (extension pages included), via TZ. */
  timeZone?: string;
  colorScheme?: 'light' | 'dark';
  /** Emulate a touch screen (taps become pointer events with pointerType "touch"). */
  hasTouch?: boolean;
  /** Another build of the extension, unpacked (benchmarks load a copy with a synthetic index). */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** Chromium: Blink features switched off (e.g. HighlightsFromPoint, to test the fallback). */
  disableBlinkFeatures?: string[];
  /** A profile kept after close, so a second launch is the same browser restarted (the caller removes it). */
  profileDir?: string;
  /** The browser's UI language (Chromium `--lang`; Firefox `intl.locale.requested`, with its language pack). */
  lang?: string;
  /** Firefox: extra profile preferences. */
  firefoxPrefs?: Record<string, string | number | boolean>;
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
  return (options.browser ?? BROWSER) === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIRS.chromium;
  const context = await chromium.launchPersistentContext(options.profileDir ?? '', {
    executablePath: browserPath('chromium'),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    hasTouch: options.hasTouch ?? false,
    viewport: options.viewport ?? { width: 1100, height: 800 },
    env: { ...process.env, TZ: options.timeZone ?? 'Asia/Seoul' },
    args: [
      ...extensionLaunchArgs(extensionDir),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(options.disableBlinkFeatures?.length
        ? [`--disable-blink-features=${options.disableBlinkFeatures.join(',')}`]
        : []),
    ],
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
  const origin = `chrome-extension://${extensionId}`;
  return {
    browser: 'chromium',
    context,
    extensionId,
    origin,
    privileged: serviceWorker,
    openExtensionPage: async (pathAndQuery) => {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${origin}/${pathAndQuery}`);
      return { page, errors };
    },
    serviceWorker,
    stopServiceWorker,
    restartBackground: stopServiceWorker,
    download: async (page, action) => {
      const [saved] = await Promise.all([page.waitForEvent('download'), action()]);
      return { name: saved.suggestedFilename(), text: await readFile((await saved.path())!, 'utf8') };
    },
    close: () => context.close(),
  };
}

// Firefox ESR 153's WebDriver BiDi lacks three emulation commands that Playwright 1.65 sends when
// it sets up a page: screen size and orientation (nothing here depends on them) and media features.
// Answer those for the browser; the colour scheme is a profile preference set at launch instead, so
// a request to change it later fails rather than pretending (see the options test's dark pass).
const UNSUPPORTED_IN_FIREFOX_ESR = new Set([
  'emulation.setScreenOrientationOverride',
  'emulation.setScreenSettingsOverride',
  'emulation.setMediaFeaturesOverride',
]);
let bidiShimInstalled = false;
function installBidiShim() {
  if (bidiShimInstalled) return;
  bidiShimInstalled = true;
  // The same module instance `playwright-core` runs on (its package exports it).
  const { server } = createRequire(import.meta.url)('playwright-core/lib/coreBundle') as {
    server: { WebSocketTransport: { prototype: BidiTransport } };
  };
  const proto = server.WebSocketTransport.prototype;
  const send = proto.send;
  proto.send = function (this: BidiTransport, message) {
    if (!UNSUPPORTED_IN_FIREFOX_ESR.has(message.method)) return send.call(this, message);
    const features = (message.params as { features?: Record<string, unknown> }).features ?? {};
    const reply =
      features['prefers-color-scheme'] == null
        ? { type: 'success', id: message.id, result: {} }
        : {
            type: 'error',
            id: message.id,
            error: 'unsupported operation',
            message: `Firefox ESR has no ${message.method}: launch with { colorScheme } instead`,
          };
    setImmediate(() => this.onmessage?.(reply));
  };
}
interface BidiTransport {
  send(message: { id: number; method: string; params: unknown }): void;
  onmessage?: (message: unknown) => void;
}

/** The zipped Firefox build, .output/dramalens-<version>-firefox.zip. */
export function firefoxPackage(): string {
  const zip = readdirSync(OUT).find((name) => name.endsWith('-firefox.zip'));
  if (!zip) throw new Error(`No zipped Firefox build in ${OUT}: run \`npm run build\``);
  return path.join(OUT, zip);
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionSession> {
  installBidiShim();
  const profile = options.profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'dramalens-firefox-')));
  // The zipped build (`wxt zip -b firefox`, part of `npm run build`) as a profile extension,
  // installed at start-up.
  await mkdir(path.join(profile, 'extensions'), { recursive: true });
  // Where Firefox saves downloads (Playwright's download behaviour, set over BiDi): Playwright
  // hears no download events from it, so `download` below reads the folder.
  const downloads = path.join(profile, 'test-downloads');
  await mkdir(downloads, { recursive: true });
  if (options.extensionDir)
    // Another build as an unpacked folder: a proxy file (named by the add-on's id, holding the
    // folder's path) makes Firefox load it from there.
    await writeFile(path.join(profile, 'extensions', GECKO_ID), options.extensionDir);
  else await copyFile(firefoxPackage(), path.join(profile, 'extensions', `${GECKO_ID}.xpi`));
  const context = await firefox.launchPersistentContext(profile, {
    channel: 'moz-firefox', // Playwright's WebDriver BiDi driver for a stock Firefox
    acceptDownloads: true,
    downloadsPath: downloads,
    executablePath: browserPath('firefox'),
    headless: true,
    colorScheme: null, // no emulation (see the shim): the preference below sets it
    hasTouch: options.hasTouch ?? false,
    viewport: options.viewport ?? { width: 1100, height: 800 },
    env: { ...process.env, TZ: options.timeZone ?? 'Asia/Seoul' },
    // Without it Firefox refuses to navigate a tab to a moz-extension:// page over BiDi.
    args: ['--remote-allow-system-access'],
    firefoxUserPrefs: {
      'xpinstall.signatures.required': false, // an unsigned build (ESR honours this)
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // 0 dark, 1 light: pages and extension pages alike.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
      ...options.firefoxPrefs,
    },
  });
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  // Firefox ESR closes a tab but never reports its browsing context destroyed, so Playwright's
  // page.close() would wait forever: give it a moment, then carry on.
  const boundClose = (page: Page) => {
    const close = page.close.bind(page);
    page.close = (closeOptions) =>
      Promise.race([close(closeOptions), new Promise<void>((resolve) => setTimeout(resolve, 1500))]);
  };
  context.pages().forEach(boundClose);
  context.on('page', boundClose);
  // Whether the page finished loading within `timeout` ms (Playwright's own timeout does not fire
  // while the page's realm is unknown to it, so race a timer).
  const loaded = (page: Page, timeout: number) =>
    Promise.race([
      page
        .waitForFunction(() => document.readyState === 'complete', undefined, { timeout: 0 })
        .then(
          () => true,
          () => false,
        ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeout)),
    ]);

  // The privileged tab. A tab navigated to a moz-extension:// page over BiDi sometimes never
  // reports the page's realm (the load then looks hung): try again in a new tab.
  // (The tab that failed stays open: closing it stalls Playwright's next navigation.)
  let privilegedPage: Page | undefined;
  for (let attempt = 1; !privilegedPage; attempt++) {
    const page = await context.newPage();
    // A restarted profile may not have started the extension yet: its pages are "not available".
    const reached = await page.goto(`${origin}/NOTICE.txt`, { waitUntil: 'commit' }).then(
      () => true,
      () => page.waitForTimeout(500).then(() => false),
    );
    if (reached && (await loaded(page, 4000))) privilegedPage = page;
    else if (attempt === 8) throw new Error(`Firefox did not load ${origin}/NOTICE.txt in ${attempt} tabs`);
  }
  await privilegedPage.evaluate(() => {
    (globalThis as { chrome: unknown }).chrome = (globalThis as unknown as { browser: unknown }).browser;
  });
  const privileged = async () => privilegedPage;

  return {
    browser: 'firefox',
    context,
    extensionId: FIREFOX_EXTENSION_UUID,
    origin,
    privileged,
    // Opened by the extension itself (tabs.create). Now and then Firefox still never reports the
    // new page's realm over BiDi (the same defect as the privileged tab's): then a new tab is
    // opened, as for the privileged tab.
    openExtensionPage: async (pathAndQuery) => {
      const url = `${origin}/${pathAndQuery}`;
      for (let attempt = 1; ; attempt++) {
        let errors: string[] = [];
        const [page] = await Promise.all([
          context.waitForEvent('page').then((p) => ((errors = collectPageErrors(p)), p)),
          privilegedPage.evaluate((address) => chrome.tabs.create({ url: address }).then(() => undefined), url),
        ]);
        await page.waitForURL(url, { waitUntil: 'commit' });
        if (await loaded(page, attempt < 3 ? 8_000 : 15_000)) return { page, errors };
        if (attempt === 3) throw new Error(`Firefox did not load ${url}`);
      }
    },
    serviceWorker: () => Promise.reject(new Error('Firefox runs the MV2 background page, not a service worker')),
    stopServiceWorker: () => Promise.reject(new Error('Firefox runs the MV2 background page, not a service worker')),
    restartBackground: async () => {
      await privilegedPage.evaluate(async () => {
        const background = (await chrome.runtime.getBackgroundPage()) as Window | null;
        background?.location.reload();
      });
      // Back once it answers the extension's own messages again.
      await privilegedPage.waitForFunction(
        async () => {
          try {
            const background = (await chrome.runtime.getBackgroundPage()) as Window | null;
            // A global the background sets as it starts (lib/background/start.ts).
            return background?.document.readyState === 'complete' && '__dramalensNotificationClicked' in background;
          } catch {
            return false; // asked while the old page was going
          }
        },
        undefined,
        { timeout: 15_000, polling: 100 },
      );
    },
    download: async (_page, action) => {
      const before = new Set(readdirSync(downloads));
      await action();
      const deadline = Date.now() + 15_000;
      for (;;) {
        const added = readdirSync(downloads).filter((name) => !before.has(name) && !name.endsWith('.part'));
        // Firefox writes the file under its name once complete (the .part file goes).
        if (added.length > 0 && !readdirSync(downloads).some((name) => name.endsWith('.part'))) {
          const name = added[0]!;
          return { name, text: await readFile(path.join(downloads, name), 'utf8') };
        }
        if (Date.now() > deadline) throw new Error(`Firefox saved no file in ${downloads}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: async () => {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Pins "now" for every Dramalens context (documented test seam: storage.local `testing:now`,
 * reachable only with extension privileges). Pass null to unpin.
 */
export async function pinNow(session: ExtensionSession, iso: string | null): Promise<void> {
  await (
    await session.privileged()
  ).evaluate(async (value) => {
    if (value === null) await chrome.storage.local.remove('testing:now');
    else await chrome.storage.local.set({ 'testing:now': value });
  }, iso);
}

/**
 * Runs one of the extension's commands (its keyboard shortcuts) as the browser would, through
 * the background's test seam (lib/background/commands.ts): in Chromium in the service worker,
 * in Firefox in the background page (reached from the privileged tab).
 */
export async function runCommand(session: ExtensionSession, command: string): Promise<void> {
  type Seam = { __dramalensRunCommand: (c: string) => Promise<void> };
  const privileged = await session.privileged();
  if (session.browser === 'chromium') {
    await privileged.evaluate((c) => (globalThis as unknown as Seam).__dramalensRunCommand(c), command);
    return;
  }
  await privileged.evaluate(async (c) => {
    const background = (await chrome.runtime.getBackgroundPage()) as unknown as Seam;
    await background.__dramalensRunCommand(c);
  }, command);
}

/** Where a screenshot named `name` goes: `name.png` from Chromium, `name-firefox.png` from Firefox. */
export function screenshotPath(name: string, browser: BrowserName = BROWSER): string {
  return path.join(SCREENSHOTS, browser === 'chromium' ? `${name}.png` : `${name}-${browser}.png`);
}

export async function screenshot(page: Page, name: string, browser: BrowserName = BROWSER): Promise<void> {
  // Animations finished, so a card is captured as the reader sees it once it has appeared.
  await page.screenshot({ path: screenshotPath(name, browser), fullPage: false, animations: 'disabled' });
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
