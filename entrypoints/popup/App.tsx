import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import type { EntityCardData } from '../../lib/index/entity-card';
import type { TabDetections } from '../../lib/messages';
import type { LibraryChange } from '../../lib/messages';
import { setFollow, setMuted, setSiteDisabled, type Settings } from '../../lib/settings';
import { AiringSection } from './AiringSection';
import { CardPanel } from './CardPanel';
import { PageSection } from './PageSection';
import { fetchEntityCard, watchPopupSources, type PopupData } from './popup-data';
import { airingNext, entityName, onAirInKoreaThisWeek, pageAccess, rankPageEntities } from './popup-model';
import { SearchBox, SearchResults } from './SearchBox';

export interface AppProps {
  /** The popup's data, asked for before the first render so the requests start at once. */
  loading: Promise<PopupData>;
  /** What the reader typed into the page's static search box before the app took over. */
  initialQuery?: string;
  /** A card to open with (the page opened from a reminder). */
  initialCard?: string;
}

/** Which card is open: a stack (cards link to cards), and what Back finally returns to. */
interface OpenCard {
  stack: string[];
  from: 'overview' | 'results';
  /** The element that opened the card, focused again on the way back. */
  opener: Element | null;
}

/** Countdowns move on while the popup stays open. */
const TICK_MS = 30_000;

