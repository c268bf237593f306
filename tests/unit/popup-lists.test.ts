// The popup's two schedule lists: "Airing next" (followed dramas) and "On air in Korea this week" (the catalog).
import { describe, expect, it } from 'vitest';
import index from '../../generated/index.json';
import type { DramaIndex } from '../../lib/index/types';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { airingNext, directoryLookup, koreanWeek, onAirInKoreaThisWeek } from '../../entrypoints/popup/popup-model';

const dramas = (index as unknown as DramaIndex).dramas;
const lookup = directoryLookup({ dramas, people: [] });
// Thursday 1 July 2021, noon in Seoul.
const NOW = Date.parse('2021-07-01T03:00:00Z');

describe('the popup’s schedule lists', () => {
  it('the Korean week runs Monday 00:00 to Monday 00:00 KST', () => {
    const week = koreanWeek(NOW);
    expect(new Date(week.start).toISOString()).toBe('2021-06-27T15:00:00.000Z');
    expect(new Date(week.end).toISOString()).toBe('2021-07-04T15:00:00.000Z');
  });

  it('"Airing next" lists only followed dramas still to watch, soonest first', () => {
    expect(airingNext(lookup, DEFAULT_SETTINGS, NOW, 'UTC')).toEqual([]);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      follows: {
        nevertheless: { status: 'watching', episode: 2 },
        'hospital-playlist-2': { status: 'plan' },
        'hotel-del-luna': { status: 'watching' }, // finished in 2019: nothing to count down to
      },
    };
    expect(airingNext(lookup, settings, NOW, 'UTC').map((d) => d.dramaId)).toEqual([
      'hospital-playlist-2',
      'nevertheless',
    ]);
    const dropped = { ...settings, follows: { ...settings.follows, nevertheless: { status: 'dropped' as const } } };
    expect(airingNext(lookup, dropped, NOW, 'UTC').map((d) => d.dramaId)).toEqual(['hospital-playlist-2']);
    const muted = { ...settings, muted: { dramas: ['hospital-playlist-2'], people: [] } };
    expect(airingNext(lookup, muted, NOW, 'UTC').map((d) => d.dramaId)).toEqual(['nevertheless']);
  });

  it('"On air in Korea this week" covers the whole catalog: episodes to come first, then the week’s aired ones', () => {
    const week = koreanWeek(NOW);
    const rows = onAirInKoreaThisWeek(lookup, DEFAULT_SETTINGS, NOW, 'UTC');
    expect(rows.map((r) => r.dramaId)).toEqual(expect.arrayContaining(['nevertheless', 'hospital-playlist-2']));
    for (const row of rows) {
      expect(row.air.next!.at).toBeGreaterThanOrEqual(week.start);
      expect(row.air.next!.at).toBeLessThan(week.end);
      if (row.airedThisWeek) expect(row.air.next!.at).toBeLessThan(NOW);
    }
    const firstAired = rows.findIndex((r) => r.airedThisWeek);
    if (firstAired >= 0) expect(rows.slice(firstAired).every((r) => r.airedThisWeek)).toBe(true);
    const upcoming = rows.filter((r) => !r.airedThisWeek).map((r) => r.air.next!.at);
    expect([...upcoming].sort((a, b) => a - b)).toEqual(upcoming);
    // Nevertheless airs on Saturday: still to come this week, episode 3.
    const nevertheless = rows.find((r) => r.dramaId === 'nevertheless')!;
    expect(nevertheless.airedThisWeek).toBe(false);
    expect(nevertheless.air.next!.episode).toBe(3);
    // Muted dramas stay out.
    const muted = { ...DEFAULT_SETTINGS, muted: { dramas: ['nevertheless'], people: [] } };
    expect(onAirInKoreaThisWeek(lookup, muted, NOW, 'UTC').map((r) => r.dramaId)).not.toContain('nevertheless');
  });
});
