import { defineContentScript } from 'wxt/utils/define-content-script';
import dictionary from '../../generated/dictionary.json';
import highlightCss from '../../public/content-highlights.css?raw';
import type { CompiledDictionary } from '../../lib/match/compile';
import { startContent } from '../../lib/page/start-content';

export const OWN_UI_TAG = 'dramalens-ui';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    await startContent({
      ctx,
      dictionary: dictionary as CompiledDictionary,
      highlightCss,
      isOwnUi: (element) => element.localName === OWN_UI_TAG,
    });
  },
});