export function App({ loading, initialQuery = '', initialCard }: AppProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState(initialQuery);
  const [activeIndex, setActiveIndex] = useState(0);
  const [openCard, setOpenCard] = useState<OpenCard | null>(
    initialCard ? { stack: [initialCard], from: 'overview', opener: null } : null,
  );
  const [card, setCard] = useState<{ entityId: string; data: EntityCardData | null | Error } | null>(null);
  const [tick, setTick] = useState(0);
  const searchInput = useRef<HTMLInputElement>(null);
  const inputAt = useRef<number | undefined>(undefined);

  useEffect(() => {
    loading.then(setData, (error: Error) => setLoadError(error.message));
  }, [loading]);
  // Typing goes straight into the search, as it did in the static shell this replaced.
  useLayoutEffect(() => searchInput.current?.focus(), []);

  const watchedTabId = data?.tab?.id;
  useEffect(() => {
    if (!data) return;
    const update = (change: Partial<PopupData>) =>
      setData((current) => (current ? { ...current, ...change } : current));
    const stop = watchPopupSources(watchedTabId, {
      settings: (settings: Settings) => update({ settings }),
      detections: (detections: TabDetections | null | Error) => update({ detections }),
      tabUrl: (url) => setData((current) => (current?.tab ? { ...current, tab: { ...current.tab, url } } : current)),
    });
    const tick = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => {
      stop();
      clearInterval(tick);
    };
  }, [data !== null, watchedTabId]);

  // The open card comes from the background (the hover card's data), again when settings change
  // (tracking) and as the countdown moves on.
  const shownCardId = openCard?.stack.at(-1);
  useEffect(() => {
    if (!shownCardId) return;
    let current = true;
    void fetchEntityCard(shownCardId).then((cardData) => current && setCard({ entityId: shownCardId, data: cardData }));
    return () => {
      current = false;
    };
  }, [shownCardId, data?.settings, tick]);

  // User Timing marks read by the popup benchmark (bench/popup.ts).
  useLayoutEffect(() => {
    if (!data) return;
    performance.mark('dramalens:popup-ready');
    // Build the search index once the popup has painted, before the first keystroke needs it.
    const idle = setTimeout(() => data.search(), 0);
    return () => clearTimeout(idle);
  }, [data !== null]);

  const results = useMemo(() => (data && query.trim() ? data.search().search(query) : []), [data?.search, query]);
  useLayoutEffect(() => {
    if (inputAt.current === undefined) return;
    performance.measure('dramalens:search', { start: inputAt.current, end: performance.now() });
    inputAt.current = undefined;
  }, [results]);

  const back = () => {
    if (!openCard) return;
    if (openCard.stack.length > 1) {
      setOpenCard({ ...openCard, stack: openCard.stack.slice(0, -1) });
      return;
    }
    setOpenCard(null);
    const opener = openCard.opener;
    // After the overview or results render again.
    requestAnimationFrame(() => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else searchInput.current?.focus();
    });
  };

  // Esc steps back: card → where it was opened from; results → overview. The listener is added
  // once and reads this render's state through a ref (an effect re-added per render could miss a
  // key pressed before it ran).
  const onEscape = useRef<() => boolean>(() => false);
  onEscape.current = () => {
    if (openCard) {
      back();
      return true;
    }
    if (query) {
      setQuery('');
      searchInput.current?.focus();
      return true;
    }
    return false;
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.isComposing && onEscape.current()) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  if (loadError) {
    return (
      <div class="popup">
        <Header />
        <p class="empty-state" role="alert">
          {t('popup.loadError', [t('extName'), loadError])}
        </p>
      </div>
    );
  }

  const open = (entityId: string) =>
    setOpenCard({ stack: [entityId], from: query.trim() ? 'results' : 'overview', opener: document.activeElement });

  const onQuery = (next: string, at: number) => {
    inputAt.current = at;
    setQuery(next);
    setActiveIndex(0);
    setOpenCard(null);
  };

  const openSettings = () => void browser.runtime.openOptionsPage();

  const searchBox = (
    <SearchBox
      query={query}
      results={results}
      activeIndex={openCard ? -1 : activeIndex}
      inputRef={searchInput}
      onQuery={onQuery}
      onMove={(delta) => {
        setOpenCard(null);
        setActiveIndex((i) => Math.min(Math.max(i + delta, 0), Math.max(results.length - 1, 0)));
      }}
      onChoose={() => results[activeIndex] && open(results[activeIndex].entityId)}
    />
  );

  if (!data) {
    // The shell paints at once; the index and the tab's state fill it in.
    return (
      <div class="popup" aria-busy="true">
        <Header />
        {searchBox}
        <p class="empty-state muted">{t('popup.loading')}</p>
      </div>
    );
  }

  const { directory, settings, tab, clock, timeZone } = data;
  const now = clock.now();
  const access = pageAccess(tab?.url, settings);
  const detections = data.detections instanceof Error ? null : data.detections;

  const turnOffHere = () => access.kind === 'on' && access.hostname && void setSiteDisabled(access.hostname, true);
  // Removes every entry that keeps the page off, the hostname's own or a parent domain's.
  const turnOnHere = () => access.kind === 'off-here' && void setSiteDisabled(access.hostname, false);
  const changeLibrary = (change: LibraryChange) =>
    void (change.change === 'follow'
      ? setFollow(change.dramaId, change.follow)
      : setMuted(change.kind, change.id, change.muted));

  let body;
  if (openCard) {
    const shown = card && card.entityId === shownCardId ? card.data : undefined;
    body = (
      <CardPanel
        card={shown}
        display={settings.display}
        viewerTimeZone={timeZone}
        backLabel={
          openCard.stack.length > 1
            ? backToCard(entityName(directory, openCard.stack.at(-2)!))
            : openCard.from === 'results'
              ? t('popup.card.backToResults')
              : t('popup.card.back')
        }
        onBack={back}
        onSelectEntity={(entityId) => setOpenCard({ ...openCard, stack: [...openCard.stack, entityId] })}
        onLibraryChange={changeLibrary}
      />
    );
  } else if (query.trim()) {
    body = (
      <SearchResults
        query={query}
        results={results}
        activeIndex={activeIndex}
        onHover={setActiveIndex}
        onOpen={(entityId) => open(entityId)}
      />
    );
  } else {
    body = (
      <>
        <PageSection
          access={access}
          entities={access.kind === 'on' ? rankPageEntities(directory, detections) : []}
          reported={detections !== null}
          {...(data.detections instanceof Error ? { error: data.detections } : {})}
          onOpen={open}
          onTurnOnHere={turnOnHere}
          onOpenSettings={openSettings}
        />
        <AiringSection
          id="airing"
          title={t('popup.airing.heading')}
          dramas={airingNext(directory, settings, now, timeZone)}
          empty={
            <>
              {t('popup.airing.empty')}{' '}
              <button type="button" class="link-button" onClick={openSettings}>
                {t('popup.airing.findDramas')}
              </button>
            </>
          }
          display={settings.display}
          viewerTimeZone={timeZone}
          onOpen={open}
          onOpenSettings={openSettings}
        />
        <AiringSection
          id="week"
          title={t('popup.airing.weekHeading')}
          dramas={onAirInKoreaThisWeek(directory, settings, now, timeZone)}
          empty={t('popup.airing.weekEmpty')}
          display={settings.display}
          viewerTimeZone={timeZone}
          onOpen={open}
          onOpenSettings={openSettings}
        />
      </>
    );
  }

  return (
    <div class="popup" data-ready="true">
      <Header />
      {searchBox}
      <main class="popup-body">{body}</main>
      <footer class="popup-footer">
        {access.kind === 'on' && access.hostname ? (
          <button type="button" class="quiet-button" data-action="turn-off-site" onClick={turnOffHere}>
            {t('popup.turnOffOn', [access.hostname])}
          </button>
        ) : (
          <span />
        )}
        <button type="button" class="quiet-button" onClick={openSettings}>
          {t('popup.settings')}
        </button>
      </footer>
    </div>
  );
}

const backToCard = (name: string | undefined) =>
  name === undefined ? t('popup.card.backToPrevious') : t('popup.card.backTo', [name]);

function Header() {
  return (
    <header class="popup-header">
      <span class="logo" aria-hidden="true" />
      <h1>{t('extName')}</h1>
    </header>
  );
}
