import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  FOLLOW_STATUSES,
  hasProgress,
  MAX_EPISODE,
  withFollow,
  withMuted,
  type Follow,
  type HighlightScope,
} from '../../lib/settings';
import type { PersonEntry } from '../../lib/index/types';
import { FollowStatusOptions, FollowStatusSelect, followStatusLabel } from '../FollowStatusSelect';
import { MuteActor } from './MuteActor';
import { t } from '../../lib/i18n';
import {
  DEFAULT_FILTER,
  filterRows,
  networksOf,
  statusLabel,
  yearsOfRows,
  type DramaFilter,
  type DramaRow,
  type Library,
} from './drama-rows';

export interface MyDramasProps {
  rows: DramaRow[];
  library: Library;
  highlightScope: HighlightScope;
  /** Saves the reader's follows or mutes (each change at once). */
  onChange: (patch: Partial<Library>) => void;
  onScopeChange: (scope: HighlightScope) => void;
  /** Names of people, for the list of muted names. */
  personName: (id: string) => string | undefined;
  /** Every person, for muting an actor here (null while the index loads). */
  people: readonly PersonEntry[] | null;
  /** Saves a calendar (.ics) of one drama's episodes. */
  onCalendar: (dramaId: string) => void;
}

/** Rows rendered at first and added per "Show more": the page stays fast at thousands of dramas. */
export const PAGE_SIZE = 40;
const AIR_ORDER = ['airing', 'upcoming', 'finished', 'unknown'] as const;
/** The list's views: every drama, the reader's, the muted ones. */
const VIEWS = ['all', 'followed', 'muted'] as const;

