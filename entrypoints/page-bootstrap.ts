// The content script every frame runs (declared in the manifest by wxt.config.ts): WXT's plain
// unlisted-script wrapper, not its content-script runtime, so a frame without readable text never
// touches the extension APIs (their first use builds bindings in the page's isolated world,
// which costs more than the whole check). The engine is built apart (scripts/page-modules) and
// loaded only where there is text.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootstrap } from '../lib/page/bootstrap';
import { pageExtensionApi } from '../lib/page/extension-api';
import { importPageModule } from '../lib/page/module-url';

type EngineModule = typeof import('../lib/page/engine/index');

export default defineUnlistedScript(() => {
  bootstrap({
    document,
    window,
    startEngine: () => {
      const api = pageExtensionApi();
      // After an update the old script's world stays on the page, cut off from the extension.
      if (!api?.runtime?.id) return;
      void importPageModule<EngineModule>('engine.js').then((engine) => engine.startEngine(api));
    },
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    MutationObserver,
  });
});
