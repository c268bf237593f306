// Answers card requests from the hover card and the popup. A card reads its own small file of
// the index (lib/index/card-shards.ts), once per service worker life, so a worker the browser
// stopped answers a hover within its dwell; the full index is read only for the popup's
// directory.
import { cardShardOf, cardShardPath, type CardSource } from '../index/card-shards';
import { entityCard, indexMaps, type EntityCardData, type IndexMaps } from '../index/entity-card';
import { fetchIndex } from '../index/load-index';
import { pinnedOrSystemClock, TEST_NOW_KEY } from '../clock';
import { readSettings } from '../settings';

export interface CardServiceEnvironment {
  indexUrl: string;
  /** The extension URL of a path (`runtime.getURL`). */
  urlOf: (path: string) => string;
  fetch?: typeof fetch;
  readPinnedNow: () => Promise<unknown>;
  timeZone: () => string;
}

export function createCardService(env: CardServiceEnvironment) {
  const fetchImpl = env.fetch ?? fetch;
  let maps: Promise<IndexMaps> | undefined;
  const loadMaps = () => {
    maps ??= fetchIndex(env.indexUrl, fetchImpl).then(indexMaps);
    maps.catch(() => (maps = undefined)); // a failed read is retried on the next request
    return maps;
  };
  const shards = new Map<number, Promise<Record<string, CardSource>>>();
  const loadShard = (shard: number) => {
    let loaded = shards.get(shard);
    if (!loaded) {
      loaded = fetchImpl(env.urlOf(cardShardPath(shard))).then((response) => {
        if (!response.ok) throw new Error(`card file ${shard} could not be read (${response.status})`);
        return response.json() as Promise<Record<string, CardSource>>;
      });
      loaded.catch(() => shards.delete(shard)); // a failed read is retried on the next request
      shards.set(shard, loaded);
    }
    return loaded;
  };
  return {
    /** The full index, for the popup's directory. */
    maps: loadMaps,
    async card(entityId: string): Promise<EntityCardData | null> {
      const [shard, pinned, { settings }] = await Promise.all([
        loadShard(cardShardOf(entityId)),
        env.readPinnedNow(),
        readSettings(),
      ]);
      const source = Object.hasOwn(shard, entityId) ? shard[entityId] : undefined;
      if (!source) return null;
      return (
        entityCard(indexMaps({ version: 1, ...source }), entityId, {
          now: pinnedOrSystemClock(pinned).now(),
          timeZone: env.timeZone(),
          library: settings,
        }) ?? null
      );
    },
  };
}

export const readPinnedNowFrom = (local: { get(key: string): Promise<Record<string, unknown>> }) => async () =>
  (await local.get(TEST_NOW_KEY))[TEST_NOW_KEY];
