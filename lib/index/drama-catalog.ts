// The options page's list of every drama, as a file of its own (catalog.json): what a row shows
// and searches, a quarter of index.json's bytes. Extension pages read package files at about
// 10 MB/s on a small machine, so the page's first useful paint waits for this file, not the
// whole index (bench/options.ts).
import type { DramaIndex, DramaSchedule } from './types';

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

export async function fetchCatalog(url: string, fetchImpl: typeof fetch = fetch): Promise<DramaCatalog> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`catalog.json could not be read (${response.status})`);
  return (await response.json()) as DramaCatalog;
}
