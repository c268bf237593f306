// When does a drama air next? A pure function of the schedule, the clock and the viewer's zone.
//
// Broadcasts are counted in the schedule's wall clock (minutes since 1970-01-01 00:00 in its
// zone) over a weekly pattern: the n-th broadcast since a fixed Monday is found by whole weeks
// plus a step within the week, so a drama that started years ago costs the same as a new one
// (the popup runs this for every drama it shows). Only the few instants the answer needs are
// converted to epoch ms.
import type { DramaSchedule, ScheduleChange, WeeklySlot } from '../index/types';

// The UI formatters live in format.ts; exported here too so one import serves a card.
export { formatClock, formatCountdown, formatDate } from './format';
import {
  MINUTES_PER_DAY,
  WEEKDAYS,
  dayToDate,
  instantToWallMinutes,
  isValidTimeZone,
  parseClock,
  parseDay,
  wallToInstant,
  weekdayIndexOfDay,
  zonedFields,
  type ZonedFields,
} from './calendar';

export type AirState = 'upcoming' | 'airing' | 'finished' | 'unknown';

export interface NextEpisode {
  /** 1-based, counted over broadcasts from the premiere; absent when the premiere is unknown. */
  episode?: number;
  /** Start, epoch ms. */
  at: number;
  /** The start in Korea (Asia/Seoul), as fans quote it. */
  kst: ZonedFields;
  /** The start in the viewer's zone. */
  local: ZonedFields & { timeZone: string };
  /** Milliseconds from `now` to the start, 0 when on air (the UI spells it: formatCountdown). */
  startsInMs: number;
}

export interface AirTime {
  /**
   * `upcoming`: before the first episode; `airing`: the run has started and episodes remain;
   * `finished`: the last episode has aired; `unknown`: not enough data to say.
   */
  state: AirState;
  /** An episode is broadcasting now (for `runtimeMinutes`, else 60 minutes from its start). */
  onAirNow: boolean;
  /** The episode broadcasting now, else the next one; absent when finished or unknown. */
  next?: NextEpisode;
  /** Date (schedule's zone) and start of the last episode, when an end is known. */
  finale?: { date: string; at?: number };
  /** Date (schedule's zone) and start of episode 1, when the premiere is known. */
  premiere?: { date: string; at?: number };
  /** Episodes whose broadcast has ended; absent when the premiere is unknown. */
  episodesAired?: number;
  /** A streaming release that put every episode out on the premiere date. */
  releasedAllAtOnce?: boolean;
  /** A day the sources say has no episode, between now and the next episode (why the wait is longer). */
  skipped?: { date: string; reason?: string };
  /** A special (not a numbered episode) on air now or starting before the next episode. */
  special?: { date: string; at: number; title?: string; onAirNow: boolean };
}

/** Fans and broadcasters quote air times in KST whatever the schedule is stored in. */
const KOREA_TIME_ZONE = 'Asia/Seoul';
/** Without a known runtime, an episode counts as on air for its first hour. */
const DEFAULT_ON_AIR_MINUTES = 60;
const MS_PER_MINUTE = 60_000;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/**
 * A run whose end no source gives (no finale, no episode count) is taken to go on for at most
 * this long after its premiere; later, whether it still airs is unknown, never "airing" forever.
 * Weekly K-dramas run 6 to 20 weeks; longer daily serials have stated episode counts.
 */
export const OPEN_RUN_DAYS = 26 * 7;
/** 1969-12-29 (day -3) is a Monday: weekly broadcasts are counted from there. */
const WEEK_ORIGIN = -3 * MINUTES_PER_DAY;

interface WeeklyPattern {
  /** Minutes after Monday 00:00 of each broadcast in a week, ascending, without duplicates. */
  offsets: number[];
  /** Weekday indices (Monday = 0) that have at least one broadcast. */
  slotWeekdays: Set<number>;
  /** Time of the first listed slot, used for a premiere or finale on a day without a slot. */
  firstSlotMinutes: number;
}

