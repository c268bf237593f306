/// <reference types="chrome" />
// One browser with the built extension and one fixture server per test file, in the browser of
// the Vitest project (chromium or firefox, see vitest.config.ts). Pages opened through the suite
// are closed, and synced settings cleared, after each test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  launchWithExtension,
  serveFixtures,
  type ExtensionSession,
  type FixtureRoute,
  type FixtureServer,
  type LaunchOptions,
} from '../../scripts/browser/harness';

export interface ExtensionSuite {
  readonly session: ExtensionSession;
  readonly server: FixtureServer;
  /** A new tab, closed after the test. */
  newPage(): Promise<Page>;
  /** A fixture page in a new tab, with its console errors collected. */
  open(pathname: string): Promise<{ page: Page; errors: string[] }>;
  /** An extension page (`popup.html?tabId=3`) in a new tab, with its console errors collected, closed after the test. */
  openExtensionPage(pathAndQuery: string): Promise<{ page: Page; errors: string[] }>;
}

export function useExtensionSuite(routes: Record<string, FixtureRoute>, options: LaunchOptions = {}): ExtensionSuite {
  let session: ExtensionSession | undefined;
  let server: FixtureServer | undefined;
  const pages: Page[] = [];
  const suite: ExtensionSuite = {
    get session() {
      if (!session) throw new Error('the suite has not started');
      return session;
    },
    get server() {
      if (!server) throw new Error('the suite has not started');
      return server;
    },
    async newPage() {
      const page = await suite.session.context.newPage();
      pages.push(page);
      return page;
    },
    async open(pathname) {
      const page = await suite.newPage();
      const errors = collectPageErrors(page);
      await page.goto(suite.server.url(pathname));
      return { page, errors };
    },
    async openExtensionPage(pathAndQuery) {
      const opened = await suite.session.openExtensionPage(pathAndQuery);
      pages.push(opened.page);
      return opened;
    },
  };
  beforeAll(async () => {
    [session, server] = await Promise.all([launchWithExtension(options), serveFixtures(routes)]);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    await (await suite.session.privileged()).evaluate(() => chrome.storage.sync.clear());
  });
  return suite;
}
