// Checks air-time statements read out of articles (air-statements.ts) against the catalog
// schedule, converting between zones when the statement names another one. Pure: no I/O.
import type { DramaSchedule, Weekday } from '../../lib/index/types';
import { WEEKDAYS, WEEKDAY_SHORT_NAMES, convertWallTime, dayToDate, weekdayOfDay } from '../../lib/schedule/calendar';
import type { AirStatement } from './air-statements';
import { episodeStarts } from '../../lib/schedule/next-air-time';
import { instantToWallMinutes, MINUTES_PER_DAY } from '../../lib/schedule/calendar';

/**
 * A human-readable contradiction between a statement and the catalog schedule, or undefined
 * when they agree or cannot be compared (no schedule, or a foreign zone without a known year).
 */
export function compareWithSchedule(statement: AirStatement, schedule: DramaSchedule | undefined): string | undefined {
  if (!schedule || !statement.time) return undefined;
  const slotsText = schedule.slots.map(describeSlot).join('; ');
  const foreignZone = statement.timeZone !== schedule.timeZone;

  if (statement.kind === 'weekly') {
    if (!statement.days?.length || schedule.slots.length === 0) return undefined;
    const local: { day: Weekday; time: string }[] = [];
    for (const day of statement.days) {
      const converted = toScheduleZone(day, statement.time, statement.timeZone, schedule);
      if (!converted) return undefined;
      local.push(converted);
    }
    const said =
      `${statement.days.map((d) => WEEKDAY_SHORT_NAMES[d]).join(', ')} ${statement.time}` +
      (foreignZone
        ? ` ${statement.timeZone} (${local.map((l) => `${WEEKDAY_SHORT_NAMES[l.day]} ${l.time}`).join(', ')} in ${schedule.timeZone})`
        : '');
    const missing = local.filter((l) => !schedule.slots.some((s) => s.days.includes(l.day)));
    if (missing.length > 0) {
      return `says ${said}, but the schedule has no ${missing.map((l) => WEEKDAY_SHORT_NAMES[l.day]).join(', ')} slot (${slotsText})`;
    }
    if (local.some((l) => !schedule.slots.some((s) => s.days.includes(l.day) && s.time === l.time))) {
      return `says ${said}, but the schedule's slot is ${slotsText}`;
    }
    return undefined;
  }

  if (!statement.monthDay) return undefined;
  // Without a year there is no weekday and no daylight-saving rule, so a foreign zone cannot be compared.
  const year = yearOfMonthDay(statement.monthDay, statement.episode, schedule);
  if (year === undefined && foreignZone) return undefined;
  let date: string | undefined;
  let time = statement.time;
  if (year !== undefined) {
    const local = convertWallTime(
      `${year}-${statement.monthDay}`,
      statement.time,
      statement.timeZone,
      schedule.timeZone,
    );
    if (!local) return undefined;
    date = local.date;
    time = local.time;
  }
  const monthDay = date ? date.slice(5) : statement.monthDay;
  const said =
    `${statement.monthDay} ${statement.time}` +
    (foreignZone ? ` ${statement.timeZone} (${date} ${time} in ${schedule.timeZone})` : '');

  if (statement.episode === 'final' && schedule.finale) {
    return schedule.finale.slice(5) === monthDay
      ? compareTime(said, time, date, schedule, slotsText)
      : `says the final episode airs ${said}, but the catalog's finale is ${schedule.finale}`;
  }
  if (statement.episode === 1 && schedule.premiere) {
    return schedule.premiere.slice(5) === monthDay
      ? compareTime(said, time, date, schedule, slotsText)
      : `says the first episode airs ${said}, but the catalog's premiere is ${schedule.premiere}`;
  }
  if (date && schedule.premiere && schedule.finale && (date < schedule.premiere || date > schedule.finale)) {
    return `says ${said}, which is outside the run (${schedule.premiere} to ${schedule.finale})`;
  }
  return compareTime(said, time, date, schedule, slotsText);
}

