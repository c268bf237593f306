// The page engine, loaded by the bootstrap only in frames with text: checks the page may be
// scanned, scans (the matcher runs in the background: lib/page/remote-matching.ts), and
// follows page changes and settings live. What only pages with names need (the settings' full
// decode and colours, reporting, hover input) loads with the first name; the card on hover.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scanningAllowed } from '../../settings/page-gate';
import { readStoredItems, watchStoredItems, type SettingsArea, type StoredItems } from '../../settings/storage-read';
import type { PageExtensionApi } from '../extension-api';
import { isOwnUi } from '../own-ui';
import { importPageModule } from '../module-url';
import type { NamesController } from '../names/index';

type NamesModule = typeof import('../names/index');
import { PageScanner } from './page-scanner';
import { remoteNameMatching } from '../remote-matching';

export const ENGINE_STARTED_MARK = 'dramalens:engine-started';
/** Test and bench seam: the frame's first full scan has its answers from the matcher. */
export const FIRST_SCAN_DONE_MARK = 'dramalens:first-scan-done';
export const HIGHLIGHT_STYLES_PATH = '/content-highlights.css';

export async function startEngine(api: PageExtensionApi): Promise<PageScanner | undefined> {
  // WXT's content-script context: timers and listeners that end with the script (an update or
  // uninstall invalidates it), and SPA navigation events.
  const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true } as never);
  // Test seam: the frame's performance timeline shows that the engine loaded here (harmless).
  performance.mark(ENGINE_STARTED_MARK);
  // The settings are read here only once they matter: when the page has names (the names
  // module decodes them), or when the background says they keep Dramalens off here (to follow
  // a change that turns it on). A frame without names never touches storage: the background
  // decides whether it may be scanned, with its first answer.
  const area = () => api.storage.sync as unknown as SettingsArea;
  let unwatch: (() => void) | undefined;
  const followSettings = () => {
    unwatch ??= watchStoredItems(area(), apply);
  };

  // The settings' full decode, colours and which names show come with the names module: a page
  // without names never loads the settings schema.
  let names: Promise<NamesController> | null = null;
  const loadNames = () =>
    (names ??= (() => {
      followSettings();
      return Promise.all([importPageModule<NamesModule>('names.js'), readStoredItems(area())]).then(
        ([{ startNames }, items]) => startNames({ ctx, api, scanner, items }),
      );
    })());

  let shadowSheet: Promise<CSSStyleSheet> | undefined;
  const scanner = new PageScanner(
    remoteNameMatching(() => {
      scanner.stop();
      followSettings();
    }),
    {
      document,
      onOccurrencesChanged: () => {
        if (scanner.names.length > 0) void loadNames().then((n) => n.namesChanged());
        else void names?.then((n) => n.namesChanged());
      },
      now: () => performance.now(),
      yieldToPage: () => new Promise((resolve) => ctx.setTimeout(resolve, 0)),
      scheduleBatch: (callback) => {
        // A frame when visible; hidden tabs get no frames, so a timeout backs it up.
        let done = false;
        const run = () => {
          if (done) return;
          done = true;
          callback();
        };
        ctx.requestAnimationFrame(run);
        ctx.setTimeout(run, 100);
      },
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimeout: (id) => clearTimeout(id),
      MutationObserver,
      createStaticRange: (init) => new StaticRange(init),
      isOwnUi,
      adoptStyles: (root) => {
        // The browser injects the highlight styles into documents only; shadow roots adopt a copy.
        shadowSheet ??= fetch(api.runtime.getURL(HIGHLIGHT_STYLES_PATH))
          .then((response) => response.text())
          .then((css) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            return sheet;
          });
        void shadowSheet.then((sheet) => {
          if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        });
      },
    },
  );

  function apply(stored: StoredItems) {
    if (!scanningAllowed(stored, location.href)) {
      scanner.stop();
      return;
    }
    void scanner.start();
    void names?.then((n) => n.settingsChanged(stored));
  }
  void scanner.start().then(() => performance.mark(FIRST_SCAN_DONE_MARK));
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    // The background forgot the tab: the next report goes out even if nothing changed.
    void names?.then((n) => n.navigated());
    void scanner.rescanAll();
  });
  ctx.onInvalidated(() => {
    unwatch?.();
    void names?.then((n) => n.dispose());
    scanner.dispose();
  });
  return scanner;
}