/** The weekly pattern, or undefined when there is none or any slot is malformed (no guessing). */
function readPattern(slots: WeeklySlot[] | undefined): WeeklyPattern | undefined {
  if (!slots || slots.length === 0) return undefined;
  const offsets = new Set<number>();
  const slotWeekdays = new Set<number>();
  let firstSlotMinutes: number | undefined;
  for (const slot of slots) {
    const minutes = parseClock(slot.time);
    if (minutes === undefined) return undefined;
    firstSlotMinutes ??= minutes;
    for (const day of slot.days) {
      const weekdayIndex = WEEKDAYS.indexOf(day);
      if (weekdayIndex < 0) return undefined;
      slotWeekdays.add(weekdayIndex);
      offsets.add(weekdayIndex * MINUTES_PER_DAY + minutes);
    }
  }
  if (offsets.size === 0 || firstSlotMinutes === undefined) return undefined;
  return { offsets: [...offsets].sort((a, b) => a - b), slotWeekdays, firstSlotMinutes };
}

/** How many pattern broadcasts start before wall minute `wall`, counted from the origin week. */
function countBefore(offsets: number[], wall: number): number {
  const sinceOrigin = wall - WEEK_ORIGIN;
  const weeks = Math.floor(sinceOrigin / MINUTES_PER_WEEK);
  const intoWeek = sinceOrigin - weeks * MINUTES_PER_WEEK;
  let inWeek = 0;
  for (const offset of offsets) {
    if (offset >= intoWeek) break;
    inWeek++;
  }
  return weeks * offsets.length + inWeek;
}

/** Wall minute of the pattern broadcast with 0-based index `index` (inverse of countBefore). */
function broadcastAt(offsets: number[], index: number): number {
  const weeks = Math.floor(index / offsets.length);
  const offset = offsets[index - weeks * offsets.length] ?? 0; // always present: index mod length
  return WEEK_ORIGIN + weeks * MINUTES_PER_WEEK + offset;
}

/** The run as a numbered sequence of broadcasts. */
interface EpisodePlan {
  offsets: number[];
  /** Pattern index of the first broadcast that belongs to the run. */
  firstRegular: number;
  /** Episode 1 when the premiere falls on a day without a slot. */
  offPatternPremiere?: number;
  /** The last episode when the finale falls on a day without a slot. */
  offPatternFinale?: number;
  /** Pattern broadcasts belong to the run only before this wall minute. */
  regularEnd: number;
  /** Number of the last episode; Infinity while no end is known. */
  last: number;
  /**
   * Every episode's wall minute, in order, when the sources state changes to the pattern
   * (skips, new slots, moved episodes): the run is then counted one broadcast at a time.
   */
  walls?: number[];
}

function planEpisodes(
  pattern: WeeklyPattern,
  premiereDay: number | undefined,
  finaleDay: number | undefined,
  episodeCount: number | undefined,
  nowWall: number,
): EpisodePlan | undefined {
  const { offsets, slotWeekdays, firstSlotMinutes } = pattern;
  const isSlotDay = (day: number): boolean => slotWeekdays.has(weekdayIndexOfDay(day));

  let offPatternPremiere: number | undefined;
  let startDay: number;
  if (premiereDay !== undefined) {
    startDay = premiereDay;
    if (!isSlotDay(premiereDay)) offPatternPremiere = premiereDay * MINUTES_PER_DAY + firstSlotMinutes;
  } else {
    // Without a premiere the numbers are only relative (never reported): start counting a week
    // before both the clock and the finale, so the broadcast on air now is always in range.
    const nowDay = Math.floor(nowWall / MINUTES_PER_DAY);
    startDay = Math.min(nowDay, finaleDay ?? nowDay) - 7;
  }
  const firstRegular = countBefore(offsets, startDay * MINUTES_PER_DAY);

  let offPatternFinale: number | undefined;
  let regularEnd = Infinity;
  let lastByFinale = Infinity;
  if (finaleDay !== undefined) {
    if (finaleDay < startDay) return undefined; // finale before premiere: contradictory data
    if (isSlotDay(finaleDay)) {
      regularEnd = (finaleDay + 1) * MINUTES_PER_DAY;
    } else {
      regularEnd = finaleDay * MINUTES_PER_DAY;
      // A one-day run on a day without a slot is the premiere alone.
      if (finaleDay !== premiereDay) offPatternFinale = regularEnd + firstSlotMinutes;
    }
    lastByFinale =
      (offPatternPremiere === undefined ? 0 : 1) +
      (countBefore(offsets, regularEnd) - firstRegular) +
      (offPatternFinale === undefined ? 0 : 1);
  }
  // An episode count only places the end when counting starts at a known premiere.
  const lastByCount = premiereDay !== undefined && episodeCount !== undefined ? episodeCount : Infinity;
  // Count and finale together: the run stops at whichever comes first.
  const last = Math.min(lastByFinale, lastByCount);
  if (last < 1) return undefined;
  return { offsets, firstRegular, offPatternPremiere, offPatternFinale, regularEnd, last };
}

