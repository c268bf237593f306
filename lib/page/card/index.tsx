// The hover card's view, loaded on the first hover, tap or shortcut (never on a page that is
// merely read): mounting, rendering (Preact, the shared components) and placement. Input and
// timing live in names/hover-wiring.ts, which drives this module.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverCard, type HoverCardState } from '../../../components/HoverCard';
import { withLibraryChange, type EntityCardData } from '../../index/entity-card';
import type { LibraryChange } from '../../messages';
import type { Settings } from '../../settings/schema';
import { liveRange } from '../static-range';
import type { NameOccurrence } from '../engine/found-names';
import { mountCardLayer, type CardLayerEvents } from './card-mount';
import { placeNextTo, type Placement } from './card-placement';
import themeCss from '../../../components/theme.css?raw';
import commonCss from '../../../components/common.css?raw';
import hoverCardCss from '../../../components/hover-card.css?raw';
import entityCardCss from '../../../components/entity-card.css?raw';

export type { HoverCardState };
export type OpenSource = 'hover' | 'keyboard' | 'touch';

export interface CardViewOptions extends CardLayerEvents {
  ctx: ContentScriptContext;
  settings: () => Settings;
  /** The name's entity id, for cards opened from another card's chips. */
  fetchCard: (entityId: string) => Promise<EntityCardData | null>;
  /** Follows, rates progress or mutes (the background writes the settings). */
  changeLibrary: (change: LibraryChange) => void;
  /** Whether the name is still on the page (checked as the card follows it). */
  isCurrent: (occurrence: NameOccurrence) => boolean;
  /** The name went away while its card was open. */
  onGone: () => void;
}

export interface CardView {
  /** Shows the card; resolves when it is painted with its data. */
  show(request: ShowRequest): Promise<void>;
  hide(): void;
  /** The settings changed: draw again with fresh data. */
  refresh(data: (entityId: string) => Promise<EntityCardData | null>): void;
  /** Whether the pointer is over the card. */
  hovered(): boolean;
  dispose(): void;
}

export interface ShowRequest {
  occurrence: NameOccurrence;
  entityId: string;
  source: OpenSource;
  /** Where the pointer rests: the card sits at that line of a wrapped name (else the first). */
  pointerY?: number;
  data: Promise<EntityCardData | null>;
  /** When the dwell ended (or the key was pressed): the benchmark's start. */
  dwellStart: number;
}

export const CARD_CSS = `${themeCss}\n${hoverCardCss}\n${commonCss}\n${entityCardCss}`;

/** The visible rectangles of a name (a wrapped name has one per line). */
function lineRects(occurrence: NameOccurrence): DOMRect[] {
  return [...liveRange(document, occurrence.range).getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

export const CARD_LOADED_MARK = 'dramalens:card-loaded';

export async function createCardView(options: CardViewOptions): Promise<CardView> {
  // Test seam: the page's performance timeline shows when the card's code first ran.
  performance.mark(CARD_LOADED_MARK);
  const { layer, remove } = await mountCardLayer(options.ctx, CARD_CSS, options);
  let placement: Placement | null = null;
  let current: { occurrence: NameOccurrence; state: HoverCardState; lineIndex: number } | null = null;

  const draw = () => {
    if (!current) return;
    const open = current;
    render(
      <HoverCard
        state={open.state}
        display={options.settings().display}
        viewerTimeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        onLibraryChange={(change) => {
          // Show the new state at once; the page's highlights follow through the settings change.
          if (open.state.status === 'ready') {
            open.state = { status: 'ready', card: withLibraryChange(open.state.card, change) };
            draw();
          }
          options.changeLibrary(change);
        }}
        onSelectEntity={(id) => {
          if (current !== open) return;
          open.state = { status: 'loading', name: id };
          draw();
          void options.fetchCard(id).then((card) => {
            if (current !== open) return;
            open.state = card ? { status: 'ready', card } : { status: 'error', name: id };
            draw();
          });
        }}
        onClose={() => options.escape()}
      />,
      layer,
    );
  };

  const place = () => {
    placement?.stop();
    if (!current) return;
    const open = current;
    placement = placeNextTo(
      () => {
        const rects = lineRects(open.occurrence);
        return rects[Math.min(open.lineIndex, rects.length - 1)] ?? new DOMRect();
      },
      open.occurrence.startNode.parentElement ?? undefined,
      layer,
      () => current === open && options.isCurrent(open.occurrence),
      () => {
        if (current === open) options.onGone();
      },
    );
  };

  const nameText = (o: NameOccurrence) =>
    o.range.startContainer === o.range.endContainer
      ? o.startNode.data.slice(o.range.startOffset, o.range.endOffset)
      : liveRange(document, o.range).toString();

  return {
    async show({ occurrence, entityId, source, pointerY, data, dwellStart }) {
      const name = nameText(occurrence);
      const lineIndex =
        pointerY === undefined
          ? 0
          : Math.max(
              0,
              lineRects(occurrence).findIndex((r) => pointerY >= r.top && pointerY <= r.bottom),
            );
      const open = { occurrence, state: { status: 'loading', name } as HoverCardState, lineIndex };
      current = open;
      const ready = await Promise.race([data, Promise.resolve(undefined)]);
      if (ready !== undefined) open.state = ready ? { status: 'ready', card: ready } : { status: 'error', name };
      draw();
      place();
      if (source === 'keyboard') layer.querySelector<HTMLElement>('.hover-card')?.focus({ preventScroll: true });
      const card = ready !== undefined ? ready : await data;
      if (current !== open) return;
      if (ready === undefined) {
        open.state = card ? { status: 'ready', card } : { status: 'error', name };
        draw();
      }
      // A User Timing mark (visible in the page's performance timeline, harmless) lets the
      // benchmark measure dwell → painted, and whether the data was ready at the dwell.
      requestAnimationFrame(() =>
        performance.mark('dramalens-card-painted', {
          detail: { dwellStart, dataReady: ready !== undefined, source, entityId },
        }),
      );
    },
    hide() {
      placement?.stop();
      placement = null;
      current = null;
      render(null, layer);
    },
    refresh(fresh) {
      const open = current;
      if (!open || open.state.status !== 'ready') return;
      void fresh(open.state.card.id).then((card) => {
        if (current !== open || !card) return;
        open.state = { status: 'ready', card };
        draw();
      });
    },
    hovered: () => layer.matches(':hover'),
    dispose() {
      placement?.stop();
      render(null, layer);
      remove();
    },
  };
}
