// Schedule module: every test passes its own fixed clock (`now`); nothing reads Date.now().
import { describe, expect, it } from 'vitest';
import type { DramaSchedule } from '../../lib/index/types';
import bundledIndex from '../../generated/index.json';
import { airState, formatClock, formatCountdown, formatDate, nextAirTime } from '../../lib/schedule';
import { formatAirTime } from '../../lib/schedule/format';
import { uiLocalizer } from '../../lib/i18n';
import { inCatalogue } from './catalogue';

/** The unit tests' browser reads locales/en.yml in en-US. */
const en = uiLocalizer();

/** Epoch ms of a wall-clock time in Korea (UTC+9 all year: Korea has no DST). */
function kst(date: string, time = '00:00'): number {
  return Date.parse(`${date}T${time}:00+09:00`);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** JTBC "Nevertheless" (2021): Saturdays 23:00 KST, 10 episodes from 19 June to 21 August. */
const nevertheless: DramaSchedule = {
  timeZone: 'Asia/Seoul',
  slots: [{ days: ['sat'], time: '23:00' }],
  premiere: '2021-06-19',
  finale: '2021-08-21',
  episodes: 10,
};

/** tvN "Hotel Del Luna" (2019): Saturdays and Sundays 21:00 KST, 16 episodes, 13 July – 1 September. */
const hotelDelLuna: DramaSchedule = {
  timeZone: 'Asia/Seoul',
  slots: [{ days: ['sat', 'sun'], time: '21:00' }],
  premiere: '2019-07-13',
  finale: '2019-09-01',
  episodes: 16,
  runtimeMinutes: 90,
};

describe('nextAirTime: upcoming', () => {
  it('before the premiere, next is episode 1 at the premiere slot', () => {
    const now = kst('2021-06-10', '12:00');
    const air = nextAirTime(nevertheless, now, 'Asia/Seoul');
    expect(air.state).toBe('upcoming');
    expect(air.onAirNow).toBe(false);
    expect(air.episodesAired).toBe(0);
    expect(air.next).toEqual({
      episode: 1,
      at: kst('2021-06-19', '23:00'),
      kst: { date: '2021-06-19', time: '23:00', weekday: 'sat' },
      local: { date: '2021-06-19', time: '23:00', weekday: 'sat', timeZone: 'Asia/Seoul' },
      startsInMs: 9 * DAY + 11 * HOUR,
    });
    expect(formatCountdown(air.next!.startsInMs, en)).toBe('in 9d 11h');
    expect(air.premiere).toEqual({ date: '2021-06-19', at: kst('2021-06-19', '23:00') });
    expect(air.finale).toEqual({ date: '2021-08-21', at: kst('2021-08-21', '23:00') });
  });

  it('one millisecond before the premiere is still upcoming, counting down the last minute', () => {
    const air = nextAirTime(nevertheless, kst('2021-06-19', '23:00') - 1, 'Asia/Seoul');
    expect(air.state).toBe('upcoming');
    expect(air.next?.episode).toBe(1);
    expect(formatCountdown(air.next!.startsInMs, en)).toBe('in 1m');
  });

  it('premiere known but no end announced: upcoming before it', () => {
    const schedule: DramaSchedule = { ...nevertheless, finale: undefined, episodes: undefined };
    const air = nextAirTime(schedule, kst('2021-06-01'), 'Asia/Seoul');
    expect(air.state).toBe('upcoming');
    expect(air.next?.episode).toBe(1);
    expect(air.finale).toBeUndefined();
  });
});

describe('nextAirTime: airing', () => {
  it('mid-run (2021-07-01), next is episode 3 on Sat 2021-07-03 23:00 KST', () => {
    const air = nextAirTime(nevertheless, kst('2021-07-01'), 'America/New_York');
    expect(air.state).toBe('airing');
    expect(air.onAirNow).toBe(false);
    expect(air.episodesAired).toBe(2);
    expect(air.next).toEqual({
      episode: 3,
      at: kst('2021-07-03', '23:00'),
      kst: { date: '2021-07-03', time: '23:00', weekday: 'sat' },
      local: { date: '2021-07-03', time: '10:00', weekday: 'sat', timeZone: 'America/New_York' },
      startsInMs: 2 * DAY + 23 * HOUR,
    });
    expect(formatCountdown(air.next!.startsInMs, en)).toBe('in 2d 23h');
  });

  it('during the broadcast (23:20 KST) episode 3 is on air now', () => {
    const air = nextAirTime(nevertheless, kst('2021-07-03', '23:20'), 'Asia/Seoul');
    expect(air.state).toBe('airing');
    expect(air.onAirNow).toBe(true);
    expect(air.next?.episode).toBe(3);
    expect(air.next?.at).toBe(kst('2021-07-03', '23:00'));
    expect(formatCountdown(air.next!.startsInMs, en)).toBe('on air now');
    expect(air.episodesAired).toBe(2);
  });

  it('an episode is on air from its exact start', () => {
    const air = nextAirTime(nevertheless, kst('2021-07-03', '23:00'), 'Asia/Seoul');
    expect(air.onAirNow).toBe(true);
    expect(air.next?.episode).toBe(3);
  });

  it('without a runtime an episode counts as on air for 60 minutes', () => {
    const lastMoment = nextAirTime(nevertheless, kst('2021-07-03', '23:59') + 59_999, 'Asia/Seoul');
    expect(lastMoment.onAirNow).toBe(true);
    const after = nextAirTime(nevertheless, kst('2021-07-04', '00:00'), 'Asia/Seoul');
    expect(after.onAirNow).toBe(false);
    expect(after.episodesAired).toBe(3);
    expect(after.next?.episode).toBe(4);
    expect(after.next?.kst.date).toBe('2021-07-10');
  });

  it('with a runtime the on-air window follows it', () => {
    const schedule: DramaSchedule = { ...nevertheless, runtimeMinutes: 70 };
    expect(nextAirTime(schedule, kst('2021-07-04', '00:05'), 'Asia/Seoul').onAirNow).toBe(true);
    const after = nextAirTime(schedule, kst('2021-07-04', '00:10'), 'Asia/Seoul');
    expect(after.onAirNow).toBe(false);
    expect(after.next?.episode).toBe(4);
  });

  it('premiere only (no count, no finale): keeps airing and numbering episodes', () => {
    const schedule: DramaSchedule = { ...nevertheless, finale: undefined, episodes: undefined };
    // 2021-06-19 → 2021-12-04 is 24 weeks, so that Saturday is episode 25.
    const air = nextAirTime(schedule, kst('2021-12-01'), 'Asia/Seoul');
    expect(air.state).toBe('airing');
    expect(air.next?.episode).toBe(25);
    expect(air.next?.kst).toEqual({ date: '2021-12-04', time: '23:00', weekday: 'sat' });
    expect(air.episodesAired).toBe(24);
    expect(air.finale).toBeUndefined();
  });

  it('premiere only: past 26 weeks whether it still airs is unknown, never "airing" for years', () => {
    const schedule: DramaSchedule = { ...nevertheless, finale: undefined, episodes: undefined };
    // 26 weeks after 2021-06-19 is 2021-12-18.
    expect(nextAirTime(schedule, kst('2021-12-17', '23:59'), 'Asia/Seoul').state).toBe('airing');
    const later = nextAirTime(schedule, kst('2021-12-18'), 'Asia/Seoul');
    expect(later.state).toBe('unknown');
    expect(later.next).toBeUndefined();
    expect(later.premiere?.date).toBe('2021-06-19');
    expect(nextAirTime(schedule, kst('2030-01-01'), 'Asia/Seoul').state).toBe('unknown');
    // With an episode count the end is known, whatever the length.
    expect(nextAirTime({ ...schedule, episodes: 120 }, kst('2022-01-01'), 'Asia/Seoul').state).toBe('airing');
  });

  it('finale only (premiere unknown): next slot without an episode number', () => {
    const schedule: DramaSchedule = { ...nevertheless, premiere: undefined, episodes: undefined };
    const air = nextAirTime(schedule, kst('2021-08-01'), 'Asia/Seoul');
    expect(air.state).toBe('airing');
    expect(air.next?.at).toBe(kst('2021-08-07', '23:00'));
    expect(air.next).not.toHaveProperty('episode');
    expect(air.episodesAired).toBeUndefined();
    expect(air.premiere).toBeUndefined();
    expect(air.finale).toEqual({ date: '2021-08-21', at: kst('2021-08-21', '23:00') });
  });

  it('the final episode is on air, not finished, during its broadcast', () => {
    const air = nextAirTime(nevertheless, kst('2021-08-21', '23:30'), 'Asia/Seoul');
    expect(air.state).toBe('airing');
    expect(air.onAirNow).toBe(true);
    expect(air.next?.episode).toBe(10);
    expect(air.episodesAired).toBe(9);
  });
});

describe('nextAirTime: finished', () => {
  it('the day after the finale (2021-08-22) the run is finished', () => {
    const air = nextAirTime(nevertheless, kst('2021-08-22', '12:00'), 'Asia/Seoul');
    expect(air).toEqual({
      state: 'finished',
      onAirNow: false,
      episodesAired: 10,
      premiere: { date: '2021-06-19', at: kst('2021-06-19', '23:00') },
      finale: { date: '2021-08-21', at: kst('2021-08-21', '23:00') },
    });
  });

  it('finished once the last episode has run its course (start + 60 min)', () => {
    expect(nextAirTime(nevertheless, kst('2021-08-22', '00:00'), 'Asia/Seoul').state).toBe('finished');
  });

  it('years later it is still finished', () => {
    expect(nextAirTime(nevertheless, kst('2030-01-01'), 'Asia/Seoul').state).toBe('finished');
  });

  it('episode count alone sets the end and the finale date', () => {
    const schedule: DramaSchedule = { ...nevertheless, finale: undefined };
    const air = nextAirTime(schedule, kst('2021-08-22'), 'Asia/Seoul');
    expect(air.state).toBe('finished');
    expect(air.episodesAired).toBe(10);
    expect(air.finale).toEqual({ date: '2021-08-21', at: kst('2021-08-21', '23:00') });
  });

  it('finale date alone sets the end and numbers the episodes', () => {
    const schedule: DramaSchedule = { ...nevertheless, episodes: undefined };
    const air = nextAirTime(schedule, kst('2021-08-22'), 'Asia/Seoul');
    expect(air.state).toBe('finished');
    expect(air.episodesAired).toBe(10);
    expect(air.finale?.date).toBe('2021-08-21');
  });

  it('count and finale together: an earlier count wins', () => {
    const schedule: DramaSchedule = { ...nevertheless, episodes: 8 };
    const air = nextAirTime(schedule, kst('2021-08-10'), 'Asia/Seoul');
    expect(air.state).toBe('finished');
    expect(air.episodesAired).toBe(8);
    expect(air.finale).toEqual({ date: '2021-08-07', at: kst('2021-08-07', '23:00') });
  });

  it('count and finale together: an earlier finale wins', () => {
    const schedule: DramaSchedule = { ...nevertheless, episodes: 12 };
    const before = nextAirTime(schedule, kst('2021-08-20'), 'Asia/Seoul');
    expect(before.next?.episode).toBe(10);
    const after = nextAirTime(schedule, kst('2021-08-22'), 'Asia/Seoul');
    expect(after.state).toBe('finished');
    expect(after.episodesAired).toBe(10);
    expect(after.finale?.date).toBe('2021-08-21');
  });

  it('finale only (premiere unknown): finished after the finale, no episode counts', () => {
    const schedule: DramaSchedule = { ...nevertheless, premiere: undefined };
    const air = nextAirTime(schedule, kst('2021-09-01'), 'Asia/Seoul');
    expect(air.state).toBe('finished');
    expect(air.episodesAired).toBeUndefined();
    expect(air.finale).toEqual({ date: '2021-08-21', at: kst('2021-08-21', '23:00') });
  });
});

describe('nextAirTime: unknown', () => {
  const now = kst('2021-07-01');

  it('no schedule', () => {
    expect(nextAirTime(undefined, now, 'Asia/Seoul')).toEqual({
      state: 'unknown',
      onAirNow: false,
    });
  });

  it('no slots', () => {
    const air = nextAirTime({ ...nevertheless, slots: [] }, now, 'Asia/Seoul');
    expect(air).toEqual({ state: 'unknown', onAirNow: false });
  });

  it('slots without days', () => {
    const air = nextAirTime({ ...nevertheless, slots: [{ days: [], time: '23:00' }] }, now, 'Asia/Seoul');
    expect(air.state).toBe('unknown');
  });

  it('neither premiere nor finale, even with an episode count', () => {
    const schedule: DramaSchedule = { ...nevertheless, premiere: undefined, finale: undefined };
    expect(nextAirTime(schedule, now, 'Asia/Seoul')).toEqual({ state: 'unknown', onAirNow: false });
  });

  it('malformed data is not guessed around', () => {
    const cases: DramaSchedule[] = [
      { ...nevertheless, slots: [{ days: ['sat'], time: '25:00' }] },
      { ...nevertheless, slots: [{ days: ['sat'], time: '11 PM' }] },
      { ...nevertheless, premiere: '2021-02-30' },
      { ...nevertheless, finale: 'August 21' },
      { ...nevertheless, timeZone: 'Mars/Olympus_Mons' },
      { ...nevertheless, finale: '2021-06-01' }, // before the premiere
    ];
    for (const schedule of cases) expect(nextAirTime(schedule, now, 'Asia/Seoul').state).toBe('unknown');
  });
});

describe('nextAirTime: several slots a week', () => {
  it('Hotel Del Luna (Sat+Sun): counts both days, next is episode 3 on Sat 2019-07-20', () => {
    const air = nextAirTime(hotelDelLuna, kst('2019-07-16'), 'Asia/Seoul');
    expect(air.state).toBe('airing');
    expect(air.episodesAired).toBe(2);
    expect(air.next?.episode).toBe(3);
    expect(air.next?.kst).toEqual({ date: '2019-07-20', time: '21:00', weekday: 'sat' });
  });

  it('Hotel Del Luna: the Sunday episode follows the Saturday one', () => {
    const air = nextAirTime(hotelDelLuna, kst('2019-08-11', '12:00'), 'Asia/Seoul');
    expect(air.next?.episode).toBe(10);
    expect(air.next?.kst).toEqual({ date: '2019-08-11', time: '21:00', weekday: 'sun' });
    expect(formatCountdown(air.next!.startsInMs, en)).toBe('in 9h 0m');
  });

  it('Hotel Del Luna: the on-air window follows the 90-minute runtime', () => {
    const during = nextAirTime(hotelDelLuna, kst('2019-08-10', '22:29'), 'Asia/Seoul');
    expect(during.onAirNow).toBe(true);
    expect(during.next?.episode).toBe(9);
    const after = nextAirTime(hotelDelLuna, kst('2019-08-10', '22:30'), 'Asia/Seoul');
    expect(after.onAirNow).toBe(false);
    expect(after.next?.episode).toBe(10);
  });

  it('Hotel Del Luna: episode 16 on Sun 2019-09-01, finished after it', () => {
    const finale = nextAirTime(hotelDelLuna, kst('2019-09-01', '21:30'), 'Asia/Seoul');
    expect(finale.onAirNow).toBe(true);
    expect(finale.next?.episode).toBe(16);
    const after = nextAirTime(hotelDelLuna, kst('2019-09-02'), 'Asia/Seoul');
    expect(after.state).toBe('finished');
    expect(after.episodesAired).toBe(16);
    expect(after.finale).toEqual({ date: '2019-09-01', at: kst('2019-09-01', '21:00') });
  });

  it('one slot on two days (Mon+Tue 21:30)', () => {
    const schedule: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [{ days: ['mon', 'tue'], time: '21:30' }],
      premiere: '2021-07-05', // a Monday
    };
    // Mon 5 (1), Tue 6 (2), Mon 12 (3), Tue 13 (4)
    const air = nextAirTime(schedule, kst('2021-07-13', '08:00'), 'Asia/Seoul');
    expect(air.next?.episode).toBe(4);
    expect(air.next?.kst).toEqual({ date: '2021-07-13', time: '21:30', weekday: 'tue' });
    expect(formatCountdown(air.next!.startsInMs, en)).toBe('in 13h 30m');
  });

  it('a different time per slot (Wed 21:00, Thu 22:30)', () => {
    const schedule: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [
        { days: ['wed'], time: '21:00' },
        { days: ['thu'], time: '22:30' },
      ],
      premiere: '2021-01-06', // a Wednesday
      episodes: 16,
    };
    const thursday = nextAirTime(schedule, kst('2021-01-07', '22:00'), 'Asia/Seoul');
    expect(thursday.next?.episode).toBe(2);
    expect(thursday.next?.kst).toEqual({ date: '2021-01-07', time: '22:30', weekday: 'thu' });
    expect(formatCountdown(thursday.next!.startsInMs, en)).toBe('in 30m');
    const friday = nextAirTime(schedule, kst('2021-01-08'), 'Asia/Seoul');
    expect(friday.next?.episode).toBe(3);
    expect(friday.next?.kst).toEqual({ date: '2021-01-13', time: '21:00', weekday: 'wed' });
    expect(formatCountdown(friday.next!.startsInMs, en)).toBe('in 5d 21h');
    // 16 episodes, two a week: the last is Thu 2021-02-25 22:30.
    expect(friday.finale).toEqual({ date: '2021-02-25', at: kst('2021-02-25', '22:30') });
  });

  it('a premiere on a day without a slot is episode 1 at the first slot time', () => {
    const schedule: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [{ days: ['fri', 'sat'], time: '22:30' }],
      premiere: '2021-07-01', // a Thursday
    };
    const before = nextAirTime(schedule, kst('2021-07-01', '12:00'), 'Asia/Seoul');
    expect(before.state).toBe('upcoming');
    expect(before.next?.episode).toBe(1);
    expect(before.next?.kst).toEqual({ date: '2021-07-01', time: '22:30', weekday: 'thu' });
    // Thu 1 (1), Fri 2 (2), Sat 3 (3), Fri 9 (4)
    const later = nextAirTime(schedule, kst('2021-07-05'), 'Asia/Seoul');
    expect(later.episodesAired).toBe(3);
    expect(later.next?.episode).toBe(4);
    expect(later.next?.kst).toEqual({ date: '2021-07-09', time: '22:30', weekday: 'fri' });
  });

  it('a finale on a day without a slot is the last episode at the first slot time', () => {
    const schedule: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [{ days: ['fri', 'sat'], time: '22:30' }],
      premiere: '2021-07-01', // Thursday
      finale: '2021-07-15', // Thursday: 1, 2, 3, 9, 10, then the finale as episode 6
    };
    const before = nextAirTime(schedule, kst('2021-07-11'), 'Asia/Seoul');
    expect(before.next?.episode).toBe(6);
    expect(before.next?.kst).toEqual({ date: '2021-07-15', time: '22:30', weekday: 'thu' });
    expect(before.finale).toEqual({ date: '2021-07-15', at: kst('2021-07-15', '22:30') });
    const after = nextAirTime(schedule, kst('2021-07-16'), 'Asia/Seoul');
    expect(after.state).toBe('finished');
    expect(after.episodesAired).toBe(6);
  });
});

