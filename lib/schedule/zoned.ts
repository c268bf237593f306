// Calendar arithmetic and time-zone conversion shared by the schedule module.
//
// Wall-clock → instant goes through dayjs' timezone plugin (`dayjs.tz(text, zone)`), which
// reads offsets with Intl and does not depend on the machine's zone. Instant → wall-clock
// does not use `dayjs(ms).tz(zone)`: that method re-parses a locale string in the machine's
// zone, so it shifts by an hour when the target wall time falls in the machine's own DST
// gap (seen with TZ=America/New_York). Reading the fields with Intl.formatToParts avoids it.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

// The `.js` plugin paths resolve both in Vite and in plain Node ESM (dayjs has no `exports` map).
dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

export * from './wall-clock';
import { dayToDate, minutesToClock, MINUTES_PER_DAY } from './wall-clock';

/** The instant of a wall-clock minute (minutes since 1970-01-01 00:00, in `zone`'s calendar). */
export function wallToInstant(wallMinutes: number, zone: string): number {
  const day = Math.floor(wallMinutes / MINUTES_PER_DAY);
  const clock = wallMinutes - day * MINUTES_PER_DAY;
  return dayjs.tz(`${dayToDate(day)} ${minutesToClock(clock)}`, zone).valueOf();
}
