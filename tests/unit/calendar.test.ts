import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  KOREAN_WEEKDAY_NAMES,
  KOREAN_WEEKDAY_SHORT_NAMES,
  MONTH_NAMES,
  MONTH_SHORT_NAMES,
  WEEKDAYS,
  WEEKDAY_NAMES,
  WEEKDAY_SHORT_NAMES,
  convertWallTime,
  instantToWallMinutes,
  wallToInstant,
  weekdayFromKorean,
  weekdayOfDay,
  zonedFields,
} from '../../lib/schedule/calendar';

const NEW_YORK = 'America/New_York';
const SEOUL = 'Asia/Seoul';

/** Wall minute of `YYYY-MM-DD HH:mm` (minutes since 1970-01-01 00:00 on some wall clock). */
const wall = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00Z`) / 60_000;
/** `YYYY-MM-DD HH:mm` of a wall minute. */
const wallText = (minutes: number): string => new Date(minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number): string => new Date(instant).toISOString();

afterEach(() => {
  vi.useRealTimers();
});

describe('names', () => {
  it('weekday codes run Monday first, with English and Korean names', () => {
    expect(WEEKDAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(WEEKDAYS.map((d) => WEEKDAY_NAMES[d])).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(WEEKDAYS.map((d) => WEEKDAY_SHORT_NAMES[d]).join(' ')).toBe('Mon Tue Wed Thu Fri Sat Sun');
    expect(WEEKDAYS.map((d) => KOREAN_WEEKDAY_SHORT_NAMES[d]).join('')).toBe('월화수목금토일');
    expect(KOREAN_WEEKDAY_NAMES.sat).toBe('토요일');
  });

  it('reads a Korean weekday in its short and long form, nothing else', () => {
    expect(weekdayFromKorean('월')).toBe('mon');
    expect(weekdayFromKorean('일요일')).toBe('sun');
    expect(weekdayFromKorean('토요')).toBeUndefined();
    expect(weekdayFromKorean('주말')).toBeUndefined();
  });

  it('month names run January first', () => {
    expect(MONTH_NAMES[0]).toBe('January');
    expect(MONTH_NAMES[11]).toBe('December');
    expect(MONTH_SHORT_NAMES.join(' ')).toBe('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec');
  });

  it('day 0 (1970-01-01) is a Thursday', () => {
    expect(weekdayOfDay(0)).toBe('thu');
    expect(weekdayOfDay(-3)).toBe('mon');
  });
});

// 2024-03-10: at 02:00 EST (07:00 UTC) clocks jump to 03:00 EDT; 02:00–02:59 never happens.
describe('America/New_York, spring forward (2024-03-10)', () => {
  it('converts wall times either side of the gap', () => {
    expect(iso(wallToInstant(wall('2024-03-10 01:59'), NEW_YORK))).toBe('2024-03-10T06:59:00.000Z');
    expect(iso(wallToInstant(wall('2024-03-10 03:00'), NEW_YORK))).toBe('2024-03-10T07:00:00.000Z');
    expect(iso(wallToInstant(wall('2024-03-10 12:00'), NEW_YORK))).toBe('2024-03-10T16:00:00.000Z');
  });

  it('moves a wall time inside the gap forward by the gap', () => {
    expect(iso(wallToInstant(wall('2024-03-10 02:00'), NEW_YORK))).toBe('2024-03-10T07:00:00.000Z');
    const skipped = wallToInstant(wall('2024-03-10 02:30'), NEW_YORK);
    expect(iso(skipped)).toBe('2024-03-10T07:30:00.000Z');
    expect(zonedFields(skipped, NEW_YORK)).toEqual({ date: '2024-03-10', time: '03:30', weekday: 'sun' });
  });

  it('reads instants: the wall clock goes from 01:59 straight to 03:00', () => {
    expect(zonedFields(at('2024-03-10T06:59:00Z'), NEW_YORK)).toEqual({
      date: '2024-03-10',
      time: '01:59',
      weekday: 'sun',
    });
    expect(zonedFields(at('2024-03-10T07:00:00Z'), NEW_YORK)).toEqual({
      date: '2024-03-10',
      time: '03:00',
      weekday: 'sun',
    });
  });

  it('round-trips every minute outside the gap', () => {
    for (let minute = wall('2024-03-09 23:00'); minute <= wall('2024-03-10 05:00'); minute++) {
      const text = wallText(minute);
      if (text >= '2024-03-10 02:00' && text < '2024-03-10 03:00') continue;
      expect(wallText(instantToWallMinutes(wallToInstant(minute, NEW_YORK), NEW_YORK))).toBe(text);
    }
  });

  it('the same wall time in New York is an hour closer to Seoul after the change', () => {
    expect(convertWallTime('2024-03-09', '23:00', NEW_YORK, SEOUL)).toEqual({ date: '2024-03-10', time: '13:00' });
    expect(convertWallTime('2024-03-10', '23:00', NEW_YORK, SEOUL)).toEqual({ date: '2024-03-11', time: '12:00' });
  });
});

// 2024-11-03: at 02:00 EDT (06:00 UTC) clocks fall back to 01:00 EST; 01:00–01:59 happens twice.
describe('America/New_York, fall back (2024-11-03)', () => {
  it('converts wall times either side of the overlap', () => {
    expect(iso(wallToInstant(wall('2024-11-03 00:59'), NEW_YORK))).toBe('2024-11-03T04:59:00.000Z');
    expect(iso(wallToInstant(wall('2024-11-03 02:00'), NEW_YORK))).toBe('2024-11-03T07:00:00.000Z');
    expect(iso(wallToInstant(wall('2024-11-03 12:00'), NEW_YORK))).toBe('2024-11-03T17:00:00.000Z');
  });

  it('reads a repeated wall time as its first occurrence (EDT), whatever the date today', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const today of ['2024-01-15T12:00:00Z', '2024-07-15T12:00:00Z', '2024-11-03T05:45:00Z']) {
      vi.setSystemTime(at(today));
      expect(iso(wallToInstant(wall('2024-11-03 01:00'), NEW_YORK))).toBe('2024-11-03T05:00:00.000Z');
      expect(iso(wallToInstant(wall('2024-11-03 01:30'), NEW_YORK))).toBe('2024-11-03T05:30:00.000Z');
      expect(iso(wallToInstant(wall('2024-11-03 01:59'), NEW_YORK))).toBe('2024-11-03T05:59:00.000Z');
    }
  });

  it('reads instants: the wall clock shows 01:00–01:59 twice', () => {
    expect(zonedFields(at('2024-11-03T05:30:00Z'), NEW_YORK).time).toBe('01:30');
    expect(zonedFields(at('2024-11-03T05:59:00Z'), NEW_YORK).time).toBe('01:59');
    expect(zonedFields(at('2024-11-03T06:00:00Z'), NEW_YORK).time).toBe('01:00');
    expect(zonedFields(at('2024-11-03T06:30:00Z'), NEW_YORK)).toEqual({
      date: '2024-11-03',
      time: '01:30',
      weekday: 'sun',
    });
    expect(zonedFields(at('2024-11-03T07:00:00Z'), NEW_YORK).time).toBe('02:00');
  });

  it('round-trips every minute', () => {
    for (let minute = wall('2024-11-02 23:00'); minute <= wall('2024-11-03 05:00'); minute++) {
      expect(instantToWallMinutes(wallToInstant(minute, NEW_YORK), NEW_YORK)).toBe(minute);
    }
  });

  it('the same wall time in New York is an hour further from Seoul after the change', () => {
    expect(convertWallTime('2024-11-02', '10:00', NEW_YORK, SEOUL)).toEqual({ date: '2024-11-02', time: '23:00' });
    expect(convertWallTime('2024-11-03', '10:00', NEW_YORK, SEOUL)).toEqual({ date: '2024-11-04', time: '00:00' });
  });
});

// Korea is UTC+9 all year: midnight KST is 15:00 UTC the day before.
describe('Asia/Seoul at midnight', () => {
  it('converts midnight to 15:00 UTC the day before', () => {
    expect(iso(wallToInstant(wall('2024-01-01 00:00'), SEOUL))).toBe('2023-12-31T15:00:00.000Z');
    expect(iso(wallToInstant(wall('2024-02-29 00:00'), SEOUL))).toBe('2024-02-28T15:00:00.000Z');
    expect(iso(wallToInstant(wall('2021-07-04 00:00'), SEOUL))).toBe('2021-07-03T15:00:00.000Z');
  });

  it('turns the date and the weekday at 15:00 UTC', () => {
    expect(zonedFields(at('2023-12-31T14:59:59.999Z'), SEOUL)).toEqual({
      date: '2023-12-31',
      time: '23:59',
      weekday: 'sun',
    });
    expect(zonedFields(at('2023-12-31T15:00:00Z'), SEOUL)).toEqual({
      date: '2024-01-01',
      time: '00:00',
      weekday: 'mon',
    });
  });

  it('moves a broadcast at or just before midnight KST to the right day elsewhere', () => {
    // Saturday 00:00 KST is Friday morning in New York (EDT) and Friday 15:00 UTC.
    expect(convertWallTime('2021-07-03', '00:00', SEOUL, NEW_YORK)).toEqual({ date: '2021-07-02', time: '11:00' });
    expect(convertWallTime('2021-07-03', '00:00', SEOUL, 'UTC')).toEqual({ date: '2021-07-02', time: '15:00' });
    expect(convertWallTime('2021-07-02', '23:59', SEOUL, 'UTC')).toEqual({ date: '2021-07-02', time: '14:59' });
    // And back: Friday 15:00 UTC is Saturday 00:00 KST.
    expect(convertWallTime('2021-07-02', '15:00', 'UTC', SEOUL)).toEqual({ date: '2021-07-03', time: '00:00' });
  });
});

describe('invalid input', () => {
  it('convertWallTime answers undefined for an unknown zone or malformed text', () => {
    expect(convertWallTime('2021-07-03', '00:00', 'Mars/Olympus', SEOUL)).toBeUndefined();
    expect(convertWallTime('2021-07-03', '00:00', SEOUL, 'Mars/Olympus')).toBeUndefined();
    expect(convertWallTime('July 3', '00:00', SEOUL, 'UTC')).toBeUndefined();
  });

  it('wallToInstant and zonedFields throw RangeError for an unknown zone', () => {
    expect(() => wallToInstant(wall('2021-07-03 00:00'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedFields(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
