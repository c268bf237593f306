// The calendar: weekday codes and names (English, Korean), month names, civil-date arithmetic and
// wall-clock ⇄ instant conversion in IANA zones. Everything that names a day or converts a time
// imports it. Pure: no DOM, no browser, no machine zone or locale.
//
// Instant → wall clock reads the fields with Intl.formatToParts. It does not use
// `dayjs(ms).tz(zone)`: that method re-parses a locale string in the machine's zone, so it shifts
// by an hour when the target wall time falls in the machine's own DST gap (seen with
// TZ=America/New_York).
//
// Wall clock → instant goes through dayjs' timezone plugin (`dayjs.tz(text, zone)`), which reads
// offsets with Intl. Two rules make it deterministic at DST changes: a wall time that does not
// exist (spring forward) moves forward by the gap, 02:30 → 03:30; a wall time that exists twice
// (fall back) is the earlier instant. dayjs alone picks between the two by the zone's offset
// today, so the same call answered differently in summer and winter.
//
// The plugins are registered on first use, not at import: code that only names days or reads
// wall clocks (the hover card) then keeps dayjs out of its bundle (scripts/page-modules/build.ts
// treats dayjs as side-effect free).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { Weekday } from '../index/types';

// ---------------------------------------------------------------------------------------------
// Names.

/** Monday-first, the order weekly slots are counted in. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];

export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** "Mon" … "Sun". */
export const WEEKDAY_SHORT_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** 월요일 … 일요일. */
export const KOREAN_WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: '월요일',
  tue: '화요일',
  wed: '수요일',
  thu: '목요일',
  fri: '금요일',
  sat: '토요일',
  sun: '일요일',
};

/** 월 … 일: the one-syllable form schedules write (`월~화`, `금 · 토요일`). */
export const KOREAN_WEEKDAY_SHORT_NAMES: Readonly<Record<Weekday, string>> = {
  mon: '월',
  tue: '화',
  wed: '수',
  thu: '목',
  fri: '금',
  sat: '토',
  sun: '일',
};

/** The weekday of `월` or `월요일` (… `일`, `일요일`); undefined for anything else. */
export function weekdayFromKorean(name: string): Weekday | undefined {
  return WEEKDAYS.find((day) => KOREAN_WEEKDAY_SHORT_NAMES[day] === name || KOREAN_WEEKDAY_NAMES[day] === name);
}

/** January first: `MONTH_NAMES[month - 1]`. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "Jan" … "Dec": `MONTH_SHORT_NAMES[month - 1]`. */
export const MONTH_SHORT_NAMES: readonly string[] = /* @__PURE__ */ MONTH_NAMES.map((name) => name.slice(0, 3));

// ---------------------------------------------------------------------------------------------
// Civil dates and clock times. A day number counts days since 1970-01-01; a wall minute counts
// minutes since 1970-01-01 00:00 on some zone's wall clock.

export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** Day number of a civil date `YYYY-MM-DD`; undefined when malformed or impossible. */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2021-02-30 over to March; a round trip rejects it.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** Minutes after midnight of `HH:mm` (24 h); undefined when malformed. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** Monday = 0 … Sunday = 6 for a day number (1970-01-01 was a Thursday). */
export function weekdayIndexOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The weekday of a day number. */
export function weekdayOfDay(day: number): Weekday {
  return WEEKDAYS[weekdayIndexOfDay(day)];
}

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `HH:mm` of minutes after midnight. */
export function minutesToClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * Wall minute of `YYYY-MM-DD` and `HH:mm`, read leniently as Date.UTC does (2021-02-29 is
 * 2021-03-01); undefined when either does not even have that shape.
 */
function wallMinutesOf(date: string, time: string): number | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) / MS_PER_MINUTE;
}

// ---------------------------------------------------------------------------------------------
// Time zones.

const formatterByZone = new Map<string, Intl.DateTimeFormat | null>();

