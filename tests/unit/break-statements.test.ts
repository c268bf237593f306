// Schedule-break statements in article text. The sentences are made up (fixtures), except the
// last test, which reads the real articles of the bundled index.
import { describe, expect, it } from 'vitest';
import bundledIndex from '../../generated/index.json';
import type { ArticleEntry } from '../../lib/index/types';
import { extractBreakStatements } from '../../scripts/index-builder/break-statements';
import { compareBreakWithSchedule } from '../../scripts/index-builder/schedule-check';

const read = (text: string) =>
  extractBreakStatements(text).map(({ kind, phrase, monthDay }) => ({ kind, phrase, monthDay }));

describe('schedule breaks in article text', () => {
  it('reads English statements that an episode will not air, with the date of their clause', () => {
    expect(read('Fixture Drama will not air this week because of the election coverage.')).toEqual([
      { kind: 'skip', phrase: 'will not air', monthDay: undefined },
    ]);
    expect(read('The drama is preempted on Saturday, August 3, for live sports.')).toEqual([
      { kind: 'skip', phrase: 'is preempted', monthDay: '08-03' },
    ]);
    expect(read("Episode 7 won't be broadcast on July 27 due to the Olympics.")).toEqual([
      { kind: 'skip', phrase: "won't be broadcast", monthDay: '07-27' },
    ]);
    expect(read('There will be no new episode this week.')).toEqual([
      { kind: 'skip', phrase: 'no new episode this week', monthDay: undefined },
    ]);
    // The date of the other clause is not this statement's.
    expect(read('Episode 10 airs on December 13 as planned, but episode 11 will not air.')).toEqual([
      { kind: 'skip', phrase: 'will not air', monthDay: undefined },
    ]);
  });

  it('reads Korean statements: 결방, 휴방, 편성 변경, with their dates', () => {
    expect(read('드라마 픽스처는 8월 2일 올림픽 중계로 결방한다.')).toEqual([
      { kind: 'skip', phrase: '결방', monthDay: '08-02' },
    ]);
    expect(read('이번 주는 휴방이다.')).toEqual([{ kind: 'skip', phrase: '휴방', monthDay: undefined }]);
    expect(read('픽스처 드라마가 12월 7일부터 편성 변경된다.')).toEqual([
      { kind: 'change', phrase: '편성 변경', monthDay: '12-07' },
    ]);
  });

  it('reads slot changes in English, and nothing in ordinary schedule sentences', () => {
    expect(read('From next week the show moves to Saturdays.')).toEqual([
      { kind: 'change', phrase: 'moves to Saturdays', monthDay: undefined },
    ]);
    expect(read('The drama airs every Saturday at 11 p.m. KST and never misses a week.')).toEqual([]);
    expect(read('방송은 매주 토요일 밤 11시에 한다.')).toEqual([]);
  });

  it('finds a contradiction only where the catalog has an episode that day and states no skip', () => {
    const schedule = {
      timeZone: 'Asia/Seoul',
      slots: [{ days: ['sat' as const], time: '23:00' }],
      premiere: '2030-06-01',
      episodes: 4,
    };
    expect(compareBreakWithSchedule('2030-06-08', schedule)).toBe(
      'says no episode airs on 2030-06-08, but the catalog has episode 2 then and states no skip',
    );
    expect(compareBreakWithSchedule('2030-06-09', schedule)).toBeUndefined();
    expect(
      compareBreakWithSchedule('2030-06-08', { ...schedule, changes: [{ kind: 'skip', date: '2030-06-08' }] }),
    ).toBeUndefined();
  });

  it('tags the real articles of the index that report breaks, with the article as provenance', () => {
    const articles = bundledIndex.articles as ArticleEntry[];
    const facts = articles.flatMap((a) => a.breakFacts ?? []);
    const goodPartner = facts.filter((f) => f.articleId === 'dispatch-good-partner-three-week-break');
    // The headline's 결방 (no date) and the summary's "will not air from Saturday, July 27".
    expect(goodPartner).toContainEqual(
      expect.objectContaining({ dramaId: 'good-partner', kind: 'skip', phrase: '결방' }),
    );
    expect(goodPartner).toContainEqual(
      expect.objectContaining({ dramaId: 'good-partner', kind: 'skip', date: '2024-07-27' }),
    );
    expect(facts.find((f) => f.articleId === 'wikitree-fiery-priest-2-episode-11-skipped')).toMatchObject({
      dramaId: 'the-fiery-priest-2',
      kind: 'skip',
    });
    // Articles that report no break carry none.
    expect(articles.filter((a) => a.breakFacts).length).toBeLessThan(articles.length / 4);
  });
});
