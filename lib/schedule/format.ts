// Deterministic English formatting of air times for the UI. Wall-clock fields come from Intl
// (see calendar.ts) and are spelled out here in English, so the output depends neither on the
// machine's zone nor on its locale, and the hover card formats times without carrying dayjs
// (it uses no wall → instant conversion).
import {
  MINUTES_PER_DAY,
  MONTH_SHORT_NAMES,
  WEEKDAY_SHORT_NAMES,
  instantToWallMs,
  isValidTimeZone,
  parseDay,
  weekdayOfDay,
} from './calendar';

const pad2 = (value: number) => String(value).padStart(2, '0');

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

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
  const wall = new Date(instantToWallMs(epochMs, usableZone(timeZone)));
  const hours = wall.getUTCHours();
  const minutes = pad2(wall.getUTCMinutes());
  if (hourCycle === 24) return `${pad2(hours)}:${minutes}`;
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
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
    wallMs = day * MS_PER_DAY;
  } else {
    wallMs = instantToWallMs(value, usableZone(timeZone));
  }
  const wall = new Date(wallMs);
  const weekday = WEEKDAY_SHORT_NAMES[weekdayOfDay(Math.floor(wallMs / MS_PER_DAY))];
  return `${weekday} ${wall.getUTCDate()} ${MONTH_SHORT_NAMES[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
}

const KOREA = 'Asia/Seoul';

/**
 * An air time as the reader's time settings ask: in their zone, in KST, or both
 * ("Mon 2 Mar 2026, 6:50 AM (8:50 PM KST)"), with or without the date (of the zone shown
 * first). A reader in Korea gets the KST time once.
 */
export function formatAirTime(
  instant: number,
  viewerZone: string,
  display: { timeDisplay: 'local' | 'kst' | 'both'; hourCycle: 12 | 24 },
  withDate = true,
): string {
  const inKorea = display.timeDisplay === 'kst' || (display.timeDisplay === 'both' && viewerZone === KOREA);
  const date = withDate ? `${formatDate(instant, inKorea ? KOREA : viewerZone)}, ` : '';
  const kst = `${formatClock(instant, KOREA, display.hourCycle)} KST`;
  if (inKorea) return `${date}${kst}`;
  const local = `${date}${formatClock(instant, viewerZone, display.hourCycle)}`;
  return display.timeDisplay === 'local' ? local : `${local} (${kst})`;
}