/** A cached formatter that reads wall-clock fields in `zone`; null when the zone is not a valid IANA name. */
function fieldFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatterByZone.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      formatter = null;
    }
    formatterByZone.set(zone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  return fieldFormatter(zone) !== null;
}

/**
 * The wall clock of `instant` in `zone`, as epoch ms of the same wall time read in UTC
 * (so `new Date(result).getUTCHours()` is the hour on that wall clock). Throws RangeError for an
 * invalid zone.
 */
export function instantToWallMs(instant: number, zone: string): number {
  const formatter = fieldFormatter(zone);
  if (!formatter) throw new RangeError(`Invalid time zone: ${zone}`);
  let [year, month, day, hour, minute, second] = [1970, 1, 1, 0, 0, 0];
  for (const part of formatter.formatToParts(instant)) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const wholeSeconds = Date.UTC(year, month - 1, day, hour, minute, second);
  // Intl drops milliseconds; keep them so wall time and instant differ by a whole offset.
  return wholeSeconds + (((instant % 1000) + 1000) % 1000);
}

/** Wall-clock minutes since 1970-01-01 00:00 in `zone` (seconds dropped). */
export function instantToWallMinutes(instant: number, zone: string): number {
  return Math.floor(instantToWallMs(instant, zone) / MS_PER_MINUTE);
}

let pluginsRegistered = false;

/**
 * The instant of a wall minute in `zone`: a time skipped by a DST change counts from before the
 * change (02:30 → 03:30), a time that happens twice is the earlier one. Throws RangeError for an
 * invalid zone.
 */
export function wallToInstant(wallMinutes: number, zone: string): number {
  if (!pluginsRegistered) {
    dayjs.extend(utc);
    dayjs.extend(timezone);
    pluginsRegistered = true;
  }
  const day = Math.floor(wallMinutes / MINUTES_PER_DAY);
  const clock = wallMinutes - day * MINUTES_PER_DAY;
  const guess = dayjs.tz(`${dayToDate(day)} ${minutesToClock(clock)}`, zone).valueOf();
  // A wall time that happens twice: the offset a day earlier gives the earlier instant.
  const wallMs = wallMinutes * MS_PER_MINUTE;
  const earlierOffset = instantToWallMs(guess - MS_PER_DAY, zone) - (guess - MS_PER_DAY);
  const earlier = wallMs - earlierOffset;
  return earlier < guess && instantToWallMs(earlier, zone) === wallMs ? earlier : guess;
}

export interface ZonedFields {
  date: string;
  time: string;
  weekday: Weekday;
}

/** Date, time and weekday of `instant` on `zone`'s wall clock. Throws RangeError for an invalid zone. */
export function zonedFields(instant: number, zone: string): ZonedFields {
  const wallMinutes = instantToWallMinutes(instant, zone);
  const day = Math.floor(wallMinutes / MINUTES_PER_DAY);
  return {
    date: dayToDate(day),
    time: minutesToClock(wallMinutes - day * MINUTES_PER_DAY),
    weekday: weekdayOfDay(day),
  };
}

/**
 * Wall-clock `date` (`YYYY-MM-DD`) and `time` (`HH:mm`) in `fromZone` as date and time on
 * `toZone`'s wall clock; undefined when a zone is invalid or the text malformed. An impossible
 * date rolls over as Date.UTC does (2021-02-29 is 2021-03-01).
 */
export function convertWallTime(
  date: string,
  time: string,
  fromZone: string,
  toZone: string,
): { date: string; time: string } | undefined {
  if (fromZone === toZone) return { date, time };
  if (!isValidTimeZone(fromZone) || !isValidTimeZone(toZone)) return undefined;
  const wall = wallMinutesOf(date, time);
  if (wall === undefined) return undefined;
  const there = instantToWallMinutes(wallToInstant(wall, fromZone), toZone);
  const day = Math.floor(there / MINUTES_PER_DAY);
  return { date: dayToDate(day), time: minutesToClock(there - day * MINUTES_PER_DAY) };
}