describe('nextAirTime: slots that land on another day in the viewer zone', () => {
  it('Sat 23:00 KST is Sat 10:00 in New York (EDT) and Sat 07:00 in Los Angeles (PDT)', () => {
    const now = kst('2021-07-01');
    const newYork = nextAirTime(nevertheless, now, 'America/New_York');
    expect(newYork.next?.kst).toEqual({ date: '2021-07-03', time: '23:00', weekday: 'sat' });
    expect(newYork.next?.local).toEqual({
      date: '2021-07-03',
      time: '10:00',
      weekday: 'sat',
      timeZone: 'America/New_York',
    });
    const losAngeles = nextAirTime(nevertheless, now, 'America/Los_Angeles');
    expect(losAngeles.next?.local).toEqual({
      date: '2021-07-03',
      time: '07:00',
      weekday: 'sat',
      timeZone: 'America/Los_Angeles',
    });
  });

  it('Sat 23:00 KST is already Sunday in Auckland', () => {
    const air = nextAirTime(nevertheless, kst('2021-07-01'), 'Pacific/Auckland');
    expect(air.next?.local).toEqual({
      date: '2021-07-04',
      time: '02:00',
      weekday: 'sun',
      timeZone: 'Pacific/Auckland',
    });
  });

  it('Mon 00:30 KST is Sun 11:30 in New York', () => {
    const schedule: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [{ days: ['mon'], time: '00:30' }],
      premiere: '2021-07-05', // a Monday
      episodes: 12,
    };
    const air = nextAirTime(schedule, kst('2021-07-01'), 'America/New_York');
    expect(air.state).toBe('upcoming');
    expect(air.next?.kst).toEqual({ date: '2021-07-05', time: '00:30', weekday: 'mon' });
    expect(air.next?.local).toEqual({
      date: '2021-07-04',
      time: '11:30',
      weekday: 'sun',
      timeZone: 'America/New_York',
    });
  });

  it('an invalid viewer zone falls back to UTC', () => {
    const air = nextAirTime(nevertheless, kst('2021-07-01'), 'Not/A_Zone');
    expect(air.next?.local).toEqual({
      date: '2021-07-03',
      time: '14:00',
      weekday: 'sat',
      timeZone: 'UTC',
    });
  });
});

