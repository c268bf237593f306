// What a card shows for one drama or person: the same data for the hover card (sent by the
// background) and the popup (computed in the page). Pure: the clock and zone are parameters.
import { nextAirTime, type AirTime } from '../schedule';
import type { LibraryChange } from '../messages';
import { withFollow, type Follow, type FollowStatus, type Follows, type Muted } from '../settings/library';
import type { ArticleEntry, DramaEntry, DramaIndex, Entity, PersonEntry } from './types';

export interface NewsSource {
  articleId: string;
  outlet: string;
  url?: string;
  published?: string;
}

/** One story: its best article, plus every outlet that reported it. */
export interface NewsCardData {
  storyId: string;
  headline: string;
  summary: string;
  /** The lead article first. */
  sources: NewsSource[];
}

export interface CastChip {
  personId: string;
  name: string;
  hangul?: string;
  character?: string;
}

export interface FilmographyItem {
  dramaId: string;
  title: string;
  hangul?: string;
  network?: string;
  character?: string;
  air: AirTime;
  /** The reader's status when they follow this drama. */
  followStatus?: FollowStatus;
}

export interface EntityCardData {
  id: string;
  kind: 'drama' | 'person';
  name: string;
  hangul?: string;
  drama?: {
    network?: string;
    platforms: string[];
    premiere?: string;
    finale?: string;
    episodes?: number;
    air: AirTime;
    /** Main cast in billing order. */
    mainCast: CastChip[];
    /** Supporting cast, after the main cast. */
    supportingCast: CastChip[];
    /** Set when the reader follows this drama. */
    follow?: Follow;
  };
  person?: { dramas: FilmographyItem[] };
  news: NewsCardData[];
  /**
   * Stories about episodes the reader has not watched yet (a followed drama with "last watched:
   * episode N"), kept apart from `news` so the card can hide them behind one click.
   */
  spoilers?: { news: NewsCardData[]; stories: number; afterEpisode: number };
  /** The reader muted this drama or person: it is not lit anywhere. */
  muted: boolean;
}

export interface CardContext {
  now: number;
  timeZone: string;
  /** The reader's follows and mutes. */
  library: { follows: Follows; muted: Muted };
}

export const MAX_NEWS_CARDS = 3;

export interface IndexMaps {
  index: DramaIndex;
  dramas: Map<string, DramaEntry>;
  people: Map<string, PersonEntry>;
  articles: Map<string, ArticleEntry>;
  storyArticles: Map<string, string[]>;
}

export function indexMaps(index: DramaIndex): IndexMaps {
  return {
    index,
    dramas: new Map(index.dramas.map((d) => [d.id, d])),
    people: new Map(index.people.map((p) => [p.id, p])),
    articles: new Map(index.articles.map((a) => [a.id, a])),
    storyArticles: new Map(index.stories.map((s) => [s.id, s.articleIds])),
  };
}

export function findEntity(maps: IndexMaps, id: string): Entity | undefined {
  return maps.dramas.get(id) ?? maps.people.get(id);
}

/** On air first, then coming; the rest keep the filmography's order (newest first). */
const AIR_ORDER = { airing: 0, upcoming: 1, finished: 2, unknown: 2 } as const;

/**
 * The entity's stories, most relevant first: the entity's own article order (most mentions,
 * then newest) decides, and each story appears once with all its outlets.
 */
export function newsCards(maps: IndexMaps, articleIds: string[], limit = MAX_NEWS_CARDS): NewsCardData[] {
  const cards: NewsCardData[] = [];
  const seen = new Set<string>();
  for (const id of articleIds) {
    const lead = maps.articles.get(id);
    if (!lead || seen.has(lead.storyId)) continue;
    seen.add(lead.storyId);
    const others = (maps.storyArticles.get(lead.storyId) ?? [])
      .filter((other) => other !== lead.id)
      .map((other) => maps.articles.get(other))
      .filter((a): a is ArticleEntry => a !== undefined);
    const source = (a: ArticleEntry): NewsSource => ({
      articleId: a.id,
      outlet: a.outlet,
      ...(a.url ? { url: a.url } : {}),
      ...(a.published ? { published: a.published } : {}),
    });
    cards.push({
      storyId: lead.storyId,
      headline: lead.headline,
      summary: lead.summary,
      sources: [source(lead), ...others.map(source)],
    });
    if (cards.length === limit) break;
  }
  return cards;
}

/**
 * The episode after which `article` would spoil a drama the reader watches (their last watched
 * episode), or undefined when it spoils nothing for them.
 */
export function spoilsAfter(maps: IndexMaps, article: ArticleEntry, follows: Follows): number | undefined {
  let after: number | undefined;
  for (const { entityId } of article.mentions) {
    if (!Object.hasOwn(follows, entityId)) continue;
    const { status, episode: watched } = follows[entityId];
    if ((status !== 'watching' && status !== 'on-hold') || watched === undefined) continue;
    const total = maps.dramas.get(entityId)?.schedule?.episodes;
    const ahead =
      (article.episode !== undefined && article.episode > watched) ||
      (article.finale === true && (total === undefined || watched < total));
    if (ahead) after = Math.min(after ?? watched, watched);
  }
  return after;
}

