// Pointer, touch and keyboard input on a page with names, turned into card opens and closes
// (HoverIntent), with the card's data fetched and its code loaded while the pointer rests, so
// the dwell only has to render. The card's code (Preact, floating-ui, components) is loaded
// here on the first rest, tap or shortcut, never before.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityCardData } from '../../index/entity-card';
import type { LibraryChange } from '../../messages';
import type { Settings } from '../../settings/schema';
import type { CardView } from '../card/index';
import type { PageExtensionApi } from '../extension-api';
import { importPageModule } from '../module-url';

type CardModule = typeof import('../card/index');
import type { NameOccurrence, PageScanner } from '../engine/page-scanner';
import { CARD_HOST_TAG } from '../own-ui';
import { HoverIntent, type OpenSource } from './hover-intent';
import { nextNameForKeyboard } from './keyboard-stepping';
import { createNameHitTester } from './name-hit-test';

export interface HoverWiringOptions {
  ctx: ContentScriptContext;
  api: PageExtensionApi;
  scanner: PageScanner;
  registry?: HighlightRegistry;
  settings: () => Settings;
  fetchCard: (entityId: string) => Promise<EntityCardData | null>;
  changeLibrary: (change: LibraryChange) => void;
}

export interface HoverWiring {
  /** Keyboard shortcut: the name at the selection/caret, else the next name on the page. */
  openFromKeyboard(): void;
  /** The page's names changed: close the card if its name went away. */
  namesChanged(): void;
  /** Settings changed: cached cards are stale (follows, mutes, times). */
  settingsChanged(): void;
  dispose(): void;
}

export function wireHoverCard(options: HoverWiringOptions): HoverWiring {
  const { ctx, scanner } = options;
  const cards = new Map<string, Promise<EntityCardData | null>>();
  const hitTester = createNameHitTester({
    document,
    registry: options.registry,
    occurrenceOf: (range) => scanner.occurrenceOf(range),
    occurrences: () => scanner.names,
  });
  let view: Promise<CardView> | null = null;
  let open: { occurrence: NameOccurrence; source: OpenSource } | null = null;
  let returnFocusTo: Element | null = null;
  let lastPointer = { x: 0, y: 0 };
  let keyboardCursor: NameOccurrence | null = null;

  const entityId = (o: NameOccurrence) => scanner.entities.id(o.entity);
  const cardData = (id: string) => {
    let promise = cards.get(id);
    if (!promise) {
      promise = options.fetchCard(id).catch(() => null);
      cards.set(id, promise);
    }
    return promise;
  };
  const loadView = () =>
    (view ??= importPageModule<CardModule>('card.js').then(({ createCardView }) =>
      createCardView({
        ctx,
        settings: options.settings,
        fetchCard: cardData,
        changeLibrary: (change) => {
          cards.clear();
          options.changeLibrary(change);
        },
        isCurrent: (o) => scanner.isCurrent(o),
        onGone: () => intent.close('gone'),
        pointerEnter: () => intent.pointerEnterCard(),
        pointerLeave: () => intent.pointerLeaveCard(),
        escape: () => intent.close('escape'),
      }),
    ));

  const show = async (occurrence: NameOccurrence, source: OpenSource) => {
    const dwellStart = performance.now();
    open = { occurrence, source };
    if (source === 'keyboard') {
      const active = document.activeElement;
      returnFocusTo = active && active.localName !== CARD_HOST_TAG ? active : null;
    }
    const data = cardData(entityId(occurrence));
    const card = await loadView();
    if (open?.occurrence !== occurrence) return;
    await card.show({
      occurrence,
      entityId: entityId(occurrence),
      source,
      pointerY: source === 'hover' ? lastPointer.y : undefined,
      data,
      dwellStart,
    });
  };

  const hide = () => {
    const wasKeyboard = open?.source === 'keyboard';
    open = null;
    void view?.then((card) => card.hide());
    if (wasKeyboard && returnFocusTo && returnFocusTo.isConnected)
      (returnFocusTo as HTMLElement).focus?.({ preventScroll: true });
    returnFocusTo = null;
  };

  const intent = new HoverIntent<NameOccurrence>(
    {
      // Resting on a name: fetch its card and load the card's code now.
      prefetch: (o) => {
        void cardData(entityId(o));
        void loadView();
      },
      show: (o, source) => void show(o, source),
      hide: () => hide(),
    },
    { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms), clearTimeout: (id) => clearTimeout(id) },
    () => options.settings().display.hoverDelayMs,
  );

  // Pointer: remember the position, hit-test once per frame (cheap handler, no layout per event).
  let frameRequested = false;
  let overCard = false;
  const isInCard = (target: EventTarget | null) => target instanceof Element && target.localName === CARD_HOST_TAG;
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    lastPointer = { x: event.clientX, y: event.clientY };
    overCard = isInCard(event.target);
    if (frameRequested || (scanner.names.length === 0 && !open)) return;
    frameRequested = true;
    ctx.requestAnimationFrame(() => {
      frameRequested = false;
      if (overCard) return;
      intent.pointerOver(hitTester.at(lastPointer.x, lastPointer.y) ?? null);
    });
  };
  let touchStart: { x: number; y: number } | null = null;
  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'touch') touchStart = { x: event.clientX, y: event.clientY };
    // A tap or click outside the card closes it.
    if (open && !isInCard(event.target)) {
      const onName = hitTester.at(event.clientX, event.clientY);
      if (!onName || onName !== open.occurrence) intent.close('left');
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
    if (event.key === 'Escape' && open) intent.close('escape');
  };
  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true, capture: true });
  ctx.addEventListener(document, 'pointerdown', onPointerDown, { passive: true, capture: true });
  ctx.addEventListener(document, 'pointerup', onPointerUp, { passive: true, capture: true });
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });

  return {
    openFromKeyboard() {
      const target = nextNameForKeyboard(document, scanner.names, open?.occurrence ?? null, keyboardCursor);
      if (!target) return;
      keyboardCursor = target;
      target.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      intent.openNow(target, 'keyboard');
    },
    namesChanged() {
      hitTester.invalidate();
      if (open && !scanner.isCurrent(open.occurrence)) intent.close('gone');
    },
    settingsChanged() {
      cards.clear();
      void view?.then((card) => card.refresh(cardData));
    },
    dispose() {
      intent.close('gone');
      void view?.then((card) => card.dispose());
    },
  };
}