describe('nextAirTime: DST in the viewer zone (Korea has none)', () => {
  // A long weekly run so the same Sat 23:00 KST slot spans both 2021 changes in New York.
  // A year-long weekly run (its end known, so it airs all year).
  const weekly: DramaSchedule = {
    timeZone: 'Asia/Seoul',
    slots: [{ days: ['sat'], time: '23:00' }],
    premiere: '2021-01-02',
    episodes: 52,
  };
  const localAt = (now: number) => nextAirTime(weekly, now, 'America/New_York').next?.local;

  it('March: 09:00 EST before 2021-03-14, 10:00 EDT after', () => {
    expect(localAt(kst('2021-03-10'))).toMatchObject({
      date: '2021-03-13',
      time: '09:00',
      weekday: 'sat',
    });
    expect(localAt(kst('2021-03-17'))).toMatchObject({
      date: '2021-03-20',
      time: '10:00',
      weekday: 'sat',
    });
  });

  it('November: 10:00 EDT before 2021-11-07, 09:00 EST after', () => {
    expect(localAt(kst('2021-11-03'))).toMatchObject({
      date: '2021-11-06',
      time: '10:00',
      weekday: 'sat',
    });
    expect(localAt(kst('2021-11-10'))).toMatchObject({
      date: '2021-11-13',
      time: '09:00',
      weekday: 'sat',
    });
  });

  it('the KST fields and episode numbers do not move with New York DST', () => {
    const before = nextAirTime(weekly, kst('2021-11-03'), 'America/New_York').next;
    const after = nextAirTime(weekly, kst('2021-11-10'), 'America/New_York').next;
    expect(before?.kst.time).toBe('23:00');
    expect(after?.kst.time).toBe('23:00');
    expect((after?.episode ?? 0) - (before?.episode ?? 0)).toBe(1);
    expect((after?.at ?? 0) - (before?.at ?? 0)).toBe(7 * DAY);
  });
});

