// Keyboard shortcuts (manifest `commands`): the hover-card shortcut is forwarded to the active tab.
import type { browser as extensionBrowser } from 'wxt/browser';
import { contentMessenger } from '../messages';

type ExtensionBrowser = typeof extensionBrowser;

export async function runCommand(browser: ExtensionBrowser, command: string): Promise<void> {
  if (command !== 'open-card') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await contentMessenger.sendMessage('openCardFromShortcut', undefined, { tabId: tab.id, frameId: 0 }).catch(() => {
    // No content script there (a browser page, or Dramalens is off): nothing to open.
  });
}

export function registerCommands(browser: ExtensionBrowser) {
  browser.commands.onCommand.addListener((command) => void runCommand(browser, command));
  // Test seam (documented in the README): e2e tests cannot press browser-level shortcuts, so
  // they call this from the service worker. Web pages have no access to the worker's scope.
  (globalThis as { __dramalensRunCommand?: (command: string) => Promise<void> }).__dramalensRunCommand = (command) =>
    runCommand(browser, command);
}
