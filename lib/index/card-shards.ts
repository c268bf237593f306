// What one card needs, cut out of the full index and grouped in small files (cards/<n>.json,
// made by the index builder): a cold service worker answers a card request by reading one file
// of a few kilobytes instead of the whole index, which the extension's file loading takes
// longer to read than a card has before its dwell ends. Pure.
import type { ArticleEntry, DramaEntry, DramaIndex, PersonEntry, Story } from './types';

export const CARD_SHARD_COUNT = 128;
export const CARD_SHARD_DIR = 'cards';
export const cardShardPath = (shard: number) => `/${CARD_SHARD_DIR}/${shard}.json`;

/** The shard an entity's card lives in: FNV-1a of its id. */
export function cardShardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % CARD_SHARD_COUNT;
}

/** The part of the index one entity's card reads: itself, its cast or dramas, its stories. */
export type CardSource = Pick<DramaIndex, 'dramas' | 'people' | 'articles' | 'stories'>;

/** A person in a drama's card: the name, nothing of their own filmography, news or sources. */
const castMember = (p: PersonEntry): PersonEntry => ({
  id: p.id,
  kind: 'person',
  name: p.name,
  ...(p.hangul ? { hangul: p.hangul } : {}),
  aliases: [],
  dramaIds: [],
  articleIds: [],
});

/** A drama in a person's filmography: what the row shows, and only that person's role. */
const filmographyDrama = (d: DramaEntry, personId: string): DramaEntry => ({
  ...d,
  aliases: [],
  platforms: [],
  cast: d.cast.filter((c) => c.personId === personId),
  articleIds: [],
});

export function cardShards(index: DramaIndex): Record<string, CardSource>[] {
  const dramas = new Map(index.dramas.map((d) => [d.id, d]));
  const people = new Map(index.people.map((p) => [p.id, p]));
  const articles = new Map(index.articles.map((a) => [a.id, a]));
  const stories = new Map(index.stories.map((s) => [s.id, s]));
  const shards: Record<string, CardSource>[] = Array.from({ length: CARD_SHARD_COUNT }, () => ({}));
  const newsOf = (articleIds: string[]) => {
    const storyList = new Map<string, Story>();
    const articleList = new Map<string, ArticleEntry>();
    for (const id of articleIds) {
      const article = articles.get(id);
      if (!article) continue;
      articleList.set(id, article);
      const story = stories.get(article.storyId);
      if (story) {
        storyList.set(story.id, story);
        for (const other of story.articleIds) {
          const a = articles.get(other);
          if (a) articleList.set(other, a);
        }
      }
    }
    return { articles: [...articleList.values()], stories: [...storyList.values()] };
  };
  for (const drama of index.dramas) {
    const cast = drama.cast.map((c) => people.get(c.personId)).filter((p): p is PersonEntry => p !== undefined);
    shards[cardShardOf(drama.id)][drama.id] = {
      dramas: [drama],
      people: cast.map(castMember),
      ...newsOf(drama.articleIds),
    };
  }
  for (const person of index.people) {
    const filmography = person.dramaIds.map((id) => dramas.get(id)).filter((d): d is DramaEntry => d !== undefined);
    shards[cardShardOf(person.id)][person.id] = {
      dramas: filmography.map((d) => filmographyDrama(d, person.id)),
      people: [person],
      ...newsOf(person.articleIds),
    };
  }
  return shards;
}