describe('nextAirTime: long runs', () => {
  it('numbers episodes arithmetically across decades', () => {
    const schedule: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [{ days: ['sat'], time: '23:00' }],
      premiere: '2000-01-01', // a Saturday
      episodes: 5000,
    };
    // 2000-01-01 → 2040-01-07 is 2088 weeks: that Saturday is episode 2089.
    const air = nextAirTime(schedule, kst('2040-01-01', '12:00'), 'Asia/Seoul');
    expect(air.episodesAired).toBe(2088);
    expect(air.next?.episode).toBe(2089);
    expect(air.next?.kst).toEqual({ date: '2040-01-07', time: '23:00', weekday: 'sat' });
  });
});

describe('formatCountdown', () => {
  it('days and hours from one day on', () => {
    expect(formatCountdown(2 * DAY + 3 * HOUR, en)).toBe('in 2d 3h');
    expect(formatCountdown(DAY, en)).toBe('in 1d 0h');
  });

  it('hours and minutes from one hour on', () => {
    expect(formatCountdown(3 * HOUR + 5 * MINUTE, en)).toBe('in 3h 5m');
    expect(formatCountdown(HOUR, en)).toBe('in 1h 0m');
  });

  it('minutes below an hour, rounded up', () => {
    expect(formatCountdown(12 * MINUTE, en)).toBe('in 12m');
    expect(formatCountdown(11 * MINUTE + 1, en)).toBe('in 12m');
    expect(formatCountdown(30_000, en)).toBe('in 1m');
    expect(formatCountdown(59 * MINUTE + 30_000, en)).toBe('in 1h 0m');
  });

  it('"on air now" once the start is reached', () => {
    expect(formatCountdown(0, en)).toBe('on air now');
    expect(formatCountdown(-5 * MINUTE, en)).toBe('on air now');
  });
});

