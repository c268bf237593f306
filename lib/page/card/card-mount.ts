// The card's home on the page: one shadow root (WXT's shadow-root UI) that page styles cannot
// reach and our styles cannot leave, created the first time a card is needed.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CARD_HOST_TAG } from '../own-ui';

export interface CardLayerEvents {
  pointerEnter(): void;
  pointerLeave(): void;
  escape(): void;
}

/** Mounts the shadow root with the card's stylesheet; resolves with the layer the card renders into. */
export async function mountCardLayer(
  ctx: ContentScriptContext,
  css: string,
  events: CardLayerEvents,
): Promise<{ layer: HTMLElement; remove: () => void }> {
  let layer: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: CARD_HOST_TAG,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    onMount(container, shadow) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      const element = document.createElement('div');
      element.className = 'card-layer';
      element.addEventListener('pointerenter', () => events.pointerEnter());
      element.addEventListener('pointerleave', () => events.pointerLeave());
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          events.escape();
        }
      });
      container.append(element);
      layer = element;
      return element;
    },
  });
  ui.mount();
  return { layer: layer!, remove: () => ui.remove() };
}
