import { describe, expect, it } from 'vitest';
import { episodesDiscussed } from '../../scripts/index-builder/episode-mentions';

// Made-up sentences (test fixtures), English and Korean.
describe('episodes an article discusses', () => {
  it.each([
    ['Episode 8 ends on a kiss in the rain.', { latest: 8, finale: false }],
    ['Eps 7 and 8 drop on Saturday.', { latest: 8, finale: false }],
    ['Episodes 5-6 climbed to 9.1 percent.', { latest: 6, finale: false }],
    ['The ep. 12 preview teases a reunion.', { latest: 12, finale: false }],
    ['The finale drew its highest ratings.', { finale: true }],
    ['The final episode of the drama aired on Sunday; episode 16 reached 12%.', { latest: 16, finale: true }],
    ['드라마 8회에서 두 사람은 다시 만났다.', { latest: 8, finale: false }],
    ['지난 11화 방송은 시청률 7%를 기록했다.', { latest: 11, finale: false }],
    ['최종회를 앞두고 배우들이 소감을 전했다.', { finale: true }],
    ['마지막 회가 방송된다.', { finale: true }],
  ])('%s', (text, expected) => {
    expect(episodesDiscussed(text)).toEqual(expected);
  });

  it.each([
    ['She won at the 제58회 Baeksang Arts Awards.'],
    ['시청률이 3회 연속 상승했다.'],
    ['The cast met 2 times before filming.'],
    ['Season 2 is confirmed for 2026.'],
    ['The drama has 16 episodes.'],
  ])('names no episode in: %s', (text) => {
    expect(episodesDiscussed(text).latest).toBeUndefined();
  });
});
