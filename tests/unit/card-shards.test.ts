// A card read from its small file must be exactly the card the whole index gives.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardShardOf, cardShards, CARD_SHARD_COUNT } from '../../lib/index/card-shards';
import { entityCard, indexMaps } from '../../lib/index/entity-card';
import type { DramaIndex } from '../../lib/index/types';
import { buildIndex } from '../../scripts/index-builder/build';
import { loadData } from '../../scripts/index-builder/load';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('card shards', () => {
  it('give every drama and person of the bundled index the same card as the whole index', async () => {
    const result = buildIndex(await loadData(ROOT));
    if ('problems' in result) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const index: DramaIndex = result.index;
    const shards = cardShards(index);
    expect(shards).toHaveLength(CARD_SHARD_COUNT);
    const full = indexMaps(index);
    const context = {
      now: Date.parse('2025-03-15T12:00:00Z'),
      timeZone: 'Europe/Paris',
      library: { follows: {}, muted: { dramas: [], people: [] } },
    };
    for (const entity of [...index.dramas, ...index.people]) {
      const source = shards[cardShardOf(entity.id)][entity.id];
      expect(source, entity.id).toBeDefined();
      expect(entityCard(indexMaps({ version: 1, ...source }), entity.id, context)).toEqual(
        entityCard(full, entity.id, context),
      );
    }
  }, 60_000);

  it('spread ids over the shards and stay put (a stable hash)', () => {
    expect(cardShardOf('queen-of-tears')).toBe(cardShardOf('queen-of-tears'));
    const used = new Set(
      ['a', 'b', 'song-kang', 'han-so-hee', 'iu', 'nevertheless', 'hotel-del-luna'].map(cardShardOf),
    );
    expect(used.size).toBeGreaterThan(4);
    for (const shard of used) expect(shard).toBeLessThan(CARD_SHARD_COUNT);
  });
});
