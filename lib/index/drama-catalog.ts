// The options page's list of every drama, as a file of its own (catalog.json): what a row shows
// and searches, a quarter of index.json's bytes. Extension pages read package files at about
// 10 MB/s on a small machine, so the page's first useful paint waits for this file, not the
// whole index (bench/options.ts).
import type { DramaIndex, DramaSchedule, Source, SourcedIndex } from './types';

export const CATALOG_PATH = '/catalog.json';
export const CATALOG_FILE = 'catalog.json';

export interface CatalogDrama {
  id: string;
  title: string;
  hangul?: string;
  aliases: string[];
  network?: string;
  /** Premiere year, from the schedule or the data's year. */
  year?: number;
  /** From the Korean-Wikipedia tier (2000–2020). */
  imported?: true;
  schedule?: DramaSchedule;
  /** The cast's names (romanised, Hangul and aliases), `|`-joined, for search. */
  castNames: string;
}

export const DRAMA_SOURCES_PATH = '/drama-sources.json';
export const DRAMA_SOURCES_FILE = 'drama-sources.json';

/** Each drama's sources as lines a reader can follow, by drama id: read only by calendar exports. */
export type DramaSources = Record<string, string[]>;

export function dramaSources(index: SourcedIndex): DramaSources {
  return Object.fromEntries(index.dramas.map((d) => [d.id, [...new Set(d.sources.map(sourceLine))]]));
}

/** A source as one line: its address, and for a dataset row the file and row it came from. */
export function sourceLine(source: Source): string {
  if (!source.dataset) return source.url;
  const where = [source.file, source.row !== undefined ? `row ${source.row}` : ''].filter(Boolean).join(' ');
  return `${source.dataset}${where ? ` (${where})` : ''}: ${source.url}`;
}

export interface DramaCatalog {
  dramas: CatalogDrama[];
}

export function dramaCatalog(index: DramaIndex): DramaCatalog {
  const names = new Map(index.people.map((p) => [p.id, [p.name, p.hangul, ...p.aliases].filter(Boolean).join('|')]));
  return {
    dramas: index.dramas.map((drama) => {
      const year = Number(drama.schedule?.premiere?.slice(0, 4)) || drama.year;
      return {
        id: drama.id,
        title: drama.title,
        ...(drama.hangul ? { hangul: drama.hangul } : {}),
        aliases: drama.aliases,
        ...(drama.network ? { network: drama.network } : {}),
        ...(year ? { year } : {}),
        ...(drama.tier === 'dramadb' ? { imported: true as const } : {}),
        ...(drama.schedule ? { schedule: drama.schedule } : {}),
        castNames: drama.cast
          .map((c) => names.get(c.personId) ?? '')
          .filter(Boolean)
          .join('|'),
      };
    }),
  };
}

export async function fetchDramaSources(url: string, fetchImpl: typeof fetch = fetch): Promise<DramaSources> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`drama-sources.json could not be read (${response.status})`);
  return (await response.json()) as DramaSources;
}

export async function fetchCatalog(url: string, fetchImpl: typeof fetch = fetch): Promise<DramaCatalog> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`catalog.json could not be read (${response.status})`);
  return (await response.json()) as DramaCatalog;
}
