// The content script every frame runs (declared in the manifest by wxt.config.ts): WXT's plain
// unlisted-script wrapper, not its content-script runtime, so a frame without readable text never
// touches the extension APIs (their first use builds bindings in the page's isolated world,
// which costs more than the whole check). The engine is built apart (scripts/page-modules) and
// loaded only where the background's matcher says the text may hold a name.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootstrap } from '../lib/page/bootstrap';
import { remoteNameMatching } from '../lib/page/remote-matching';
import { pageExtensionApi, type PageExtensionApi, type RuntimeMessageListener } from '../lib/page/extension-api';
import { importPageModule } from '../lib/page/module-url';
import { isTopFrameUrlRequest } from '../lib/top-frame-url';

type EngineModule = typeof import('../lib/page/engine/index');

export default defineUnlistedScript(() => {
  let api: PageExtensionApi | undefined;
  // The extension APIs are first touched here, in a frame with text. After an update the old
  // script's world stays on the page, cut off from the extension: it stays quiet.
  const connected = () => {
    if (api) return api.runtime?.id ? api : undefined;
    api = pageExtensionApi();
    if (!api?.runtime?.id) return undefined;
    // The top frame tells the background and the popup which page the tab shows (they have no
    // `tabs` permission to read it), names or not.
    if (window === window.top) {
      const answerTopFrameUrl: RuntimeMessageListener = (message, _sender, sendResponse) => {
        if (isTopFrameUrlRequest(message)) sendResponse(location.href);
      };
      api.runtime.onMessage.addListener(answerTopFrameUrl);
    }
    return api;
  };
  let refused = false;
  const matching = remoteNameMatching(() => (refused = true));
  const context = { kdrama: false };
  bootstrap({
    document,
    window,
    askNames: async (texts, nearCues) => {
      if (!connected()) return 'none';
      const windows = await matching.rough(texts, context, nearCues);
      return windows.length > 0 || refused ? 'maybe' : 'none';
    },
    startEngine: () => {
      const live = connected();
      if (live) void importPageModule<EngineModule>('engine.js').then((engine) => engine.startEngine(live));
    },
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    MutationObserver,
    now: () => performance.now(),
  });
});
