import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  FOLLOW_STATUS_LABELS,
  FOLLOW_STATUSES,
  hasProgress,
  MAX_EPISODE,
  withFollow,
  withMuted,
  type Follow,
  type HighlightScope,
} from '../../lib/settings';
import type { PersonEntry } from '../../lib/index/types';
import { FollowStatusOptions, FollowStatusSelect } from '../FollowStatusSelect';
import { MuteActor } from './MuteActor';
import {
  DEFAULT_FILTER,
  filterRows,
  networksOf,
  STATUS_LABELS,
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

  return (
    <div class="my-dramas">
      <fieldset class="scope">
        <legend>Highlight on pages</legend>
        <label>
          <input type="radio" name="scope" checked={highlightScope === 'all'} onChange={() => onScopeChange('all')} />{' '}
          Every drama and actor Dramalens knows (muted names aside)
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={highlightScope === 'followed'}
            onChange={() => onScopeChange('followed')}
          />{' '}
          Only dramas I follow and their cast
        </label>
      </fieldset>

      <div class="view-tabs" role="group" aria-label="Which dramas">
        {(
          [
            ['all', `All dramas (${rows.length})`],
            ['followed', `My dramas (${followedCount})`],
            ['muted', `Muted (${mutedCount})`],
          ] as const
        ).map(([mine, label]) => (
          <button
            key={mine}
            type="button"
            aria-pressed={filter.mine === mine}
            onClick={() => setFilter({ ...filter, mine, follow: 'any' })}
          >
            {label}
          </button>
        ))}
      </div>

      <div class="filters" role="search" aria-label="Find dramas">
        <label class="field grow">
          <span>Find</span>
          <input
            type="search"
            placeholder="Title, 한글, actor or network"
            value={filter.text}
            onInput={(e) => {
              inputAt.current = e.timeStamp;
              setFilter({ ...filter, text: e.currentTarget.value });
            }}
          />
        </label>
        {filter.mine === 'all' && (
          <label class="field">
            <span>Catalog</span>
            <select
              value={filter.catalog}
              onChange={(e) => setFilter({ ...filter, catalog: e.currentTarget.value as DramaFilter['catalog'] })}
            >
              <option value="curated">Curated ({rows.filter((row) => !row.imported).length})</option>
              <option value="imported">
                Korean Wikipedia, 2000–2020 ({rows.filter((row) => row.imported).length})
              </option>
              <option value="all">Both ({rows.length})</option>
            </select>
          </label>
        )}
        <label class="field">
          <span>My status</span>
          <select
            value={filter.follow}
            onChange={(e) => setFilter({ ...filter, follow: e.currentTarget.value as DramaFilter['follow'] })}
          >
            <option value="any">Any</option>
            <option value="none">Not following</option>
            <FollowStatusOptions />
          </select>
        </label>
        <label class="field">
          <span>Airing</span>
          <select
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value as DramaFilter['status'] })}
          >
            <option value="all">Any</option>
            {airStates.map((state) => (
              <option key={state} value={state}>
                {state === 'airing' ? 'Airing now' : STATUS_LABELS[state]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Network</span>
          <select value={filter.network} onChange={(e) => setFilter({ ...filter, network: e.currentTarget.value })}>
            <option value="all">Any network</option>
            {networks.map((network) => (
              <option key={network.value} value={network.value}>
                {network.label} ({network.count})
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Year</span>
          <select
            value={String(filter.year)}
            onChange={(e) =>
              setFilter({ ...filter, year: e.currentTarget.value === 'all' ? 'all' : Number(e.currentTarget.value) })
            }
          >
            <option value="all">Any year</option>
            {years.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
          </select>
        </label>
      </div>

      <p class="counts" role="status" data-testid="drama-counts">
        {shown.length === 1 ? '1 drama' : `${shown.length} dramas`}
        {shown.length > visible.length && ` · showing the first ${visible.length}`} · {followedCount} followed
      </p>

      {filter.mine === 'muted' && (
        <MuteActor
          people={people}
          muted={library.muted.people}
          onMute={(id) => onChange({ muted: withMuted(library.muted, 'person', id, true) })}
        />
      )}
      {filter.mine === 'muted' && library.muted.people.length > 0 && (
        <section class="muted-people" aria-label="Muted actors">
          <h3>Muted actors</h3>
          <ul class="chips">
            {library.muted.people.map((id) => (
              <li key={id} data-person-id={id}>
                <span class="chip">{personName(id) ?? id}</span>{' '}
                <button
                  type="button"
                  class="small"
                  onClick={() => onChange({ muted: withMuted(library.muted, 'person', id, false) })}
                >
                  Unmute<span class="visually-hidden"> {personName(id) ?? id}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {shown.length === 0 ? (
        <p class="empty">
          {filter.mine === 'followed' && followedCount === 0
            ? 'You follow no drama yet: choose a status next to a drama, here or on its card.'
            : 'No drama matches.'}{' '}
          <button type="button" class="link-button" onClick={() => setFilter({ ...DEFAULT_FILTER, mine: filter.mine })}>
            Clear filters
          </button>
        </p>
      ) : (
        <table class="drama-table">
          <caption class="visually-hidden">Dramas; choose a status to follow one</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">My status</th>
              <th scope="col">Watched</th>
              <th scope="col" class="col-mute">
                Mute
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
                      {FOLLOW_STATUS_LABELS[current.status]} (
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
          Show {Math.min(PAGE_SIZE, shown.length - visible.length)} more ({shown.length - visible.length} not shown)
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
          <span class={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
          {follow && row.hasEpisodeDates && (
            <button type="button" class="link-button calendar-link" onClick={onCalendar}>
              Calendar (.ics)<span class="visually-hidden"> of {row.title}</span>
            </button>
          )}
        </span>
      </th>
      <td>
        <FollowStatusSelect
          follow={follow}
          noneLabel="Not following"
          label={`My status for ${row.title}`}
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
        <button type="button" class="small mute-toggle" aria-pressed={muted} onClick={() => onMute(!muted)}>
          {muted ? 'Muted' : 'Mute'}
          <span class="visually-hidden"> {row.title}</span>
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
      <span class="visually-hidden">Episodes of {title} watched</span>
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
