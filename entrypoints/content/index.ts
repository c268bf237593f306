import { defineContentScript } from 'wxt/utils/define-content-script';
import dictionary from '../../generated/dictionary.json';
import highlightCss from '../../public/content-highlights.css?raw';
import themeCss from '../../components/theme.css?raw';
import commonCss from '../../components/common.css?raw';
import hoverCardCss from '../../components/hover-card.css?raw';
import entityCardCss from '../../components/entity-card.css?raw';
import type { CompiledDictionary } from '../../lib/match/compile';
import { startContent } from '../../lib/page/start-content';
import { CARD_HOST_TAG } from '../../lib/page/hover-card';

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
      cardCss: `${themeCss}\n${hoverCardCss}\n${commonCss}\n${entityCardCss}`,
      isOwnUi: (element) => element.localName === CARD_HOST_TAG,
    });
  },
});