describe('formatClock', () => {
  const finale = kst('2021-08-21', '23:00');

  it('12- and 24-hour clocks in the given zone', () => {
    expect(formatClock(finale, 'Asia/Seoul', 12, en)).toBe('11:00 PM');
    expect(formatClock(finale, 'Asia/Seoul', 24, en)).toBe('23:00');
    expect(formatClock(finale, 'America/New_York', 12, en)).toBe('10:00 AM');
    expect(formatClock(finale, 'America/New_York', 24, en)).toBe('10:00');
  });

  it('midnight and noon on the 12-hour clock', () => {
    expect(formatClock(kst('2021-07-05', '00:30'), 'Asia/Seoul', 12, en)).toBe('12:30 AM');
    expect(formatClock(kst('2021-07-05', '00:30'), 'Asia/Seoul', 24, en)).toBe('00:30');
    expect(formatClock(kst('2021-07-05', '12:00'), 'Asia/Seoul', 12, en)).toBe('12:00 PM');
  });
});

describe('formatDate', () => {
  it('an instant, read in the given zone', () => {
    expect(formatDate(kst('2021-08-21', '23:00'), 'Asia/Seoul', en)).toBe('Sat, Aug 21, 2021');
    expect(formatDate(kst('2021-07-05', '00:30'), 'America/New_York', en)).toBe('Sun, Jul 4, 2021');
  });

  it('a YYYY-MM-DD date is a calendar day and is not shifted', () => {
    expect(formatDate('2021-08-21', 'America/Los_Angeles', en)).toBe('Sat, Aug 21, 2021');
    expect(formatDate('2021-07-03', 'Pacific/Auckland', en)).toBe('Sat, Jul 3, 2021');
  });

  it('an unparseable date string comes back unchanged', () => {
    expect(formatDate('August 21', 'Asia/Seoul', en)).toBe('August 21');
  });
});

