// The options page's drama list as plain data: what each row shows and how the filters narrow it.
import type { CatalogDrama } from '../../lib/index/drama-catalog';
import { airState, hasEpisodeDates, type AirState } from '../../lib/schedule';
import type { FollowStatus, Follows, Muted } from '../../lib/settings';
import { t } from '../../lib/i18n';

export interface DramaRow {
  id: string;
  title: string;
  hangul?: string;
  network?: string;
  /** `2021`, `2019–2020`, `2024–` (no end yet) or empty when unknown. */
  years: string;
  /** Premiere year (or the year data gives), for the year filter. */
  year?: number;
  episodes?: number;
  status: AirState;
  /** The data dates every episode (a calendar can be exported). */
  hasEpisodeDates: boolean;
  /** From the Korean-Wikipedia tier (2000–2020, imported) rather than the curated catalog. */
  imported: boolean;
  /** Lower-cased title, Hangul, aliases, network and cast names, without spaces or hyphens. */
  searchText: string;
}

export interface DramaFilter {
  text: string;
  /** `all` dramas, or only the reader's: followed (any status) or muted. */
  mine: 'all' | 'followed' | 'muted';
  /** A follow status, `none` (not followed) or `any`. */
  follow: FollowStatus | 'none' | 'any';
  /** A premiere year, or `all`. */
  year: number | 'all';
  /** `curated` (the default: the catalog kept by hand), `imported` (2000–2020 from Korean Wikipedia) or `all`. */
  catalog: 'curated' | 'imported' | 'all';
  status: AirState | 'all';
  /** A network name, `all`, or `none` for dramas without a known network. */
  network: string;
}

/** What the page shows at first: the curated catalog; the 2000–2020 tier is one choice away. */
export const DEFAULT_FILTER: DramaFilter = {
  text: '',
  mine: 'all',
  follow: 'any',
  year: 'all',
  catalog: 'curated',
  status: 'all',
  network: 'all',
};

/** Folds text for matching: case, spaces, hyphens and dots do not matter ("Han So-hee" = "hansohee"). */
export const foldForSearch = (text: string) => text.toLowerCase().replace(/[\s\-.·:,'’]/g, '');

function yearsOf(drama: CatalogDrama, status: AirState): string {
  const from = drama.schedule?.premiere?.slice(0, 4);
  const to = drama.schedule?.finale?.slice(0, 4);
  if (!from) return to ?? (drama.year ? String(drama.year) : '');
  if (!to) return status === 'airing' ? `${from}–` : from;
  return from === to ? from : `${from}–${to}`;
}

export function dramaRows(catalog: readonly CatalogDrama[], now: number, timeZone: string): DramaRow[] {
  return catalog
    .map((drama) => {
      const status = airState(drama.schedule, now, timeZone);
      return {
        id: drama.id,
        title: drama.title,
        hangul: drama.hangul,
        network: drama.network,
        years: yearsOf(drama, status),
        ...(drama.year ? { year: drama.year } : {}),
        ...(drama.schedule?.episodes ? { episodes: drama.schedule.episodes } : {}),
        status,
        hasEpisodeDates: hasEpisodeDates(drama.schedule),
        imported: drama.imported === true,
        searchText: foldForSearch(
          [drama.title, drama.hangul, ...drama.aliases, drama.network, drama.castNames].filter(Boolean).join('|'),
        ),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

export interface Library {
  follows: Follows;
  muted: Muted;
}

export function filterRows(rows: readonly DramaRow[], filter: DramaFilter, library: Library): DramaRow[] {
  const text = foldForSearch(filter.text);
  const muted = new Set(library.muted.dramas);
  const followOf = (id: string) => (Object.hasOwn(library.follows, id) ? library.follows[id].status : 'none');
  return rows.filter(
    (row) =>
      (filter.mine === 'all' ||
        (filter.mine === 'muted' ? muted.has(row.id) : Object.hasOwn(library.follows, row.id))) &&
      (filter.follow === 'any' || followOf(row.id) === filter.follow) &&
      (filter.year === 'all' || row.year === filter.year) &&
      // The reader's own dramas are theirs whichever catalog they come from.
      (filter.mine !== 'all' || filter.catalog === 'all' || row.imported === (filter.catalog === 'imported')) &&
      (filter.status === 'all' || row.status === filter.status) &&
      (filter.network === 'all' || (row.network ?? 'none') === filter.network) &&
      (text === '' || row.searchText.includes(text)),
  );
}

/** Networks for the filter, most dramas first. */
export function networksOf(rows: readonly DramaRow[]): { value: string; label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.network ?? 'none', (counts.get(row.network ?? 'none') ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count, label: value === 'none' ? t('options.list.networkUnknown') : value }))
    .sort((a, b) =>
      a.value === 'none' ? 1 : b.value === 'none' ? -1 : b.count - a.count || a.label.localeCompare(b.label),
    );
}

/** An air state's name in the reader's language. */
export function statusLabel(state: AirState): string {
  switch (state) {
    case 'airing':
      return t('options.airState.airing');
    case 'upcoming':
      return t('options.airState.upcoming');
    case 'finished':
      return t('options.airState.finished');
    case 'unknown':
      return t('options.airState.unknown');
  }
}

/** Premiere years for the filter, newest first. */
export function yearsOfRows(rows: readonly DramaRow[]): number[] {
  return [...new Set(rows.flatMap((row) => (row.year ? [row.year] : [])))].sort((a, b) => b - a);
}
