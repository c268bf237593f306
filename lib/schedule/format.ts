// Deterministic English formatting of air times for the UI. Wall-clock fields come from Intl
// (see zoned.ts) and are formatted by dayjs in UTC with the built-in `en` locale, so the output
// depends neither on the machine's zone nor on a global `dayjs.locale(...)` set elsewhere.
import { dayjs, instantToWallMs, isValidTimeZone, parseDay } from './zoned';

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

/**
 * "in 2d 3h" from one day on, "in 3h 5m" from one hour on, "in 12m" below that, and
 * "on air now" when the start is not in the future. Rounds up to the minute, so 30 s left reads
 * "in 1m" rather than "in 0m".
 */
export function formatCountdown(ms: number): string {
  if (!(ms > 0)) return 'on air now';
  const totalMinutes = Math.ceil(ms / MS_PER_MINUTE);
  if (totalMinutes >= MINUTES_PER_DAY) {
    const days = Math.floor(totalMinutes / MINUTES_PER_DAY);
    const hours = Math.floor((totalMinutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
    return `in ${days}d ${hours}h`;
  }
  if (totalMinutes >= MINUTES_PER_HOUR) {
    const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
    return `in ${hours}h ${totalMinutes % MINUTES_PER_HOUR}m`;
  }
  return `in ${totalMinutes}m`;
}

/** Falls back to UTC for a zone Intl does not know, so a bad setting never breaks a card. */
function usableZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/** "11:00 PM" (12-hour) or "23:00" (24-hour) for an instant, in `timeZone`. */
export function formatClock(epochMs: number, timeZone: string, hourCycle: 12 | 24): string {
  const wall = dayjs.utc(instantToWallMs(epochMs, usableZone(timeZone))).locale('en');
  return wall.format(hourCycle === 12 ? 'h:mm A' : 'HH:mm');
}

/**
 * "Sat 21 Aug 2021". An instant is read in `timeZone`; a `YYYY-MM-DD` string is already a
 * calendar day (e.g. a finale date in the broadcaster's zone) and is shown as is.
 * An unparseable string is returned unchanged rather than turned into "Invalid Date".
 */
export function formatDate(value: number | string, timeZone: string): string {
  let wallMs: number;
  if (typeof value === 'string') {
    const day = parseDay(value);
    if (day === undefined) return value;
    wallMs = day * MINUTES_PER_DAY * MS_PER_MINUTE;
  } else {
    wallMs = instantToWallMs(value, usableZone(timeZone));
  }
  return dayjs.utc(wallMs).locale('en').format('ddd D MMM YYYY');
}
