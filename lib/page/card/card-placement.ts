// Keeps the card next to its name as the page scrolls and reflows (floating-ui): below it,
// flipped above when there is no room, shifted into the viewport, and no taller than the room.
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

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
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        // Never taller than the room beside the name: the card's body scrolls instead.
        size({
          padding: 8,
          apply({ availableHeight }) {
            floating.style.setProperty('--card-available-height', `${Math.max(120, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  });
  return { stop };
}
