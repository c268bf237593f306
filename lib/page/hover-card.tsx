// The hover card on the page: pointer, touch and keyboard wiring, the card's data, its shadow
// root and its position. Mounted only when a card is first needed, so pages that are merely
// read never get an extra element.
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard, type HoverCardState } from '../../components/HoverCard';
import type { EntityCardData } from '../index/entity-card';
import type { Settings } from '../settings';
import { HoverIntent, type OpenSource } from './hover-intent';
import { createNameHitTester } from './name-hit-test';
import type { NameOccurrence, PageScanner } from './page-scanner';

export const CARD_HOST_TAG = 'dramalens-ui';

export interface HoverCardOptions {
  ctx: ContentScriptContext;
  scanner: PageScanner;
  registry?: HighlightRegistry;
  settings: () => Settings;
  fetchCard: (entityId: string) => Promise<EntityCardData | null>;
  setTracked: (dramaId: string, tracked: boolean) => Promise<void>;
  /** The card's stylesheet text, adopted into its shadow root (not blockable by the page's CSP). */
  css: string;
}

export interface HoverCardController {
  /** Keyboard shortcut: the name at the selection/caret, else the next name on the page. */
  openFromKeyboard(): void;
  /** The page's names changed: close the card if its name went away. */
  namesChanged(): void;
  /** Settings changed: re-render with new display settings and tracking. */
  settingsChanged(): void;
  dispose(): void;
}