/** Wall minute of episode `episode` (1 ≤ episode ≤ plan.last). */
function episodeWall(plan: EpisodePlan, episode: number): number {
  if (plan.walls) return plan.walls[Math.min(episode, plan.walls.length) - 1];
  let regularNumber = episode;
  if (plan.offPatternPremiere !== undefined) {
    if (episode === 1) return plan.offPatternPremiere;
    regularNumber -= 1;
  }
  const wall = broadcastAt(plan.offsets, plan.firstRegular + regularNumber - 1);
  // Past the pattern range only the off-pattern finale remains.
  if (plan.offPatternFinale !== undefined && wall >= plan.regularEnd) return plan.offPatternFinale;
  return wall;
}

/** How many episodes have started by wall minute `wall` (inclusive), at most plan.last. */
function episodesStartedBy(plan: EpisodePlan, wall: number): number {
  if (plan.walls) {
    let count = 0;
    while (count < plan.walls.length && plan.walls[count] <= wall) count++;
    return Math.min(count, plan.last);
  }
  let started = 0;
  if (plan.offPatternPremiere !== undefined) {
    if (plan.offPatternPremiere > wall) return 0;
    started += 1;
  }
  const regularBound = Math.min(wall + 1, plan.regularEnd);
  started += Math.max(0, countBefore(plan.offsets, regularBound) - plan.firstRegular);
  if (plan.offPatternFinale !== undefined && plan.offPatternFinale <= wall) started += 1;
  return Math.min(started, plan.last);
}

/** A run with no stated end is generated this far past the open-run limit (readRun stops there). */
const EXPLICIT_RUN_MARGIN_DAYS = 21;
/** No run is generated longer than this (a daily serial runs about a year). */
const EXPLICIT_RUN_MAX_DAYS = 3 * 366;

/**
 * The episodes of a run whose sources state changes, one broadcast at a time from the
 * premiere: each day's slots (the slots in force that day), skipped days left out, a premiere
 * or finale on a day without a slot at the first slot's time, then moved episodes placed where
 * the sources put them, the others numbered in order. Undefined when a change is malformed.
 */
function explicitWalls(
  base: WeeklyPattern,
  changes: ScheduleChange[],
  premiereDay: number,
  finaleDay: number | undefined,
  episodeCount: number | undefined,
): number[] | undefined {
  const skips = new Set<number>();
  const slotChanges: { from: number; pattern: WeeklyPattern }[] = [];
  const moved = new Map<number, number>();
  for (const change of changes) {
    if (change.kind === 'skip') {
      const day = parseDay(change.date);
      if (day === undefined) return undefined;
      skips.add(day);
    } else if (change.kind === 'slots') {
      const from = parseDay(change.from);
      const pattern = readPattern(change.slots);
      if (from === undefined || !pattern) return undefined;
      slotChanges.push({ from, pattern });
    } else if (change.kind === 'moved') {
      const day = parseDay(change.date);
      const minutes = parseClock(change.time);
      if (day === undefined || minutes === undefined || positiveInteger(change.episode) === undefined) return undefined;
      moved.set(change.episode, day * MINUTES_PER_DAY + minutes);
    }
  }
  slotChanges.sort((a, b) => a.from - b.from);
  const patternOn = (day: number): WeeklyPattern => {
    let pattern = base;
    for (const change of slotChanges) if (change.from <= day) pattern = change.pattern;
    return pattern;
  };
  const endDay = Math.min(
    finaleDay ?? premiereDay + OPEN_RUN_DAYS + EXPLICIT_RUN_MARGIN_DAYS,
    premiereDay + EXPLICIT_RUN_MAX_DAYS,
  );
  const regular: number[] = [];
  for (let day = premiereDay; day <= endDay; day++) {
    if (skips.has(day)) continue;
    const pattern = patternOn(day);
    const weekdayStart = weekdayIndexOfDay(day) * MINUTES_PER_DAY;
    let any = false;
    for (const offset of pattern.offsets) {
      if (offset < weekdayStart || offset >= weekdayStart + MINUTES_PER_DAY) continue;
      regular.push(day * MINUTES_PER_DAY + offset - weekdayStart);
      any = true;
    }
    if (!any && (day === premiereDay || day === finaleDay))
      regular.push(day * MINUTES_PER_DAY + pattern.firstSlotMinutes);
  }
  // A moved episode on a day that has slots takes that day's nearest slot (a time shift):
  // the slot it displaces is not another episode.
  for (const wall of moved.values()) {
    const day = Math.floor(wall / MINUTES_PER_DAY);
    let nearest = -1;
    for (let i = 0; i < regular.length; i++) {
      if (Math.floor(regular[i] / MINUTES_PER_DAY) !== day) continue;
      if (nearest < 0 || Math.abs(regular[i] - wall) < Math.abs(regular[nearest] - wall)) nearest = i;
    }
    if (nearest >= 0) regular.splice(nearest, 1);
  }
  const count = episodeCount ?? Infinity;
  const walls: number[] = [];
  for (let episode = 1, next = 0; episode <= count; episode++) {
    const movedTo = moved.get(episode);
    if (movedTo !== undefined) walls.push(movedTo);
    else if (next < regular.length) walls.push(regular[next++]);
    else break;
  }
  return walls.sort((a, b) => a - b);
}

