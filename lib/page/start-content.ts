// Wires the page engine to the extension: settings (live), reporting to the background, SPA
// navigation and teardown. Called from the content entrypoint's main(); nothing runs at import.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CompiledDictionary } from '../match/compile';
import { loadDictionary } from '../match/matcher';
import { messenger } from '../messages';
import { isSiteDisabled, readSettings, watchSettings, type Settings } from '../settings';
import { highlightEnvironment } from './highlight-registry';
import { PageScanner, type Detection } from './page-scanner';
import { visibleEntityPredicate } from './visible-entities';

export interface ContentStartOptions {
  ctx: ContentScriptContext;
  dictionary: CompiledDictionary;
  /** The highlight stylesheet's text, adopted into open shadow roots. */
  highlightCss: string;
  isOwnUi: (element: Element) => boolean;
}

export async function startContent({ ctx, dictionary, highlightCss, isOwnUi }: ContentStartOptions) {
  const matcher = loadDictionary(dictionary);
  let shadowSheet: CSSStyleSheet | undefined;
  const report = (detections: Detection[]) => {
    if (ctx.isInvalid) return;
    messenger.sendMessage('reportDetections', { url: location.href, detections }).catch(() => {
      // The background may be restarting or the extension updating: the next report catches up.
    });
  };
  const scanner = new PageScanner(matcher, {
    document,
    highlights: highlightEnvironment(window),
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

  const apply = (settings: Settings) => {
    const on = settings.enabled && !isSiteDisabled(settings.disabledSites, location.href);
    if (!on) {
      scanner.stop();
      return;
    }
    scanner.setColorPresets(settings.display.dramaColor, settings.display.actorColor);
    scanner.setVisibleEntities(visibleEntityPredicate(matcher, settings.tracking));
    void scanner.start();
  };

  apply((await readSettings()).settings);
  const unwatch = watchSettings(apply);
  ctx.addEventListener(window, 'wxt:locationchange', () => void scanner.rescanAll());
  ctx.onInvalidated(() => {
    unwatch();
    scanner.dispose();
  });
  return scanner;
}
