// What a frame loads once it has names on it: the settings' full decode (which names show, in
// which colours), the report to the background, the hover card's input wiring and the keyboard
// shortcut. Loaded by the engine on the first name it finds.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentMessenger, messenger } from '../../messages';
import type { Settings } from '../../settings/schema';
import { isSiteDisabled } from '../../settings/site-match';
import { decodeStoredItems, type StoredItems } from '../../settings/stored';
import type { PageScanner } from '../engine/page-scanner';
import type { PageExtensionApi } from '../extension-api';
import { highlightEnvironment } from '../highlight-registry';
import { DetectionsReport } from './detections-report';
import { wireHoverCard } from './hover-wiring';
import { NamePainter } from './name-painter';
import { visibleEntityPredicate } from './visible-entities';

export interface NamesOptions {
  ctx: ContentScriptContext;
  api: PageExtensionApi;
  scanner: PageScanner;
  /** The stored settings items as the engine read them. */
  items: StoredItems;
}

export interface NamesController {
  /** The scanner's names changed. */
  namesChanged(): void;
  settingsChanged(items: StoredItems): void;
  /** An SPA navigation: the background forgot this tab. */
  navigated(): void;
  dispose(): void;
}

/** How long a scan's or a burst's changes settle before the report goes out. */
export const REPORT_DELAY_MS = 150;

export function startNames({ ctx, api, scanner, items }: NamesOptions): NamesController {
  const highlights = highlightEnvironment(window);
  let current: Settings = decodeStoredItems(items).settings;
  const painter = new NamePainter(scanner.entities, scanner.found, highlights, visibleEntityPredicate(current));
  scanner.attachPainter(painter);
  const reporter = new DetectionsReport(
    () => painter.detections(),
    (detections) => {
      if (ctx.isInvalid) return;
      messenger.sendMessage('reportDetections', { url: location.href, detections }).catch(() => {
        // The background may be restarting or the extension updating: the next report catches up.
      });
    },
    { setTimeout: (callback, ms) => ctx.setTimeout(callback, ms), clearTimeout: (id) => clearTimeout(id) },
    REPORT_DELAY_MS,
  );
  const apply = (stored: StoredItems) => {
    current = decodeStoredItems(stored).settings;
    if (!current.enabled || isSiteDisabled(current.disabledSites, location.href)) {
      scanner.stop();
      return;
    }
    painter.setPresets(current.display.dramaColor, current.display.actorColor);
    painter.setVisible(visibleEntityPredicate(current));
    reporter.schedule();
  };
  apply(items);
  const settings = () => current;
  const hover = wireHoverCard({
    ctx,
    api,
    scanner,
    registry: highlights.registry,
    settings,
    fetchCard: (entityId) => messenger.sendMessage('getEntityCard', { entityId }),
    changeLibrary: (change) => {
      void messenger.sendMessage('changeLibrary', change).catch(() => {
        // The background restarts on the next message; the card already shows the new state.
      });
    },
  });
  // Only the top frame answers the shortcut, so one card opens per press.
  const stopShortcut =
    window === window.top
      ? contentMessenger.onMessage('openCardFromShortcut', () => hover.openFromKeyboard())
      : undefined;
  return {
    namesChanged() {
      reporter.schedule();
      hover.namesChanged();
    },
    settingsChanged(stored) {
      apply(stored);
      hover.settingsChanged();
    },
    navigated: () => reporter.forget(),
    dispose() {
      stopShortcut?.();
      hover.dispose();
      reporter.dispose();
      painter.dispose();
    },
  };
}