// A dated broadcast should fall on a slot's day (when the year, hence the weekday, is known) at its time.
function compareTime(
  said: string,
  time: string,
  date: string | undefined,
  schedule: DramaSchedule,
  slotsText: string,
): string | undefined {
  if (schedule.slots.length === 0) return undefined;
  if (!date) {
    return schedule.slots.some((s) => s.time === time)
      ? undefined
      : `says ${said}, but the schedule's slot is ${slotsText}`;
  }
  const weekday = weekdayOf(date);
  const daySlots = schedule.slots.filter((s) => s.days.includes(weekday));
  if (daySlots.length === 0) {
    return `says ${said}, but ${date} is a ${WEEKDAY_SHORT_NAMES[weekday]} and the schedule has no ${WEEKDAY_SHORT_NAMES[weekday]} slot (${slotsText})`;
  }
  if (!daySlots.some((s) => s.time === time)) return `says ${said}, but the schedule's slot is ${slotsText}`;
  return undefined;
}

function describeSlot(slot: { days: Weekday[]; time: string }): string {
  return `${slot.days.map((d) => WEEKDAY_SHORT_NAMES[d]).join(', ')} ${slot.time}`;
}

// Which year a month-day without a year belongs to: inside the run when the run is known.
function yearOfMonthDay(
  monthDay: string,
  episode: AirStatement['episode'],
  schedule: DramaSchedule,
): number | undefined {
  const premiere = schedule.premiere;
  const finale = schedule.finale;
  if (episode === 'final' && finale) return Number(finale.slice(0, 4));
  if (premiere) {
    const year = Number(premiere.slice(0, 4));
    return monthDay >= premiere.slice(5) ? year : year + 1;
  }
  if (finale) {
    const year = Number(finale.slice(0, 4));
    return monthDay <= finale.slice(5) ? year : year - 1;
  }
  return undefined;
}

// A weekly (day, time) in another zone, read as it falls in the schedule's zone. Needs a date
// for daylight saving: the premiere week, else the finale week.
function toScheduleZone(
  day: Weekday,
  time: string,
  timeZone: string,
  schedule: DramaSchedule,
): { day: Weekday; time: string } | undefined {
  if (timeZone === schedule.timeZone) return { day, time };
  const reference = schedule.premiere ?? schedule.finale;
  if (!reference) return undefined;
  const offset = (WEEKDAYS.indexOf(day) - WEEKDAYS.indexOf(weekdayOf(reference)) + 7) % 7;
  const date = addDays(reference, offset);
  const local = convertWallTime(date, time, timeZone, schedule.timeZone);
  return local ? { day: weekdayOf(local.date), time: local.time } : undefined;
}

const MS_PER_DAY = 86_400_000;

// A date read as Date.UTC reads it: a year-less "February 29" put in a common year is March 1.
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function weekdayOf(date: string): Weekday {
  return weekdayOfDay(dayNumber(date));
}

function addDays(date: string, days: number): string {
  return dayToDate(dayNumber(date) + days);
}

/**
 * A contradiction between an article saying a drama does not air on `date` and the catalog,
 * which has an episode that day and states no skip; undefined when they agree or cannot be
 * compared (no schedule, no dated episodes).
 */
export function compareBreakWithSchedule(date: string, schedule: DramaSchedule | undefined): string | undefined {
  if (!schedule) return undefined;
  if (schedule.changes?.some((c) => c.kind === 'skip' && c.date === date)) return undefined;
  const starts = episodeStarts(schedule, Date.parse(`${date}T00:00:00Z`));
  if (!starts) return undefined;
  const onDay = starts.find(
    (e) => dayToDate(Math.floor(instantToWallMinutes(e.at, schedule.timeZone) / MINUTES_PER_DAY)) === date,
  );
  return onDay
    ? `says no episode airs on ${date}, but the catalog has episode ${onDay.episode} then and states no skip`
    : undefined;
}