export function entityCard(maps: IndexMaps, id: string, context: CardContext): EntityCardData | undefined {
  const entity = findEntity(maps, id);
  if (!entity) return undefined;
  const { follows, muted } = context.library;
  const safe: string[] = [];
  const ahead: string[] = [];
  let afterEpisode: number | undefined;
  for (const articleId of entity.articleIds) {
    const article = maps.articles.get(articleId);
    const after = article ? spoilsAfter(maps, article, follows) : undefined;
    if (after === undefined) safe.push(articleId);
    else {
      ahead.push(articleId);
      afterEpisode = Math.min(afterEpisode ?? after, after);
    }
  }
  // A story reported by several outlets counts once; it is hidden when any of its articles spoils.
  const hiddenNews = newsCards(maps, ahead, Infinity);
  const hiddenStories = new Set(hiddenNews.map((n) => n.storyId));
  const news = newsCards(maps, safe, Infinity)
    .filter((n) => !hiddenStories.has(n.storyId))
    .slice(0, MAX_NEWS_CARDS);
  const spoilers =
    hiddenNews.length > 0 && afterEpisode !== undefined
      ? { spoilers: { news: hiddenNews.slice(0, MAX_NEWS_CARDS), stories: hiddenNews.length, afterEpisode } }
      : {};
  const castChip = (c: { personId: string; character?: string }): CastChip => {
    const person = maps.people.get(c.personId);
    return {
      personId: c.personId,
      name: person?.name ?? c.personId,
      ...(person?.hangul ? { hangul: person.hangul } : {}),
      ...(c.character ? { character: c.character } : {}),
    };
  };
  if (entity.kind === 'drama') {
    const schedule = entity.schedule;
    const follow = Object.hasOwn(follows, entity.id) ? follows[entity.id] : undefined;
    return {
      id: entity.id,
      kind: 'drama',
      name: entity.title,
      ...(entity.hangul ? { hangul: entity.hangul } : {}),
      drama: {
        ...(entity.network ? { network: entity.network } : {}),
        platforms: entity.platforms,
        ...(schedule?.premiere ? { premiere: schedule.premiere } : {}),
        ...(schedule?.finale ? { finale: schedule.finale } : {}),
        ...(schedule?.episodes ? { episodes: schedule.episodes } : {}),
        air: nextAirTime(schedule, context.now, context.timeZone),
        mainCast: entity.cast.filter((c) => c.role === 'main').map(castChip),
        supportingCast: entity.cast.filter((c) => c.role !== 'main').map(castChip),
        ...(follow ? { follow } : {}),
      },
      news,
      ...spoilers,
      muted: muted.dramas.includes(entity.id),
    };
  }
  const dramas: FilmographyItem[] = entity.dramaIds
    .map((dramaId, order) => {
      const drama = maps.dramas.get(dramaId)!;
      const character = drama.cast.find((c) => c.personId === entity.id)?.character;
      return {
        order,
        item: {
          dramaId,
          title: drama.title,
          ...(drama.hangul ? { hangul: drama.hangul } : {}),
          ...(drama.network ? { network: drama.network } : {}),
          ...(character ? { character } : {}),
          air: nextAirTime(drama.schedule, context.now, context.timeZone),
          ...(Object.hasOwn(follows, dramaId) ? { followStatus: follows[dramaId].status } : {}),
        },
      };
    })
    // The airing drama first (soonest episode first), then the filmography's own order (newest first).
    .sort(
      (a, b) =>
        AIR_ORDER[a.item.air.state] - AIR_ORDER[b.item.air.state] ||
        (a.item.air.next?.at ?? 0) - (b.item.air.next?.at ?? 0) ||
        a.order - b.order,
    )
    .map((x) => x.item);
  return {
    id: entity.id,
    kind: 'person',
    name: entity.name,
    ...(entity.hangul ? { hangul: entity.hangul } : {}),
    person: { dramas },
    news,
    ...spoilers,
    muted: muted.people.includes(entity.id),
  };
}

/** The card as it reads once `change` is saved: shown at once, before the settings round trip. */
export function withLibraryChange(card: EntityCardData, change: LibraryChange): EntityCardData {
  if (change.change === 'mute')
    return change.id === card.id && change.kind === card.kind ? { ...card, muted: change.muted } : card;
  if (card.drama && change.dramaId === card.id) {
    const follow = withFollow({}, card.id, change.follow)[card.id];
    const { follow: _old, ...drama } = card.drama;
    return { ...card, drama: follow ? { ...drama, follow } : drama };
  }
  if (card.person) {
    const status = change.follow?.status;
    const dramas = card.person.dramas.map((item) => {
      if (item.dramaId !== change.dramaId) return item;
      const { followStatus: _old, ...rest } = item;
      return status ? { ...rest, followStatus: status } : rest;
    });
    return { ...card, person: { dramas } };
  }
  return card;
}
