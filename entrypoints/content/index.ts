import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootstrap } from '../../lib/page/bootstrap';
import { pageExtensionApi } from '../../lib/page/extension-api';
import { importPageModule } from '../../lib/page/module-url';

type EngineModule = typeof import('../../lib/page/engine/index');

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT would announce every start to the page with window.postMessage; the page need not know.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const api = pageExtensionApi();
    bootstrap({
      document,
      window,
      startEngine: () => {
        // The engine is built apart from this bootstrap (scripts/page-modules) and loaded on demand.
        void importPageModule<EngineModule>(api, 'engine.js').then((engine) => engine.startEngine(ctx, api));
      },
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      MutationObserver,
      onInvalidated: (callback) => ctx.onInvalidated(callback),
    });
  },
});
