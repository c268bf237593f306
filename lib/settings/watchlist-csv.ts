// A watchlist as CSV, in and out: one row per followed drama (title or Hangul title, status,
// episodes watched). Import is two steps: `readWatchlistCsv` matches every row against the
// catalog and says which are sure, which are ambiguous and which are unknown; the options page
// shows that for review and saves only what the reader confirms (`followsFromReview`).
// Headers and statuses are read the way MyDramaList-style exports write them too.
import { joinPhrases, type Phrase } from '../i18n';
import Papa from 'papaparse';
import type { CatalogDrama as FullCatalogDrama } from '../index/drama-catalog';
import { searchKey } from '../search/search-key';
import {
  FOLLOW_STATUS_LABELS,
  FOLLOW_STATUSES,
  hasProgress,
  MAX_EPISODE,
  type Follow,
  type FollowStatus,
  type Follows,
} from './library';

/** What a watchlist row is matched against: a drama's names and its premiere year. */
export type CatalogDrama = Pick<FullCatalogDrama, 'id' | 'title' | 'hangul' | 'aliases' | 'year'>;

export type RowMatch =
  { kind: 'matched'; dramaId: string } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'unknown' };

export interface WatchlistRow {
  /** The row's line in the file (header = 1). */
  line: number;
  title: string;
  follow: Follow;
  match: RowMatch;
}

export type WatchlistRead = { ok: true; rows: WatchlistRow[] } | { ok: false; error: Phrase };

/** Far above any real watchlist: anything bigger is not one. */
export const MAX_WATCHLIST_BYTES = 2_000_000;
/** A reason the file cannot be read, and that nothing was changed (in the reader's language). */
const refused = (reason: Phrase): { ok: false; error: Phrase } => ({
  ok: false,
  error: joinPhrases(reason, (l) => l.t('settings.nothingChanged')),
});

const COLUMN_NAMES = {
  title: ['title', 'name', 'drama', 'english title'],
  hangul: ['hangul', 'korean title', 'native title', '한글', '제목'],
  status: ['status', 'my status', 'list', 'state'],
  episodes: ['episodes watched', 'episodes', 'progress', 'watched', 'last episode', 'episode'],
  year: ['year', 'premiere year'],
} as const;

const STATUS_WORDS: Record<string, FollowStatus> = {
  watching: 'watching',
  'currently watching': 'watching',
  plan: 'plan',
  'plan to watch': 'plan',
  'plan-to-watch': 'plan',
  planned: 'plan',
  completed: 'completed',
  finished: 'completed',
  'on hold': 'on-hold',
  'on-hold': 'on-hold',
  onhold: 'on-hold',
  paused: 'on-hold',
  dropped: 'dropped',
};

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const nameKey = (text: string) => searchKey(text).key;

/** Every drama under each of its folded names. */
function catalogByName(catalog: readonly CatalogDrama[]): Map<string, CatalogDrama[]> {
  const byName = new Map<string, CatalogDrama[]>();
  for (const drama of catalog) {
    const keys = new Set([drama.title, drama.hangul, ...drama.aliases].filter((n): n is string => !!n).map(nameKey));
    for (const key of keys) {
      if (key === '') continue;
      const list = byName.get(key) ?? [];
      list.push(drama);
      byName.set(key, list);
    }
  }
  return byName;
}

