// Search over every drama and person of the index, as the reader types: titles, names,
// aliases and Hangul, folded by `searchKey`. Exact, prefix, word-start and substring matches
// are plain string tests; typos are Fuse.js's approximate matching (Bitap) on the folded keys.
// Pure: built once from the index, then `search` per keystroke.
import Fuse from 'fuse.js/basic';
import type { DramaEntry, PersonEntry } from '../index/types';
import { searchKey } from './search-key';

export interface SearchableIndex {
  dramas: Pick<DramaEntry, 'id' | 'title' | 'hangul' | 'aliases'>[];
  people: Pick<PersonEntry, 'id' | 'name' | 'hangul' | 'aliases'>[];
}

export interface SearchResult {
  entityId: string;
  kind: 'drama' | 'person';
  /** The title or name. */
  label: string;
  hangul?: string;
  /** The other name that matched (an alias, a Hangul spelling), when it was not `label`. */
  matchedName?: string;
}

/** How a name matched, best first. */
export const MatchQuality = { exact: 0, prefix: 1, wordStart: 2, substring: 3, typo: 4 } as const;
type Quality = (typeof MatchQuality)[keyof typeof MatchQuality];

interface NameRecord {
  entityId: string;
  kind: 'drama' | 'person';
  label: string;
  hangul?: string;
  name: string;
  isLabel: boolean;
  key: string;
  wordStarts: number[];
  /** The key's two-character pieces, to skip names a typo match cannot reach. */
  bigrams: Set<string>;
}

export const DEFAULT_RESULT_LIMIT = 8;
/** From this many folded characters, typo matches are listed even beside exact ones. */
const LONG_QUERY = 8;
/** Longer input is not a name anyone types; it is cut so a paste cannot stall the popup. */
const MAX_QUERY_KEY = 48;

/** Typos allowed for a folded query of this length: none below 5 characters, then 1, then 2 from 8. */
export function allowedTypos(keyLength: number): number {
  return keyLength < 5 ? 0 : keyLength < 8 ? 1 : 2;
}

function records(index: SearchableIndex): NameRecord[] {
  const out: NameRecord[] = [];
  const add = (entity: Omit<NameRecord, 'name' | 'isLabel' | 'key' | 'wordStarts' | 'bigrams'>, names: string[]) => {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      const { key, wordStarts } = searchKey(name);
      if (key === '' || seen.has(key)) return;
      seen.add(key);
      out.push({ ...entity, name, isLabel: i === 0, key, wordStarts, bigrams: new Set(bigramsOf(key)) });
    });
  };
  for (const d of index.dramas) {
    add({ entityId: d.id, kind: 'drama', label: d.title, ...(d.hangul ? { hangul: d.hangul } : {}) }, [
      d.title,
      ...(d.hangul ? [d.hangul] : []),
      ...d.aliases,
    ]);
  }
  for (const p of index.people) {
    add({ entityId: p.id, kind: 'person', label: p.name, ...(p.hangul ? { hangul: p.hangul } : {}) }, [
      p.name,
      ...(p.hangul ? [p.hangul] : []),
      ...p.aliases,
    ]);
  }
  return out;
}

function bigramsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < key.length; i++) out.push(key.slice(i, i + 2));
  return out;
}

/**
 * The names that can hold `query` with at most `typos` edits. Each edit spoils at most two of
 * the query's bigrams, so such a name contains at least (bigrams − 2 × typos) of them: the rest
 * cannot match and Bitap need not look at them.
 */
function typoCandidates(names: NameRecord[], query: string, typos: number): NameRecord[] {
  const grams = bigramsOf(query);
  const needed = grams.length - 2 * typos;
  if (needed <= 0) return names;
  return names.filter((record) => {
    let found = 0;
    for (const gram of grams) if (record.bigrams.has(gram) && ++found >= needed) return true;
    return false;
  });
}

function exactQuality(record: NameRecord, query: string): Quality | undefined {
  const { key, wordStarts } = record;
  if (key === query) return MatchQuality.exact;
  if (key.startsWith(query)) return MatchQuality.prefix;
  if (wordStarts.some((start) => start > 0 && key.startsWith(query, start))) return MatchQuality.wordStart;
  // One or two letters inside a word match nearly everything: only whole-word starts count then.
  if (query.length >= 3 && key.includes(query)) return MatchQuality.substring;
  return undefined;
}

const FUSE_OPTIONS = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  // Bitap's score is errors / query length; 2 errors in 8 characters is the most we accept.
  threshold: 0.26,
  shouldSort: false,
};

export function createEntitySearch(index: SearchableIndex) {
  const names = records(index);

  return {
    /** How many names (titles, Hangul, aliases) are searchable. */
    size: names.length,

    search(query: string, limit = DEFAULT_RESULT_LIMIT): SearchResult[] {
      const q = searchKey(query).key.slice(0, MAX_QUERY_KEY);
      if (q === '') return [];
      const best = new Map<string, { record: NameRecord; quality: Quality; score: number }>();
      const consider = (record: NameRecord, quality: Quality, score: number) => {
        const current = best.get(record.entityId);
        const better =
          !current ||
          quality < current.quality ||
          (quality === current.quality &&
            (score < current.score || (score === current.score && record.isLabel && !current.record.isLabel)));
        if (better) best.set(record.entityId, { record, quality, score });
      };
      for (const record of names) {
        const quality = exactQuality(record, q);
        if (quality !== undefined) consider(record, quality, 0);
      }
      // Typo matches fill in when nothing matches as typed, or for long queries (where a
      // near-miss is likely meant); next to real prefix matches of a short query they are noise.
      const typos = allowedTypos(q.length);
      if (typos > 0 && (best.size === 0 || q.length >= LONG_QUERY)) {
        const candidates = typoCandidates(names, q, typos);
        for (const hit of new Fuse(candidates, FUSE_OPTIONS).search(q)) {
          const errors = Math.round((hit.score ?? 1) * q.length);
          if (errors <= typos) consider(hit.item, MatchQuality.typo, errors);
        }
      }
      return [...best.values()]
        .sort(
          (a, b) =>
            a.quality - b.quality ||
            a.score - b.score ||
            a.record.key.length - b.record.key.length ||
            a.record.label.localeCompare(b.record.label),
        )
        .slice(0, limit)
        .map(({ record }) => ({
          entityId: record.entityId,
          kind: record.kind,
          label: record.label,
          ...(record.hangul ? { hangul: record.hangul } : {}),
          ...(record.isLabel || record.name === record.hangul ? {} : { matchedName: record.name }),
        }));
    },
  };
}
export type EntitySearch = ReturnType<typeof createEntitySearch>;
