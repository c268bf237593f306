// What a card says about the reader's own dramas, and how long lists are ordered.
import { describe, expect, it } from 'vitest';
import index from '../../generated/index.json';
import { entityCard, indexMaps, withLibraryChange, type EntityCardData } from '../../lib/index/entity-card';
import type { DramaIndex } from '../../lib/index/types';
import type { Follows, Muted } from '../../lib/settings';

const maps = indexMaps(index as unknown as DramaIndex);
const NOTHING: { follows: Follows; muted: Muted } = { follows: {}, muted: { dramas: [], people: [] } };
const card = (id: string, library = NOTHING, now = Date.parse('2021-07-01T03:00:00Z')) =>
  entityCard(maps, id, { now, timeZone: 'Asia/Seoul', library }) as EntityCardData;

describe('cards and the reader’s dramas', () => {
  it('an actor with many dramas lists airing and upcoming ones first, then newest first', () => {
    const person = card('lee-dong-wook', NOTHING, Date.parse('2026-06-01T00:00:00Z'));
    const dramas = person.person!.dramas;
    expect(dramas.length).toBeGreaterThan(15);
    const rank = { airing: 0, upcoming: 1, finished: 2, unknown: 2 } as const;
    const ranks = dramas.map((d) => rank[d.air.state]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    // Among the finished, the newest premiere first (the filmography's order).
    const finished = dramas
      .filter((d) => d.air.state === 'finished' && d.air.premiere)
      .map((d) => d.air.premiere!.date);
    expect([...finished].sort().reverse()).toEqual(finished);
  });

  it('a drama lists its main cast before the supporting cast', () => {
    const drama = card('100-days-my-prince').drama!;
    const source = maps.dramas.get('100-days-my-prince')!;
    expect(drama.mainCast.map((c) => c.personId)).toEqual(
      source.cast.filter((c) => c.role === 'main').map((c) => c.personId),
    );
    expect(drama.supportingCast.length).toBeGreaterThan(0);
    expect(drama.supportingCast.map((c) => c.personId)).toEqual(
      source.cast.filter((c) => c.role === 'supporting').map((c) => c.personId),
    );
  });

  it('says what the reader follows and muted, and reads a change at once', () => {
    const library = {
      follows: { nevertheless: { status: 'watching' as const, episode: 4 } },
      muted: { dramas: [], people: ['song-kang'] },
    };
    const drama = card('nevertheless', library);
    expect(drama.drama!.follow).toEqual({ status: 'watching', episode: 4 });
    expect(drama.muted).toBe(false);
    const actor = card('song-kang', library);
    expect(actor.muted).toBe(true);
    expect(actor.person!.dramas.find((d) => d.dramaId === 'nevertheless')!.followStatus).toBe('watching');

    const completed = withLibraryChange(drama, {
      change: 'follow',
      dramaId: 'nevertheless',
      follow: { status: 'completed', episode: 4 },
    });
    expect(completed.drama!.follow).toEqual({ status: 'completed' });
    expect(withLibraryChange(drama, { change: 'follow', dramaId: 'nevertheless', follow: null }).drama!.follow).toBe(
      undefined,
    );
    expect(withLibraryChange(actor, { change: 'mute', kind: 'person', id: 'song-kang', muted: false }).muted).toBe(
      false,
    );
    // A change to another entity leaves the card as it is.
    expect(withLibraryChange(actor, { change: 'mute', kind: 'drama', id: 'song-kang', muted: false })).toBe(actor);
    const unfollowed = withLibraryChange(actor, { change: 'follow', dramaId: 'nevertheless', follow: null });
    expect(unfollowed.person!.dramas.find((d) => d.dramaId === 'nevertheless')!.followStatus).toBeUndefined();
  });
});

describe('spoiler-safe news', () => {
  const watching = (episode: number) => ({
    follows: { 'jeongnyeon-the-star-is-born': { status: 'watching' as const, episode } },
    muted: { dramas: [], people: [] },
  });
  const articleIds = (news: { sources: { articleId: string }[] }[]) =>
    news.flatMap((n) => n.sources.map((s) => s.articleId));

  it('hides stories about later episodes of a drama the reader is watching, behind a count', () => {
    const open = card('jeongnyeon-the-star-is-born');
    expect(open.spoilers).toBeUndefined();
    const behind = card('jeongnyeon-the-star-is-born', watching(3));
    expect(behind.spoilers!.afterEpisode).toBe(3);
    expect(behind.spoilers!.stories).toBeGreaterThanOrEqual(2);
    const hidden = articleIds(behind.spoilers!.news);
    const shown = articleIds(behind.news);
    for (const id of hidden) expect(shown).not.toContain(id);
    for (const id of shown) {
      const article = maps.articles.get(id)!;
      expect(article.episode === undefined || article.episode <= 3).toBe(true);
      expect(article.finale).toBeUndefined();
    }
    // The finale story (episode 12) is among the hidden ones; the actor's card hides it too.
    expect(hidden).toContain('etoday-jeongnyeon-finale-record');
    expect(articleIds(card('kim-tae-ri', watching(3)).news)).not.toContain('etoday-jeongnyeon-finale-record');
  });

  it('shows everything once the reader has watched the last episode, or without progress', () => {
    expect(card('jeongnyeon-the-star-is-born', watching(12)).spoilers).toBeUndefined();
    const noProgress = {
      follows: { 'jeongnyeon-the-star-is-born': { status: 'watching' as const } },
      muted: { dramas: [], people: [] },
    };
    expect(card('jeongnyeon-the-star-is-born', noProgress).spoilers).toBeUndefined();
  });
});
