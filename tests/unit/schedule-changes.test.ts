// Stated departures from the weekly slots: skipped days, specials, new slots, a moved episode.
// The schedules are made-up fixtures (clearly not catalog data); every test pins its clock.
import { describe, expect, it } from 'vitest';
import type { DramaSchedule } from '../../lib/index/types';
import { episodeStarts, nextAirTime } from '../../lib/schedule/next-air-time';

const kst = (date: string, time = '00:00') => Date.parse(`${date}T${time}:00+09:00`);
const startsOf = (schedule: DramaSchedule) =>
  episodeStarts(schedule, kst('2030-01-01'))!.map((e) => new Date(e.at + 9 * 3_600_000).toISOString().slice(0, 16));

/** Fixture: Fridays and Saturdays 22:00 KST, 8 episodes from Fri 2024-07-05. */
const base: DramaSchedule = {
  timeZone: 'Asia/Seoul',
  slots: [{ days: ['fri', 'sat'], time: '22:00' }],
  premiere: '2024-07-05',
  episodes: 8,
};

describe('schedule changes', () => {
  it('a skipped weekend moves the later episodes on by a week and keeps their numbers', () => {
    const skipping: DramaSchedule = {
      ...base,
      changes: [
        { kind: 'skip', date: '2024-07-26', reason: 'Olympics coverage' },
        { kind: 'skip', date: '2024-07-27', reason: 'Olympics coverage' },
      ],
    };
    expect(startsOf(base)).toEqual([
      '2024-07-05T22:00',
      '2024-07-06T22:00',
      '2024-07-12T22:00',
      '2024-07-13T22:00',
      '2024-07-19T22:00',
      '2024-07-20T22:00',
      '2024-07-26T22:00',
      '2024-07-27T22:00',
    ]);
    expect(startsOf(skipping)).toEqual([
      '2024-07-05T22:00',
      '2024-07-06T22:00',
      '2024-07-12T22:00',
      '2024-07-13T22:00',
      '2024-07-19T22:00',
      '2024-07-20T22:00',
      '2024-08-02T22:00',
      '2024-08-03T22:00',
    ]);
    // After episode 6, the card says why the wait is two weeks, and numbers episode 7 right.
    const after6 = nextAirTime(skipping, kst('2024-07-21', '12:00'), 'Asia/Seoul');
    expect(after6.state).toBe('airing');
    expect(after6.next).toMatchObject({ episode: 7, at: kst('2024-08-02', '22:00') });
    expect(after6.skipped).toEqual({ date: '2024-07-26', reason: 'Olympics coverage' });
    expect(after6.episodesAired).toBe(6);
    // The finale comes a week later than the pattern alone would put it.
    expect(nextAirTime(skipping, kst('2024-07-28'), 'Asia/Seoul').state).toBe('airing');
    expect(nextAirTime(skipping, kst('2024-08-04'), 'Asia/Seoul')).toMatchObject({
      state: 'finished',
      finale: { date: '2024-08-03' },
      episodesAired: 8,
    });
  });

  it('a special is announced before the next episode, not counted as one', () => {
    const withSpecial: DramaSchedule = {
      ...base,
      changes: [{ kind: 'special', date: '2024-07-11', time: '21:00', title: 'Making-of special' }],
    };
    expect(startsOf(withSpecial)).toEqual(startsOf(base));
    const beforeIt = nextAirTime(withSpecial, kst('2024-07-10'), 'Asia/Seoul');
    expect(beforeIt.next?.episode).toBe(3);
    expect(beforeIt.special).toEqual({
      date: '2024-07-11',
      at: kst('2024-07-11', '21:00'),
      title: 'Making-of special',
      onAirNow: false,
    });
    expect(nextAirTime(withSpecial, kst('2024-07-11', '21:30'), 'Asia/Seoul').special?.onAirNow).toBe(true);
    expect(nextAirTime(withSpecial, kst('2024-07-12'), 'Asia/Seoul').special).toBeUndefined();
  });

  it('a changed slot applies from its date on', () => {
    const moved: DramaSchedule = {
      ...base,
      changes: [{ kind: 'slots', from: '2024-07-15', slots: [{ days: ['sat', 'sun'], time: '21:10' }] }],
    };
    expect(startsOf(moved)).toEqual([
      '2024-07-05T22:00',
      '2024-07-06T22:00',
      '2024-07-12T22:00',
      '2024-07-13T22:00',
      '2024-07-20T21:10',
      '2024-07-21T21:10',
      '2024-07-27T21:10',
      '2024-07-28T21:10',
    ]);
  });

  it('a moved finale airs where the sources put it', () => {
    const movedFinale: DramaSchedule = {
      ...base,
      finale: '2024-07-28',
      changes: [
        { kind: 'skip', date: '2024-07-27' },
        { kind: 'moved', episode: 8, date: '2024-07-28', time: '20:30' },
      ],
    };
    const starts = startsOf(movedFinale);
    expect(starts).toHaveLength(8);
    expect(starts.slice(-2)).toEqual(['2024-07-26T22:00', '2024-07-28T20:30']);
    expect(nextAirTime(movedFinale, kst('2024-07-27', '12:00'), 'Asia/Seoul')).toMatchObject({
      next: { episode: 8, at: kst('2024-07-28', '20:30') },
      skipped: { date: '2024-07-27' },
    });
  });

  it('an episode moved to another time on a slot day takes that day’s slot, not an extra one', () => {
    const timeShift: DramaSchedule = {
      ...base,
      finale: '2024-07-27',
      changes: [{ kind: 'moved', episode: 3, date: '2024-07-12', time: '21:40' }],
    };
    expect(startsOf(timeShift)).toEqual([
      '2024-07-05T22:00',
      '2024-07-06T22:00',
      '2024-07-12T21:40',
      '2024-07-13T22:00',
      '2024-07-19T22:00',
      '2024-07-20T22:00',
      '2024-07-26T22:00',
      '2024-07-27T22:00',
    ]);
  });

  it('changes that cannot be placed make the schedule unknown, not wrong', () => {
    const bad: DramaSchedule = { ...base, changes: [{ kind: 'skip', date: '2024-13-01' }] };
    expect(nextAirTime(bad, kst('2024-07-10'), 'Asia/Seoul').state).toBe('unknown');
  });
});