export function createHoverCard(options: HoverCardOptions): HoverCardController {
  const { ctx, scanner } = options;
  const cards = new Map<string, Promise<EntityCardData | null>>();
  const hitTester = createNameHitTester({
    document,
    registry: options.registry,
    occurrenceOf: (range) => scanner.occurrenceOf(range),
    occurrences: () => scanner.names,
  });
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let layer: HTMLElement | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let current: { occurrence: NameOccurrence; state: HoverCardState; source: OpenSource; lineIndex: number } | null =
    null;
  let returnFocusTo: Element | null = null;
  let lastPointer = { x: 0, y: 0 };
  let keyboardCursor: NameOccurrence | null = null;

  const cardData = (entityId: string) => {
    let promise = cards.get(entityId);
    if (!promise) {
      promise = options.fetchCard(entityId).catch(() => null);
      cards.set(entityId, promise);
    }
    return promise;
  };

  const mountUi = () => {
    ui ??= createShadowRootUi(ctx, {
      name: CARD_HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount(container, shadow) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(options.css);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
        const element = document.createElement('div');
        element.className = 'card-layer';
        element.addEventListener('pointerenter', () => intent.pointerEnterCard());
        element.addEventListener('pointerleave', () => intent.pointerLeaveCard());
        element.addEventListener('keydown', (event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            intent.close('escape');
          }
        });
        container.append(element);
        layer = element;
        return element;
      },
      onRemove() {
        layer = null;
      },
    }).then((created) => {
      created.mount();
      return created;
    });
    return ui;
  };

  const entityId = (o: NameOccurrence) => scanner.entities[o.entity].id;

  /** The rectangle of the name's line under the pointer (a wrapped name has several). */
  const lineRects = (o: NameOccurrence): DOMRect[] => {
    const range = document.createRange();
    range.setStart(o.range.startContainer, o.range.startOffset);
    range.setEnd(o.range.endContainer, o.range.endOffset);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };

  const renderCard = () => {
    if (!layer || !current) return;
    const settings = options.settings();
    render(
      <HoverCard
        state={current.state}
        display={settings.display}
        viewerTimeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        onToggleTrack={(dramaId, tracked) => {
          // Show the new state at once; the page's highlights follow through the settings change.
          if (current?.state.status === 'ready' && current.state.card.drama) {
            current.state = {
              status: 'ready',
              card: { ...current.state.card, drama: { ...current.state.card.drama, tracked } },
            };
            renderCard();
          }
          cards.clear();
          void options.setTracked(dramaId, tracked);
        }}
        onSelectEntity={(id) => {
          if (!current) return;
          const occurrence = current.occurrence;
          current.state = { status: 'loading', name: id };
          renderCard();
          void cardData(id).then((card) => {
            if (current?.occurrence !== occurrence) return;
            current.state = card ? { status: 'ready', card } : { status: 'error', name: id };
            renderCard();
          });
        }}
        onClose={() => intent.close('escape')}
      />,
      layer,
    );
  };

  const position = () => {
    if (!layer || !current) return;
    const occurrence = current.occurrence;
    const reference: VirtualElement = {
      getBoundingClientRect: () => {
        const rects = lineRects(occurrence);
        return rects[Math.min(current?.lineIndex ?? 0, rects.length - 1)] ?? new DOMRect();
      },
      contextElement: occurrence.startNode.parentElement ?? undefined,
    };
    const floating = layer;
    stopAutoUpdate?.();
    stopAutoUpdate = autoUpdate(reference, floating, () => {
      if (current?.occurrence !== occurrence) return;
      if (!scanner.isCurrent(occurrence)) {
        intent.close('gone');
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
  };

  const show = async (occurrence: NameOccurrence, source: OpenSource) => {
    const name =
      occurrence.range.startContainer === occurrence.range.endContainer
        ? occurrence.startNode.data.slice(occurrence.range.startOffset, occurrence.range.endOffset)
        : entityId(occurrence);
    const rects = lineRects(occurrence);
    const lineIndex = Math.max(
      0,
      rects.findIndex((r) => lastPointer.y >= r.top && lastPointer.y <= r.bottom),
    );
    const dwellStart = performance.now();
    current = { occurrence, state: { status: 'loading', name }, source, lineIndex: source === 'hover' ? lineIndex : 0 };
    if (source === 'keyboard') {
      const active = document.activeElement;
      returnFocusTo = active && active.localName !== CARD_HOST_TAG ? active : null;
    }
    const data = cardData(entityId(occurrence));
    await mountUi();
    if (current?.occurrence !== occurrence) return;
    const card = await Promise.race([data, Promise.resolve(undefined)]);
    if (card !== undefined) current.state = card ? { status: 'ready', card } : { status: 'error', name };
    renderCard();
    position();
    if (source === 'keyboard') layer?.querySelector<HTMLElement>('.hover-card')?.focus({ preventScroll: true });
    // A User Timing mark (visible in the page's performance timeline, harmless) lets the
    // benchmark measure dwell → painted, and whether the data was ready at the dwell.
    const dataReady = card !== undefined;
    const painted = () =>
      requestAnimationFrame(() =>
        performance.mark('dramalens-card-painted', {
          detail: { dwellStart, dataReady, source, entityId: entityId(occurrence) },
        }),
      );
    if (card !== undefined) painted();
    else {
      const resolved = await data;
      if (current?.occurrence !== occurrence) return;
      current.state = resolved ? { status: 'ready', card: resolved } : { status: 'error', name };
      renderCard();
      painted();
    }
  };

  const hide = () => {
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    const wasKeyboard = current?.source === 'keyboard';
    current = null;
    if (layer) render(null, layer);
    if (wasKeyboard && returnFocusTo && returnFocusTo.isConnected)
      (returnFocusTo as HTMLElement).focus?.({ preventScroll: true });
    returnFocusTo = null;
  };

  const intent = new HoverIntent<NameOccurrence>(
    {
      // Resting on a name: fetch its card and build the (empty) shadow root now, so the dwell
      // only has to render.
      prefetch: (o) => {
        void cardData(entityId(o));
        void mountUi();
      },
      show: (o, source) => void show(o, source),
      hide: () => hide(),
    },
    { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms), clearTimeout: (id) => clearTimeout(id) },
    () => options.settings().display.hoverDelayMs,
  );

  // Pointer: remember the position, hit-test once per frame (cheap handler, no layout per event).
  let frameRequested = false;
  const isInCard = (target: EventTarget | null) => target instanceof Element && target.localName === CARD_HOST_TAG;
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    lastPointer = { x: event.clientX, y: event.clientY };
    // Most pages have no names: then a move costs nothing more than this check.
    if (frameRequested || (scanner.names.length === 0 && !current)) return;
    frameRequested = true;
    ctx.requestAnimationFrame(() => {
      frameRequested = false;
      if (layer?.matches(':hover')) return;
      intent.pointerOver(hitTester.at(lastPointer.x, lastPointer.y) ?? null);
    });
  };
  let touchStart: { x: number; y: number } | null = null;
  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'touch') touchStart = { x: event.clientX, y: event.clientY };
    // A tap or click outside the card closes it.
    if (current && !isInCard(event.target)) {
      const onName = hitTester.at(event.clientX, event.clientY);
      if (!onName || onName !== current.occurrence) intent.close('left');
    }
  };
  const onPointerUp = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' || !touchStart) return;
    const moved = Math.hypot(event.clientX - touchStart.x, event.clientY - touchStart.y);
    touchStart = null;
    if (moved > 10) return; // a scroll, not a tap
    const occurrence = hitTester.at(event.clientX, event.clientY);
    lastPointer = { x: event.clientX, y: event.clientY };
    if (occurrence) intent.openNow(occurrence, 'touch');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && current) intent.close('escape');
  };
  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true, capture: true });
  ctx.addEventListener(document, 'pointerdown', onPointerDown, { passive: true, capture: true });
  ctx.addEventListener(document, 'pointerup', onPointerUp, { passive: true, capture: true });
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });

  const documentOrder = (): NameOccurrence[] =>
    scanner.names
      .filter((o) => o.painted && o.startNode.isConnected)
      .sort((a, b) => {
        if (a.startNode === b.startNode) return a.range.startOffset - b.range.startOffset;
        return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });

  return {
    openFromKeyboard() {
      const names = documentOrder();
      if (names.length === 0) return;
      let target: NameOccurrence | undefined;
      if (current) {
        // Pressed again while a card is open: step to the next name.
        target = names[(names.indexOf(current.occurrence) + 1) % names.length];
      } else {
        const selection = document.getSelection();
        const caret = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
        if (caret) {
          // The name at the caret, else the first one after it.
          target = names.find((o) => {
            const r = document.createRange();
            r.setStart(o.range.startContainer, o.range.startOffset);
            r.setEnd(o.range.endContainer, o.range.endOffset);
            return r.comparePoint(caret.startContainer, caret.startOffset) <= 0;
          });
        }
        target ??= names[keyboardCursor ? (names.indexOf(keyboardCursor) + 1) % names.length : 0];
      }
      keyboardCursor = target;
      target.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      intent.openNow(target, 'keyboard');
    },
    namesChanged() {
      hitTester.invalidate();
      if (current && !scanner.isCurrent(current.occurrence)) intent.close('gone');
    },
    settingsChanged() {
      cards.clear();
      if (current) {
        const occurrence = current.occurrence;
        void cardData(entityId(occurrence)).then((card) => {
          if (current?.occurrence !== occurrence || !card) return;
          current.state = { status: 'ready', card };
          renderCard();
        });
      }
    },
    dispose() {
      intent.close('gone');
      void ui?.then((created) => created.remove());
    },
  };
}