describe('formatting in the UI language', () => {
  const finale = kst('2021-08-21', '23:00');
  const display = { timeDisplay: 'both' as const, hourCycle: 12 as const };

  it('English: the reader’s time with KST beside it', () => {
    expect(formatAirTime(finale, 'America/New_York', display, en)).toBe('Sat, Aug 21, 2021, 10:00 AM (11:00 PM KST)');
    expect(formatAirTime(finale, 'Asia/Seoul', display, en)).toBe('Sat, Aug 21, 2021, 11:00 PM KST');
    expect(formatAirTime(finale, 'America/New_York', { ...display, timeDisplay: 'local' }, en, false)).toBe('10:00 AM');
  });

  it('Korean: Intl’s Korean dates and clocks, the catalogue’s words around them', async () => {
    await inCatalogue('ko', (ko) => {
      expect(formatDate(finale, 'Asia/Seoul', ko)).toBe(
        new Intl.DateTimeFormat('ko', {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'Asia/Seoul',
        }).format(finale),
      );
      expect(formatDate(finale, 'Asia/Seoul', ko)).toMatch(/^2021년 8월 21일 \(토\)$/);
      expect(formatCountdown(2 * DAY + 3 * HOUR, ko)).toBe('2일 3시간 후');
      expect(formatCountdown(12 * MINUTE, ko)).toBe('12분 후');
      expect(formatCountdown(0, ko)).toBe('방송 중');
      expect(formatAirTime(finale, 'Asia/Seoul', { ...display, hourCycle: 24 }, ko)).toBe(
        '한국 시간 2021년 8월 21일 (토) 23:00',
      );
    });
  });
});