/** Search first over every drama; follow, status, progress and mute in place; the reader's dramas grouped by status. */
export function MyDramas({
  rows,
  library,
  highlightScope,
  onChange,
  onScopeChange,
  personName,
  people,
  onCalendar,
}: MyDramasProps) {
  const [filter, setFilterState] = useState<DramaFilter>(DEFAULT_FILTER);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const setFilter = (next: DramaFilter) => {
    setFilterState(next);
    setLimit(PAGE_SIZE);
  };
  const networks = useMemo(() => networksOf(rows), [rows]);
  const years = useMemo(() => yearsOfRows(rows), [rows]);
  const airStates = AIR_ORDER.filter((state) => rows.some((row) => row.status === state));
  const shown = useMemo(() => {
    const matching = filterRows(rows, filter, library);
    if (filter.mine !== 'followed') return matching;
    // My dramas: grouped by status, in the order fans keep lists.
    const rank = (row: DramaRow) => FOLLOW_STATUSES.indexOf(library.follows[row.id].status);
    return [...matching].sort((a, b) => rank(a) - rank(b));
  }, [rows, filter, library]);
  // User Timing for the options benchmark (bench/options.ts): keystroke → results committed.
  const inputAt = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (inputAt.current === undefined) return;
    performance.measure('dramalens:options-search', { start: inputAt.current, end: performance.now() });
    inputAt.current = undefined;
  }, [shown]);
  useLayoutEffect(() => void performance.mark('dramalens:options-ready'), []);
  const followedCount = Object.keys(library.follows).length;
  const mutedCount = library.muted.dramas.length + library.muted.people.length;

  const follow = (id: string, next: Follow | null) => onChange({ follows: withFollow(library.follows, id, next) });
  const visible = shown.slice(0, limit);
  const brand = t('extName');
  const viewLabels: Record<(typeof VIEWS)[number], string> = {
    all: t('options.list.viewAll', [String(rows.length)]),
    followed: t('options.list.viewMine', [String(followedCount)]),
    muted: t('options.list.viewMuted', [String(mutedCount)]),
  };

  return (
    <div class="my-dramas">
      <fieldset class="scope">
        <legend>{t('options.list.scope')}</legend>
        <label>
          <input type="radio" name="scope" checked={highlightScope === 'all'} onChange={() => onScopeChange('all')} />{' '}
          {t('options.list.scopeAll', [brand])}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={highlightScope === 'followed'}
            onChange={() => onScopeChange('followed')}
          />{' '}
          {t('options.list.scopeFollowed')}
        </label>
      </fieldset>

      <div class="view-tabs" role="group" aria-label={t('options.list.views')}>
        {VIEWS.map((mine) => (
          <button
            key={mine}
            type="button"
            aria-pressed={filter.mine === mine}
            onClick={() => setFilter({ ...filter, mine, follow: 'any' })}
          >
            {viewLabels[mine]}
          </button>
        ))}
      </div>

      <div class="filters" role="search" aria-label={t('options.list.filters')}>
        <label class="field grow">
          <span>{t('options.list.find')}</span>
          <input
            type="search"
            placeholder={t('options.list.findPlaceholder')}
            value={filter.text}
            onInput={(e) => {
              inputAt.current = e.timeStamp;
              setFilter({ ...filter, text: e.currentTarget.value });
            }}
          />
        </label>
        {filter.mine === 'all' && (
          <label class="field">
            <span>{t('options.list.catalog')}</span>
            <select
              value={filter.catalog}
              onChange={(e) => setFilter({ ...filter, catalog: e.currentTarget.value as DramaFilter['catalog'] })}
            >
              <option value="curated">
                {t('options.list.curated', [String(rows.filter((row) => !row.imported).length)])}
              </option>
              <option value="imported">
                {t('options.list.imported', [String(rows.filter((row) => row.imported).length)])}
              </option>
              <option value="all">{t('options.list.both', [String(rows.length)])}</option>
            </select>
          </label>
        )}
        <label class="field">
          <span>{t('options.list.myStatus')}</span>
          <select
            value={filter.follow}
            onChange={(e) => setFilter({ ...filter, follow: e.currentTarget.value as DramaFilter['follow'] })}
          >
            <option value="any">{t('options.list.any')}</option>
            <option value="none">{t('options.list.notFollowing')}</option>
            <FollowStatusOptions />
          </select>
        </label>
        <label class="field">
          <span>{t('options.list.airing')}</span>
          <select
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value as DramaFilter['status'] })}
          >
            <option value="all">{t('options.list.any')}</option>
            {airStates.map((state) => (
              <option key={state} value={state}>
                {state === 'airing' ? t('options.list.airingNow') : statusLabel(state)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('options.list.network')}</span>
          <select value={filter.network} onChange={(e) => setFilter({ ...filter, network: e.currentTarget.value })}>
            <option value="all">{t('options.list.anyNetwork')}</option>
            {networks.map((network) => (
              <option key={network.value} value={network.value}>
                {network.label} ({network.count})
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('options.list.year')}</span>
          <select
            value={String(filter.year)}
            onChange={(e) =>
              setFilter({ ...filter, year: e.currentTarget.value === 'all' ? 'all' : Number(e.currentTarget.value) })
            }
          >
            <option value="all">{t('options.list.anyYear')}</option>
            {years.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
          </select>
        </label>
      </div>

      <p class="counts" role="status" data-testid="drama-counts">
        {t('options.list.count', shown.length)}
        {shown.length > visible.length && ` · ${t('options.list.showingFirst', [String(visible.length)])}`} ·{' '}
        {t('options.list.followed', [String(followedCount)])}
      </p>

      {filter.mine === 'muted' && (
        <MuteActor
          people={people}
          muted={library.muted.people}
          onMute={(id) => onChange({ muted: withMuted(library.muted, 'person', id, true) })}
        />
      )}
      {filter.mine === 'muted' && library.muted.people.length > 0 && (
        <section class="muted-people" aria-label={t('options.list.mutedActors')}>
          <h3>{t('options.list.mutedActors')}</h3>
          <ul class="chips">
            {library.muted.people.map((id) => (
              <li key={id} data-person-id={id}>
                <span class="chip">{personName(id) ?? id}</span>{' '}
                <button
                  type="button"
                  class="small"
                  aria-label={t('options.list.unmuteNamed', [personName(id) ?? id])}
                  onClick={() => onChange({ muted: withMuted(library.muted, 'person', id, false) })}
                >
                  {t('options.list.unmute')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {shown.length === 0 ? (
        <p class="empty">
          {filter.mine === 'followed' && followedCount === 0
            ? t('options.list.noneFollowed')
            : t('options.list.noMatch')}{' '}
          <button type="button" class="link-button" onClick={() => setFilter({ ...DEFAULT_FILTER, mine: filter.mine })}>
            {t('options.list.clearFilters')}
          </button>
        </p>
      ) : (
        <table class="drama-table">
          <caption class="visually-hidden">{t('options.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options.list.colTitle')}</th>
              <th scope="col">{t('options.list.myStatus')}</th>
              <th scope="col">{t('options.list.colWatched')}</th>
              <th scope="col" class="col-mute">
                {t('options.common.mute')}
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row, i) => {
              const current = Object.hasOwn(library.follows, row.id) ? library.follows[row.id] : undefined;
              const groupStart =
                filter.mine === 'followed' &&
                current &&
                (i === 0 || library.follows[visible[i - 1].id]?.status !== current.status);
              return [
                groupStart ? (
                  <tr key={`group-${current.status}`} class="group-row">
                    <th scope="rowgroup" colSpan={4}>
                      {followStatusLabel(current.status)} (
                      {shown.filter((r) => library.follows[r.id]?.status === current.status).length})
                    </th>
                  </tr>
                ) : null,
                <DramaRowView
                  key={row.id}
                  row={row}
                  follow={current}
                  muted={library.muted.dramas.includes(row.id)}
                  onFollow={(next) => follow(row.id, next)}
                  onMute={(on) => onChange({ muted: withMuted(library.muted, 'drama', row.id, on) })}
                  onCalendar={() => onCalendar(row.id)}
                />,
              ];
            })}
          </tbody>
        </table>
      )}
      {shown.length > visible.length && (
        <button type="button" class="show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('options.list.showMore', [
            String(Math.min(PAGE_SIZE, shown.length - visible.length)),
            String(shown.length - visible.length),
          ])}
        </button>
      )}
    </div>
  );
}

function DramaRowView({
  row,
  follow,
  muted,
  onFollow,
  onMute,
  onCalendar,
}: {
  row: DramaRow;
  follow: Follow | undefined;
  muted: boolean;
  onFollow: (follow: Follow | null) => void;
  onMute: (muted: boolean) => void;
  onCalendar: () => void;
}) {
  const classes = [follow ? 'is-followed' : '', muted ? 'is-muted' : ''].filter(Boolean).join(' ');
  return (
    <tr data-drama-id={row.id} class={classes || undefined}>
      <th scope="row">
        <span class="title">{row.title}</span>
        {row.hangul && (
          <span class="hangul" lang="ko">
            {' '}
            {row.hangul}
          </span>
        )}
        <span class="row-meta">
          {[row.network, row.years].filter(Boolean).join(' · ')}{' '}
          <span class={`status status-${row.status}`}>{statusLabel(row.status)}</span>
          {follow && row.hasEpisodeDates && (
            <button
              type="button"
              class="link-button calendar-link"
              aria-label={t('options.list.calendarOf', [row.title])}
              onClick={onCalendar}
            >
              {t('options.list.calendar')}
            </button>
          )}
        </span>
      </th>
      <td>
        <FollowStatusSelect
          follow={follow}
          noneLabel={t('options.list.notFollowing')}
          label={t('options.list.statusFor', [row.title])}
          onChange={onFollow}
        />
      </td>
      <td class="col-progress">
        {follow && hasProgress(follow.status) ? (
          <EpisodeProgressInput
            title={row.title}
            episode={follow.episode}
            episodes={row.episodes}
            onCommit={(episode) =>
              onFollow(episode > 0 ? { status: follow.status, episode } : { status: follow.status })
            }
          />
        ) : (
          <span class="muted" aria-hidden="true">
            —
          </span>
        )}
      </td>
      <td class="col-mute">
        <button
          type="button"
          class="small mute-toggle"
          aria-pressed={muted}
          aria-label={t(muted ? 'options.common.mutedNamed' : 'options.common.muteNamed', [row.title])}
          onClick={() => onMute(!muted)}
        >
          {muted ? t('options.common.muted') : t('options.common.mute')}
        </button>
      </td>
    </tr>
  );
}

/**
 * Episodes watched, saved when the reader leaves the box (or steps it). What they are typing is
 * kept until then: a re-render from a settings change elsewhere (the status write just before,
 * another tab) must not put the stored number back under their cursor.
 */
function EpisodeProgressInput({
  title,
  episode,
  episodes,
  onCommit,
}: {
  title: string;
  episode: number | undefined;
  episodes: number | undefined;
  onCommit: (episode: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // Saved on change, and on blur too: Firefox fires no change event for text inserted rather than
  // typed (by an input method or a test driver), though the box shows it. The ref makes the blur
  // after a change save nothing twice (the render that clears the draft may not have run yet).
  const typing = useRef(false);
  const commit = (value: string) => {
    if (!typing.current) return;
    typing.current = false;
    setDraft(null);
    const typed = Math.trunc(Number(value));
    if (value.trim() === '' || !Number.isFinite(typed) || typed < 0) return;
    const capped = Math.min(typed, episodes ?? MAX_EPISODE);
    if (capped !== (episode ?? 0)) onCommit(capped);
  };
  return (
    <label>
      <span class="visually-hidden">{t('options.list.episodesOf', [title])}</span>
      <input
        type="number"
        min={0}
        max={episodes ?? MAX_EPISODE}
        value={draft ?? episode ?? 0}
        onInput={(e) => {
          typing.current = true;
          setDraft(e.currentTarget.value);
        }}
        onChange={(e) => commit(e.currentTarget.value)}
        onBlur={(e) => commit(e.currentTarget.value)}
      />
      {episodes ? <span class="muted"> / {episodes}</span> : null}
    </label>
  );
}
