// The full index ships as a file in the extension package (index.json), read on demand by the
// background and extension pages; the content script never loads it.
import type { DramaIndex, Entity } from './types';

export const INDEX_PATH = '/index.json';

export async function fetchIndex(url: string, fetchImpl: typeof fetch = fetch): Promise<DramaIndex> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`index.json could not be read (${response.status})`);
  return (await response.json()) as DramaIndex;
}

export interface IndexLookup {
  index: DramaIndex;
  entity(id: string): Entity | undefined;
}

export function indexLookup(index: DramaIndex): IndexLookup {
  const byId = new Map<string, Entity>();
  for (const d of index.dramas) byId.set(d.id, d);
  for (const p of index.people) byId.set(p.id, p);
  return { index, entity: (id) => byId.get(id) };
}
