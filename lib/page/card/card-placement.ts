// Keeps the card next to its name as the page scrolls and reflows (floating-ui): below it,
// flipped above when there is no room, shifted into the viewport.
import { autoUpdate, computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';

export interface Placement {
  stop(): void;
}

/**
 * Places `floating` at `rect()` (a line of the name) until stopped. `stillThere` is asked on
 * every update; when it says no, `onGone` is called instead of placing.
 */
export function placeNextTo(
  rect: () => DOMRect,
  contextElement: Element | undefined,
  floating: HTMLElement,
  stillThere: () => boolean,
  onGone: () => void,
): Placement {
  const reference: VirtualElement = { getBoundingClientRect: rect, contextElement };
  const stop = autoUpdate(reference, floating, () => {
    if (!stillThere()) {
      onGone();
      return;
    }
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  });
  return { stop };
}
