// Air times for the UI, in the reader's language: dates, clocks and durations from Intl in the
// Localizer's locale, the words around them (“in …”, “KST”) from its catalogue. The zone is
// always given, so the output depends neither on the machine's zone nor on its locale, and the
// hover card formats times without carrying dayjs (it uses no wall → instant conversion).
import type { Localizer } from '../i18n';
import { MINUTES_PER_DAY, isValidTimeZone, parseDay } from './calendar';

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

// Building an Intl formatter costs far more than using one: one per locale, zone and kind.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cachedFormatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter as T;
}

const unitFormat = (locale: string, unit: 'day' | 'hour' | 'minute') =>
  cachedFormatter(
    `unit|${locale}|${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }),
  );

/**
 * "in 2d 3h" from one day on, "in 3h 5m" from one hour on, "in 12m" below that, and
 * "on air now" when the start is not in the future (in English; Korean reads "2일 3시간 후").
 * Rounds up to the minute, so 30 s left reads "in 1m" rather than "in 0m".
 */
export function formatCountdown(ms: number, l: Localizer): string {
  if (!(ms > 0)) return l.t('time.onAirNow');
  const totalMinutes = Math.ceil(ms / MS_PER_MINUTE);
  const amount = (n: number, unit: 'day' | 'hour' | 'minute') => unitFormat(l.locale, unit).format(n);
  let duration: string;
  if (totalMinutes >= MINUTES_PER_DAY) {
    const days = Math.floor(totalMinutes / MINUTES_PER_DAY);
    const hours = Math.floor((totalMinutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
    duration = `${amount(days, 'day')} ${amount(hours, 'hour')}`;
  } else if (totalMinutes >= MINUTES_PER_HOUR) {
    const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
    duration = `${amount(hours, 'hour')} ${amount(totalMinutes % MINUTES_PER_HOUR, 'minute')}`;
  } else {
    duration = amount(totalMinutes, 'minute');
  }
  return l.t('time.startsIn', [duration]);
}

/** Falls back to UTC for a zone Intl does not know, so a bad setting never breaks a card. */
function usableZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/** "11:00 PM" (12-hour) or "23:00" (24-hour) for an instant, in `timeZone` ("오후 11:00" in Korean). */
export function formatClock(epochMs: number, timeZone: string, hourCycle: 12 | 24, l: Localizer): string {
  const zone = usableZone(timeZone);
  return cachedFormatter(
    `clock|${l.locale}|${zone}|${hourCycle}`,
    () =>
      new Intl.DateTimeFormat(l.locale, {
        hour: hourCycle === 24 ? '2-digit' : 'numeric',
        minute: '2-digit',
        hourCycle: hourCycle === 24 ? 'h23' : 'h12',
        timeZone: zone,
      }),
  ).format(epochMs);
}

/**
 * "Sat, Aug 21, 2021" (en-US) or "2021년 8월 21일 (토)". An instant is read in `timeZone`; a
 * `YYYY-MM-DD` string is already a calendar day (e.g. a finale date in the broadcaster's zone)
 * and is shown as that day. An unparseable string is returned unchanged rather than turned into
 * "Invalid Date".
 */
export function formatDate(value: number | string, timeZone: string, l: Localizer): string {
  let instant = value;
  let zone = usableZone(timeZone);
  if (typeof value === 'string') {
    const day = parseDay(value);
    if (day === undefined) return value;
    instant = day * MS_PER_DAY;
    zone = 'UTC';
  }
  return cachedFormatter(
    `date|${l.locale}|${zone}`,
    () =>
      new Intl.DateTimeFormat(l.locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: zone,
      }),
  ).format(instant as number);
}

/** A date and a clock together: "Sat, Aug 21, 2021, 11:00 PM". */
export const formatDateAndClock = (epochMs: number, timeZone: string, hourCycle: 12 | 24, l: Localizer): string =>
  l.t('time.dateAndClock', [formatDate(epochMs, timeZone, l), formatClock(epochMs, timeZone, hourCycle, l)]);

/** A time marked as Korea's: "11:00 PM KST". */
export const markKst = (time: string, l: Localizer): string => l.t('time.kst', [time]);

const KOREA = 'Asia/Seoul';

/**
 * An air time as the reader's time settings ask: in their zone, in KST, or both
 * ("Mon, Mar 2, 2026, 6:50 AM (8:50 PM KST)"), with or without the date (of the zone shown
 * first). A reader in Korea gets the KST time once.
 */
export function formatAirTime(
  instant: number,
  viewerZone: string,
  display: { timeDisplay: 'local' | 'kst' | 'both'; hourCycle: 12 | 24 },
  l: Localizer,
  withDate = true,
): string {
  const inKorea = display.timeDisplay === 'kst' || (display.timeDisplay === 'both' && viewerZone === KOREA);
  const at = (zone: string, dated: boolean) =>
    dated ? formatDateAndClock(instant, zone, display.hourCycle, l) : formatClock(instant, zone, display.hourCycle, l);
  if (inKorea) return markKst(at(KOREA, withDate), l);
  const local = at(viewerZone, withDate);
  if (display.timeDisplay === 'local') return local;
  return l.t('time.localAndKst', [local, markKst(at(KOREA, false), l)]);
}