/** The changes that move numbered episodes (specials do not). */
const movesEpisodes = (change: ScheduleChange) => change.kind !== 'special';

function positiveInteger(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function describeEpisode(
  at: number,
  episode: number | undefined,
  now: number,
  onAirNow: boolean,
  viewerTimeZone: string,
): NextEpisode {
  const described: NextEpisode = {
    at,
    kst: zonedFields(at, KOREA_TIME_ZONE),
    local: { ...zonedFields(at, viewerTimeZone), timeZone: viewerTimeZone },
    startsInMs: onAirNow ? 0 : Math.max(0, at - now),
  };
  if (episode !== undefined) described.episode = episode;
  return described;
}

/**
 * The state of a drama's run at `now` and its next (or current) episode, with times in KST and
 * in `viewerTimeZone` (an invalid zone falls back to UTC). `unknown` when there is no schedule,
 * no slot, or neither a premiere nor a finale date: nothing is guessed.
 */
/**
 * A streaming release with every episode out on one day: upcoming before that day (in the
 * schedule's zone), finished from it on. The hour of release is not data we have, so no
 * countdown is offered.
 */
function streamingRelease(schedule: DramaSchedule, now: number): AirTime {
  const day = schedule.premiere === undefined ? undefined : parseDay(schedule.premiere);
  if (day === undefined) return { state: 'unknown', onAirNow: false };
  const date = dayToDate(day);
  const released = instantToWallMinutes(now, schedule.timeZone) >= day * MINUTES_PER_DAY;
  const episodes = positiveInteger(schedule.episodes);
  return {
    state: released ? 'finished' : 'upcoming',
    onAirNow: false,
    releasedAllAtOnce: true,
    premiere: { date },
    finale: { date },
    ...(released && episodes !== undefined ? { episodesAired: episodes } : {}),
  };
}

interface RunContext {
  schedule: DramaSchedule;
  plan: EpisodePlan;
  zone: string;
  nowWall: number;
  premiereDay?: number;
}

/** The run counted in the schedule's wall clock, or the answer when there is nothing to count. */
function readRun(schedule: DramaSchedule | undefined, now: number): RunContext | AirTime {
  const unknown: AirTime = { state: 'unknown', onAirNow: false };
  if (!schedule || !Number.isFinite(now) || !isValidTimeZone(schedule.timeZone)) return unknown;
  if (schedule.release === 'all-at-once') return streamingRelease(schedule, now);
  const pattern = readPattern(schedule.slots);
  if (!pattern) return unknown;
  const premiereDay = schedule.premiere === undefined ? undefined : parseDay(schedule.premiere);
  const finaleDay = schedule.finale === undefined ? undefined : parseDay(schedule.finale);
  // A date that is present but malformed is bad data, not a missing date.
  if (schedule.premiere !== undefined && premiereDay === undefined) return unknown;
  if (schedule.finale !== undefined && finaleDay === undefined) return unknown;
  if (premiereDay === undefined && finaleDay === undefined) return unknown;

  const zone = schedule.timeZone;
  const nowWall = instantToWallMinutes(now, zone);
  const endUnknown = finaleDay === undefined && positiveInteger(schedule.episodes) === undefined;
  if (endUnknown && premiereDay !== undefined && nowWall >= (premiereDay + OPEN_RUN_DAYS) * MINUTES_PER_DAY) {
    return { ...unknown, premiere: { date: dayToDate(premiereDay) } };
  }
  const plan = planEpisodes(pattern, premiereDay, finaleDay, positiveInteger(schedule.episodes), nowWall);
  if (!plan) return unknown;
  // Stated changes need a premiere to count from; without one they cannot be placed.
  if (premiereDay !== undefined && schedule.changes?.some(movesEpisodes)) {
    const walls = explicitWalls(pattern, schedule.changes, premiereDay, finaleDay, positiveInteger(schedule.episodes));
    if (!walls || walls.length === 0) return unknown;
    plan.walls = walls;
    const end = finaleDay !== undefined || positiveInteger(schedule.episodes) !== undefined;
    plan.last = end ? walls.length : Infinity;
  }
  return { schedule, plan, zone, nowWall, premiereDay };
}

/**
 * Only the state, for lists of every drama (the options page): a run that ended or starts days
 * away from now is decided in wall minutes, without the instant conversions nextAirTime makes.
 * Always equal to `nextAirTime(...).state`.
 */
export function airState(schedule: DramaSchedule | undefined, now: number, viewerTimeZone: string): AirState {
  const run = readRun(schedule, now);
  if ('state' in run) return run.state;
  // Two days of margin cover any difference between wall minutes and instants (DST, runtime).
  const margin = 2 * MINUTES_PER_DAY;
  const { plan, nowWall, premiereDay } = run;
  if (Number.isFinite(plan.last) && nowWall > episodeWall(plan, plan.last) + margin) return 'finished';
  if (premiereDay !== undefined && nowWall < episodeWall(plan, 1) - margin) return 'upcoming';
  return airTimeOfRun(run, now, viewerTimeZone).state;
}

export function nextAirTime(schedule: DramaSchedule | undefined, now: number, viewerTimeZone: string): AirTime {
  const run = readRun(schedule, now);
  return 'state' in run ? run : airTimeOfRun(run, now, viewerTimeZone);
}

/** nextAirTime for a run readRun has counted: the instants of the episodes around now. */
function airTimeOfRun(run: RunContext, now: number, viewerTimeZone: string): AirTime {
  const { plan, zone, nowWall, premiereDay } = run;
  const runtime = run.schedule.runtimeMinutes;
  const viewerZone = isValidTimeZone(viewerTimeZone) ? viewerTimeZone : 'UTC';

  const premiereKnown = premiereDay !== undefined;
  const onAirMinutes =
    runtime !== undefined && Number.isFinite(runtime) && runtime > 0 ? runtime : DEFAULT_ON_AIR_MINUTES;
  const onAirMs = onAirMinutes * MS_PER_MINUTE;
  const instantOf = (episode: number): number => wallToInstant(episodeWall(plan, episode), zone);

  let started = episodesStartedBy(plan, nowWall);
  // Wall minutes and instants can disagree around a DST change in the schedule's zone; the
  // instant decides.
  if (started >= 1 && instantOf(started) > now) started -= 1;

  const result: AirTime = { state: 'airing', onAirNow: false };
  if (premiereKnown) result.premiere = { date: dayToDate(premiereDay), at: instantOf(1) };
  if (Number.isFinite(plan.last)) {
    const lastWall = episodeWall(plan, plan.last);
    // The effective last episode: equals the stated finale unless the episode count ends sooner.
    result.finale = {
      date: dayToDate(Math.floor(lastWall / MINUTES_PER_DAY)),
      at: wallToInstant(lastWall, zone),
    };
  }

  const episodeLabel = (episode: number): number | undefined => (premiereKnown ? episode : undefined);
  const currentStart = started >= 1 ? instantOf(started) : undefined;
  if (currentStart !== undefined && now < currentStart + onAirMs) {
    result.onAirNow = true;
    result.next = describeEpisode(currentStart, episodeLabel(started), now, true, viewerZone);
    if (premiereKnown) result.episodesAired = started - 1;
    return result;
  }
  if (premiereKnown) result.episodesAired = started;
  if (started >= plan.last) {
    result.state = 'finished';
    return result;
  }
  if (premiereKnown && started === 0) result.state = 'upcoming';
  const nextEpisode = started + 1;
  result.next = describeEpisode(instantOf(nextEpisode), episodeLabel(nextEpisode), now, false, viewerZone);
  noteChangesBefore(result, run.schedule.changes, zone, now, result.next.at, onAirMs);
  return result;
}

/** The stated skip and special between now and the next episode, for the card to say. */
function noteChangesBefore(
  result: AirTime,
  changes: ScheduleChange[] | undefined,
  zone: string,
  now: number,
  nextAt: number,
  onAirMs: number,
): void {
  if (!changes) return;
  for (const change of changes) {
    if (change.kind === 'skip' && result.skipped === undefined) {
      const day = parseDay(change.date);
      if (day === undefined) continue;
      const dayStart = wallToInstant(day * MINUTES_PER_DAY, zone);
      const dayEnd = wallToInstant((day + 1) * MINUTES_PER_DAY, zone);
      if (dayEnd > now && dayStart < nextAt) {
        result.skipped = { date: change.date, ...(change.reason ? { reason: change.reason } : {}) };
      }
    } else if (change.kind === 'special' && result.special === undefined) {
      const day = parseDay(change.date);
      const minutes = parseClock(change.time);
      if (day === undefined || minutes === undefined) continue;
      const at = wallToInstant(day * MINUTES_PER_DAY + minutes, zone);
      if (at + onAirMs > now && at < nextAt) {
        result.special = {
          date: change.date,
          at,
          onAirNow: at <= now,
          ...(change.title ? { title: change.title } : {}),
        };
      }
    }
  }
}

export interface EpisodeStart {
  /** 1-based. */
  episode: number;
  /** Start, epoch ms. */
  at: number;
}

/**
 * Every episode of a weekly run, numbered from its premiere, when the data states both the
 * premiere and an end (a finale or an episode count); otherwise undefined: nothing is guessed.
 * `now` only matters to runs without an end, which give undefined anyway.
 */
export function episodeStarts(schedule: DramaSchedule | undefined, now: number): EpisodeStart[] | undefined {
  if (!schedule || schedule.release === 'all-at-once') return undefined;
  const run = readRun(schedule, now);
  if ('state' in run || run.premiereDay === undefined || !Number.isFinite(run.plan.last)) return undefined;
  const { plan, zone } = run;
  return Array.from({ length: plan.last }, (_, i) => ({
    episode: i + 1,
    at: wallToInstant(episodeWall(plan, i + 1), zone),
  }));
}

/** An episode start found by episodesBetween; `episode` absent when the premiere is unknown. */
export interface ScheduledEpisode {
  episode?: number;
  at: number;
}

/**
 * The episodes starting after `from` and at or before `to` (epoch ms), in order: what the
 * reminders schedule. Works for runs without a stated end too (up to the open-run limit), and
 * honours the stated changes; an all-at-once release or an unknown schedule gives none.
 */
export function episodesBetween(schedule: DramaSchedule | undefined, from: number, to: number): ScheduledEpisode[] {
  if (!schedule || schedule.release === 'all-at-once' || !(to > from)) return [];
  const run = readRun(schedule, from);
  if ('state' in run) return [];
  const { plan, zone, nowWall, premiereDay } = run;
  const instantOf = (episode: number): number => wallToInstant(episodeWall(plan, episode), zone);
  const openEnd =
    !Number.isFinite(plan.last) && premiereDay !== undefined
      ? wallToInstant((premiereDay + OPEN_RUN_DAYS) * MINUTES_PER_DAY, zone)
      : Infinity;
  let started = episodesStartedBy(plan, nowWall);
  // As in airTimeOfRun: around a DST change in the schedule's zone the instant decides.
  while (started >= 1 && instantOf(started) > from) started -= 1;
  const found: ScheduledEpisode[] = [];
  const last = plan.walls ? Math.min(plan.last, plan.walls.length) : plan.last;
  for (let episode = started + 1; episode <= last; episode++) {
    const at = instantOf(episode);
    if (at <= from) continue;
    if (at > to || at >= openEnd) break;
    found.push(premiereDay === undefined ? { at } : { episode, at });
  }
  return found;
}

/** Whether the data gives `schedule`'s episodes dates (what a calendar needs). */
export function hasEpisodeDates(schedule: DramaSchedule | undefined): boolean {
  if (!schedule?.premiere) return false;
  if (schedule.release === 'all-at-once') return true;
  return schedule.slots.length > 0 && (schedule.finale !== undefined || schedule.episodes !== undefined);
}
