// Answers card requests from the hover card and the popup: the index is read once per service
// worker life (a cold worker pays one fetch + parse, measured by the card benchmark).
import { entityCard, indexMaps, type EntityCardData, type IndexMaps } from '../index/entity-card';
import { fetchIndex } from '../index/load-index';
import { pinnedOrSystemClock, TEST_NOW_KEY } from '../clock';
import { isDramaTracked, readSettings } from '../settings';

export interface CardServiceEnvironment {
  indexUrl: string;
  readPinnedNow: () => Promise<unknown>;
  timeZone: () => string;
}

export function createCardService(env: CardServiceEnvironment) {
  let maps: Promise<IndexMaps> | undefined;
  const loadMaps = () => {
    maps ??= fetchIndex(env.indexUrl).then(indexMaps);
    maps.catch(() => (maps = undefined)); // a failed read is retried on the next request
    return maps;
  };
  return {
    /** Starts reading the index early (e.g. when the worker wakes), so the first card is fast. */
    warm: () => void loadMaps().catch(() => {}),
    maps: loadMaps,
    async card(entityId: string): Promise<EntityCardData | null> {
      const [loaded, pinned, { settings }] = await Promise.all([loadMaps(), env.readPinnedNow(), readSettings()]);
      return (
        entityCard(loaded, entityId, {
          now: pinnedOrSystemClock(pinned).now(),
          timeZone: env.timeZone(),
          isTracked: (dramaId) => isDramaTracked(settings.tracking, dramaId),
        }) ?? null
      );
    },
  };
}

export const readPinnedNowFrom = (local: { get(key: string): Promise<Record<string, unknown>> }) => async () =>
  (await local.get(TEST_NOW_KEY))[TEST_NOW_KEY];
