import type { Ref } from 'preact';
import { t } from '../../lib/i18n';
import type { SearchResult } from '../../lib/search/entity-search';

export const SEARCH_LIST_ID = 'search-results';
export const resultOptionId = (index: number) => `search-result-${index}`;

export interface SearchBoxProps {
  query: string;
  /** The results shown (empty while the query is). */
  results: SearchResult[];
  activeIndex: number;
  inputRef: Ref<HTMLInputElement>;
  /** `inputAt` is the input event's time, for the per-keystroke latency measure. */
  onQuery: (query: string, inputAt: number) => void;
  onMove: (delta: 1 | -1) => void;
  onChoose: () => void;
}

/** The search field, a combobox: arrows move through the results, Enter opens one. */
export function SearchBox({ query, results, activeIndex, inputRef, onQuery, onMove, onChoose }: SearchBoxProps) {
  const expanded = query.trim() !== '';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return; // keys that compose Hangul belong to the input method
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && results.length > 0) {
      event.preventDefault();
      onChoose();
    }
  };
  return (
    <div class="search" role="search">
      <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="m13 13 4.5 4.5" />
      </svg>
      <input
        ref={inputRef}
        // ARIA in HTML allows role=combobox on a text input (not on type=search without a list).
        type="text"
        enterKeyHint="search"
        class="search-input"
        placeholder={t('popup.search.placeholder')}
        aria-label={t('popup.search.label')}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={SEARCH_LIST_ID}
        aria-activedescendant={expanded && activeIndex >= 0 ? resultOptionId(activeIndex) : undefined}
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value, event.timeStamp)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

export interface SearchResultsProps {
  query: string;
  results: SearchResult[];
  activeIndex: number;
  onHover: (index: number) => void;
  onOpen: (entityId: string) => void;
}

export function SearchResults({ query, results, activeIndex, onHover, onOpen }: SearchResultsProps) {
  return (
    <section class="popup-section" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('popup.search.heading')}</h2>
      <p class="visually-hidden" role="status">
        {t('popup.search.status', results.length)}
      </p>
      {results.length === 0 ? <p class="empty-state">{t('popup.search.noResults', [query.trim()])}</p> : null}
      <ul
        id={SEARCH_LIST_ID}
        class="result-list"
        role="listbox"
        aria-label={t('popup.search.listLabel')}
        hidden={results.length === 0}
      >
        {results.map((result, index) => (
          <li
            key={result.entityId}
            id={resultOptionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            class={`result kind-${result.kind}${index === activeIndex ? ' is-active' : ''}`}
            data-entity-id={result.entityId}
            onMouseMove={() => index !== activeIndex && onHover(index)}
            onClick={() => onOpen(result.entityId)}
          >
            <span class="kind-dot" aria-hidden="true" />
            <span class="result-text">
              <span class="result-label">
                {result.label}
                {result.hangul && <span class="hangul"> {result.hangul}</span>}
              </span>
              {result.matchedName && (
                <span class="result-alias">{t('popup.search.alsoKnownAs', [result.matchedName])}</span>
              )}
            </span>
            <span class="result-kind">
              {result.kind === 'drama' ? t('popup.search.kindDrama') : t('popup.search.kindActor')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