describe('all-at-once streaming releases', () => {
  // Netflix's "My Name": all 8 episodes released on 15 October 2021.
  const myName = {
    timeZone: 'Asia/Seoul',
    release: 'all-at-once' as const,
    slots: [],
    premiere: '2021-10-15',
    episodes: 8,
  };

  it('is upcoming before the release day, with no invented hour or countdown', () => {
    const air = nextAirTime(myName, Date.parse('2021-10-14T12:00:00+09:00'), 'Europe/London');
    expect(air).toMatchObject({ state: 'upcoming', releasedAllAtOnce: true, premiere: { date: '2021-10-15' } });
    expect(air.next).toBeUndefined();
  });

  it('is finished from the release day on, with every episode out', () => {
    const air = nextAirTime(myName, Date.parse('2021-10-15T00:00:00+09:00'), 'Europe/London');
    expect(air).toMatchObject({ state: 'finished', episodesAired: 8, finale: { date: '2021-10-15' } });
  });

  it('without a release date is unknown', () => {
    const { premiere: _premiere, ...undated } = myName;
    expect(nextAirTime(undated, Date.parse('2021-10-15T00:00:00+09:00'), 'UTC').state).toBe('unknown');
  });
});

describe('airState (the options list’s status of every drama)', () => {
  const schedules = (bundledIndex as { dramas: { id: string; schedule?: DramaSchedule }[] }).dramas.map(
    (d) => d.schedule,
  );
  // Around every premiere and finale in the index, and a spread of ordinary days.
  const instants = [...new Set(schedules.flatMap((s) => [s?.premiere, s?.finale]).filter((d): d is string => !!d))]
    .flatMap((date) =>
      [-3 * DAY, -DAY, -HOUR, 0, 22 * HOUR + 30 * MINUTE, DAY + 2 * HOUR, 3 * DAY].map((d) => kst(date) + d),
    )
    .filter((_, i) => i % 5 === 0);

  it('says what nextAirTime says for every drama in the index, at instants around premieres and finales', () => {
    expect(schedules.length).toBeGreaterThan(1000);
    expect(instants.length).toBeGreaterThan(500);
    let checked = 0;
    for (const [i, schedule] of schedules.entries()) {
      // Every drama at a handful of the instants (all of them would be a minute of work).
      for (let j = i % 7; j < instants.length; j += 397) {
        const now = instants[j];
        expect(airState(schedule, now, 'America/New_York'), `${i} at ${new Date(now).toISOString()}`).toBe(
          nextAirTime(schedule, now, 'America/New_York').state,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('agrees at the edges: the finale night, the premiere night, bad data', () => {
    const cases: [DramaSchedule | undefined, number][] = [
      [nevertheless, kst('2021-06-19', '23:00')],
      [nevertheless, kst('2021-08-21', '23:30')],
      [nevertheless, kst('2021-08-23', '23:30')],
      [nevertheless, kst('2021-06-17', '23:00')],
      [{ ...nevertheless, finale: '2021-05-01' }, kst('2021-09-01')],
      [{ ...nevertheless, premiere: 'soon' }, kst('2021-09-01')],
      [undefined, kst('2021-09-01')],
    ];
    for (const [schedule, now] of cases)
      expect(airState(schedule, now, 'UTC')).toBe(nextAirTime(schedule, now, 'UTC').state);
    expect(airState(nevertheless, kst('2021-09-01'), 'UTC')).toBe('finished');
    expect(airState(nevertheless, kst('2021-06-01'), 'UTC')).toBe('upcoming');
  });
});
