// The options page's drama list as plain data: what each row shows and how the filters narrow it.
import type { DramaEntry } from '../../lib/index/types';
import { airState, type AirState } from '../../lib/schedule';

export interface DramaRow {
  id: string;
  title: string;
  hangul?: string;
  network?: string;
  /** `2021`, `2019–2020`, `2024–` (no end yet) or empty when unknown. */
  years: string;
  status: AirState;
  /** From the Korean-Wikipedia tier (2000–2020, imported) rather than the curated catalog. */
  imported: boolean;
  /** Lower-cased title, Hangul, aliases and network, without spaces or hyphens. */
  searchText: string;
}

export interface DramaFilter {
  text: string;
  /** `curated` (the default: the catalog kept by hand), `imported` (2000–2020 from Korean Wikipedia) or `all`. */
  catalog: 'curated' | 'imported' | 'all';
  status: AirState | 'all';
  /** A network name, `all`, or `none` for dramas without a known network. */
  network: string;
}

/** What the page shows at first: the curated catalog; the 2000–2020 tier is one choice away. */
export const DEFAULT_FILTER: DramaFilter = { text: '', catalog: 'curated', status: 'all', network: 'all' };

/** Folds text for matching: case, spaces, hyphens and dots do not matter ("Han So-hee" = "hansohee"). */
export const foldForSearch = (text: string) => text.toLowerCase().replace(/[\s\-.·:,'’]/g, '');

function yearsOf(drama: DramaEntry, status: AirState): string {
  const from = drama.schedule?.premiere?.slice(0, 4);
  const to = drama.schedule?.finale?.slice(0, 4);
  if (!from) return to ?? '';
  if (!to) return status === 'airing' ? `${from}–` : from;
  return from === to ? from : `${from}–${to}`;
}

export function dramaRows(dramas: readonly DramaEntry[], now: number, timeZone: string): DramaRow[] {
  return dramas
    .map((drama) => {
      const status = airState(drama.schedule, now, timeZone);
      return {
        id: drama.id,
        title: drama.title,
        hangul: drama.hangul,
        network: drama.network,
        years: yearsOf(drama, status),
        status,
        imported: drama.tier === 'dramadb',
        searchText: foldForSearch(
          [drama.title, drama.hangul, ...drama.aliases, drama.network].filter(Boolean).join('|'),
        ),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

export function filterRows(rows: readonly DramaRow[], filter: DramaFilter): DramaRow[] {
  const text = foldForSearch(filter.text);
  return rows.filter(
    (row) =>
      (filter.catalog === 'all' || row.imported === (filter.catalog === 'imported')) &&
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
    .map(([value, count]) => ({ value, count, label: value === 'none' ? 'Network unknown' : value }))
    .sort((a, b) =>
      a.value === 'none' ? 1 : b.value === 'none' ? -1 : b.count - a.count || a.label.localeCompare(b.label),
    );
}

export const STATUS_LABELS: Record<AirState, string> = {
  airing: 'Airing',
  upcoming: 'Upcoming',
  finished: 'Finished',
  unknown: 'Schedule unknown',
};