export function readWatchlistCsv(text: string, catalog: readonly CatalogDrama[]): WatchlistRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const table = parsed.data;
  if (table.length === 0) return refused((l) => l.t('settings.watchlist.empty'));
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (quoteError) {
    const line = (quoteError.row ?? 0) + 1;
    // Papa Parse's own words say what is wrong with the quotes (untranslated).
    return refused((l) => l.t('settings.watchlist.notCsv', [String(line), quoteError.message]));
  }
  const header = table[0].map(normalise);
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = {
    title: column(COLUMN_NAMES.title),
    hangul: column(COLUMN_NAMES.hangul),
    status: column(COLUMN_NAMES.status),
    episodes: column(COLUMN_NAMES.episodes),
    year: column(COLUMN_NAMES.year),
  };
  if ((at.title < 0 && at.hangul < 0) || at.status < 0) {
    return refused((l) => l.t('settings.watchlist.noHeader'));
  }
  const byName = catalogByName(catalog);
  const rows: WatchlistRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    const line = i + 1;
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const title = cell(at.title);
    const hangul = cell(at.hangul);
    if (!title && !hangul) return refused((l) => l.t('settings.watchlist.noTitle', [String(line)]));
    const status = STATUS_WORDS[normalise(cell(at.status))];
    if (!status) {
      // The file's words for statuses are English whatever the reader's language (the export writes them).
      const allowed = FOLLOW_STATUSES.map((s) => FOLLOW_STATUS_LABELS[s]).join(', ');
      const given = cell(at.status);
      return refused((l) => l.t('settings.watchlist.badStatus', [String(line), given, allowed]));
    }
    const episodesText = cell(at.episodes);
    let episode: number | undefined;
    if (episodesText !== '' && episodesText !== '0') {
      if (!/^\d+$/.test(episodesText) || Number(episodesText) > MAX_EPISODE) {
        return refused((l) => l.t('settings.watchlist.badEpisodes', [String(line), episodesText]));
      }
      episode = Number(episodesText);
    }
    const follow: Follow = episode !== undefined && hasProgress(status) ? { status, episode } : { status };
    const year = Number(cell(at.year)) || undefined;
    rows.push({ line, title: title || hangul, follow, match: matchRow(byName, title, hangul, year) });
  }
  if (rows.length === 0) return refused((l) => l.t('settings.watchlist.noDramas'));
  return { ok: true, rows };
}

function matchRow(byName: Map<string, CatalogDrama[]>, title: string, hangul: string, year?: number): RowMatch {
  const found = new Map<string, CatalogDrama>();
  // The Hangul title is the surer name when a row has both: English titles repeat more often.
  for (const name of [hangul, title]) {
    if (!name) continue;
    for (const drama of byName.get(nameKey(name)) ?? []) found.set(drama.id, drama);
    if (found.size > 0) break;
  }
  let candidates = [...found.values()];
  if (candidates.length > 1 && year !== undefined) {
    const sameYear = candidates.filter((d) => d.year === year);
    if (sameYear.length > 0) candidates = sameYear;
  }
  if (candidates.length === 0) return { kind: 'unknown' };
  if (candidates.length === 1) return { kind: 'matched', dramaId: candidates[0].id };
  // Newest first: a fan's list is more likely this decade's remake.
  candidates.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  return { kind: 'ambiguous', candidates: candidates.map((d) => d.id) };
}

/**
 * The follows after an import the reader reviewed: `choices` says which drama an ambiguous row
 * is (by line; absent or null: left out). Unknown rows are left out. Rows add to `current`.
 */
export function followsFromReview(
  current: Follows,
  rows: readonly WatchlistRow[],
  choices: ReadonlyMap<number, string | null>,
): Follows {
  const next: Follows = { ...current };
  for (const row of rows) {
    const dramaId =
      row.match.kind === 'matched'
        ? row.match.dramaId
        : row.match.kind === 'ambiguous'
          ? (choices.get(row.line) ?? undefined)
          : undefined;
    if (dramaId) next[dramaId] = row.follow;
  }
  return next;
}

/** The followed dramas as CSV (title, hangul, status, episodes watched), sorted by title. */
export function watchlistCsv(follows: Follows, catalog: readonly CatalogDrama[]): string {
  const byId = new Map(catalog.map((d) => [d.id, d]));
  const rows = Object.entries(follows)
    .map(([id, follow]) => ({ drama: byId.get(id), id, follow }))
    .sort((a, b) => (a.drama?.title ?? a.id).localeCompare(b.drama?.title ?? b.id, 'en'))
    .map(({ drama, id, follow }) => [
      drama?.title ?? id,
      drama?.hangul ?? '',
      drama?.year !== undefined ? String(drama.year) : '',
      FOLLOW_STATUS_LABELS[follow.status],
      follow.episode !== undefined ? String(follow.episode) : '',
    ]);
  return `${Papa.unparse({ fields: ['title', 'hangul', 'year', 'status', 'episodes watched'], data: rows }, { newline: '\n' })}\n`;
}
