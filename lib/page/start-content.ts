// Wires the page engine to the extension: settings (live), reporting to the background, SPA
// navigation and teardown. Called from the content entrypoint's main(); nothing runs at import.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CompiledDictionary } from '../match/compile';
import { loadDictionary } from '../match/matcher';
import { contentMessenger, messenger } from '../messages';
import { isSiteDisabled, readSettings, setDramaTracked, watchSettings, type Settings } from '../settings';
import { createHoverCard, type HoverCardController } from './hover-card';
import { highlightEnvironment } from './highlight-registry';
import { PageScanner, type Detection } from './page-scanner';
import { visibleEntityPredicate } from './visible-entities';

export interface ContentStartOptions {
  ctx: ContentScriptContext;
  dictionary: CompiledDictionary;
  /** The highlight stylesheet's text, adopted into open shadow roots. */
  highlightCss: string;
  /** The hover card's stylesheet text. */
  cardCss: string;
  isOwnUi: (element: Element) => boolean;
}

export async function startContent({ ctx, dictionary, highlightCss, cardCss, isOwnUi }: ContentStartOptions) {
  // The settings come from the browser process: ask first, decode the dictionary meanwhile.
  const settingsRead = readSettings();
  const matcher = loadDictionary(dictionary);
  let shadowSheet: CSSStyleSheet | undefined;
  const report = (detections: Detection[]) => {
    if (ctx.isInvalid) return;
    messenger.sendMessage('reportDetections', { url: location.href, detections }).catch(() => {
      // The background may be restarting or the extension updating: the next report catches up.
    });
  };
  const highlights = highlightEnvironment(window);
  let card: HoverCardController | undefined;
  const scanner = new PageScanner(matcher, {
    document,
    highlights,
    onOccurrencesChanged: () => card?.namesChanged(),
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
      shadowSheet ??= new CSSStyleSheet();
      if (shadowSheet.cssRules.length === 0) shadowSheet.replaceSync(highlightCss);
      if (!root.adoptedStyleSheets.includes(shadowSheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
    },
    report,
  });

  let current: Settings;
  const apply = (settings: Settings) => {
    current = settings;
    card?.settingsChanged();
    const on = settings.enabled && !isSiteDisabled(settings.disabledSites, location.href);
    if (!on) {
      scanner.stop();
      return;
    }
    scanner.setColorPresets(settings.display.dramaColor, settings.display.actorColor);
    scanner.setVisibleEntities(visibleEntityPredicate(matcher, settings.tracking));
    void scanner.start();
  };

  apply((await settingsRead).settings);
  card = createHoverCard({
    ctx,
    scanner,
    registry: highlights.registry,
    settings: () => current,
    fetchCard: (entityId) => messenger.sendMessage('getEntityCard', { entityId }),
    setTracked: setDramaTracked,
    css: cardCss,
  });
  const unwatch = watchSettings(apply);
  // Only the top frame answers the shortcut, so one card opens per press.
  if (window === window.top) {
    contentMessenger.onMessage('openCardFromShortcut', () => card?.openFromKeyboard());
  }
  ctx.addEventListener(window, 'wxt:locationchange', () => void scanner.rescanAll());
  ctx.onInvalidated(() => {
    unwatch();
    card?.dispose();
    scanner.dispose();
  });
  return scanner;
}
