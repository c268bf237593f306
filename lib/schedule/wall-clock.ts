// Calendar arithmetic and instant → wall-clock conversion with Intl only (no dayjs), so code
// that just formats times (the hover card in the content script) does not carry dayjs.
import type { Weekday } from '../index/types';

export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Monday-first, the order weekly slots are counted in. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Days since 1970-01-01 of a civil date `YYYY-MM-DD`; undefined when malformed or impossible. */
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

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `HH:mm` of minutes after midnight. */
export function minutesToClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

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
 * (so `dayjs.utc(result)` formats it without any zone). Throws RangeError for an invalid zone.
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

export interface ZonedFields {
  date: string;
  time: string;
  weekday: Weekday;
}

export function zonedFields(instant: number, zone: string): ZonedFields {
  const wallMinutes = instantToWallMinutes(instant, zone);
  const day = Math.floor(wallMinutes / MINUTES_PER_DAY);
  return {
    date: dayToDate(day),
    time: minutesToClock(wallMinutes - day * MINUTES_PER_DAY),
    weekday: WEEKDAYS[weekdayIndexOfDay(day)] ?? 'mon', // index is always 0–6
  };
}
