// Reads air-time statements ("airs every Saturday at 11 p.m. KST", "the final episode airs on
// August 21 at 11 PM KST") out of English article text; schedule-check.ts compares them with the
// catalog. Pure: no I/O.
import type { AirTimeClaim, Weekday } from '../../lib/index/types';
import { MONTH_SHORT_NAMES, WEEKDAYS } from '../../lib/schedule/calendar';

/** A claim found in text; `phrase` is exactly `text.slice(start, end)`, `timeZone` an IANA zone (`KST` → `Asia/Seoul`). */
export interface AirStatement extends AirTimeClaim {
  /** Offsets of the phrase in the text. */
  start: number;
  end: number;
  /** `stated`: the text names the zone; `network`: no zone, but the sentence names a Korean broadcaster. */
  zoneSource?: 'stated' | 'network';
}

// Day names with their usual abbreviations; a trailing "s" ("Saturdays") marks a weekly habit.
const DAY_NAME =
  '(?:mon(?:days?)?|tue(?:s(?:days?)?)?|wed(?:nesdays?)?|thu(?:r(?:s(?:days?)?)?)?|fri(?:days?)?|sat(?:urdays?)?|sun(?:days?)?)\\.?(?![a-z])';
const DAY_SEPARATOR =
  '(?:\\s*,\\s*(?:and\\s+|&\\s*)?|\\s+and\\s+|\\s*[&/]\\s*|\\s*[-–—]\\s*|\\s+(?:to|through|thru)\\s+)';
const DAY_LIST = `${DAY_NAME}(?:${DAY_SEPARATOR}${DAY_NAME})*`;
const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![a-z])';
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?';
// "August 21", "Aug. 21st", "21 August", "the 21st of August", "2021-08-21", each optionally with a year.
export const DATE =
  `(?:${DAY_NAME},?\\s+)?(?:the\\s+)?` +
  `(?:(?<month>${MONTH_NAME})\\s*(?<day>\\d{1,2})${ORDINAL_SUFFIX}(?![\\d:])` +
  `|(?<dayFirst>\\d{1,2})${ORDINAL_SUFFIX}\\s+(?:of\\s+)?(?<monthAfter>${MONTH_NAME})` +
  `|(?<isoYear>\\d{4})-(?<isoMonth>\\d{2})-(?<isoDay>\\d{2}))` +
  '(?:,?\\s+\\d{4}(?![\\d:]))?';

// A clock time: "11 p.m.", "10:50 PM", "11pm", or 24 h "23:00". A bare "at 11" is not a time.
const TIME_PATTERN =
  /(?<![\w:.])(?:(?<hour12>\d{1,2})(?:[:.](?<minute12>[0-5]\d))?\s?(?<meridiem>[ap])\.?\s?m\b\.?|(?<hour24>[01]?\d|2[0-3]):(?<minute24>[0-5]\d)(?![\d:]))/gi;

// Zone abbreviations are case-sensitive ("ET", never "et"); ambiguous ones (CST, IST, BST) are left out.
const ZONE_ABBREVIATIONS: Record<string, string> = {
  KST: 'Asia/Seoul',
  JST: 'Asia/Tokyo',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  UTC: 'UTC',
  GMT: 'UTC',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  PHT: 'Asia/Manila',
  WIB: 'Asia/Jakarta',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};
const ZONE_AFTER_TIME = new RegExp(
  `\\s*(?:\\(\\s*)?(?:(?<abbreviation>${Object.keys(ZONE_ABBREVIATIONS).join('|')})` +
    '|(?<korean>Korea(?:n)? [Ss]tandard [Tt]ime|Korean? [Tt]ime))(?![A-Za-z])(?:\\s*\\))?',
  'y',
);
// Korean broadcasters; their international feeds ("tvN Asia", "KBS World") run on other clocks.
const KOREAN_NETWORK =
  /(?<![A-Za-z])(?:JTBC|tvN|KBS\s?[12]?(?:TV)?|MBC|SBS|OCN|ENA|MBN|TV\s?Chosun|Channel A)(?![A-Za-z0-9])(?!\s+(?:Asia|World|America|International|Global|Drama))/;
const ANY_ZONE = new RegExp(`(?<![A-Za-z])(?:${Object.keys(ZONE_ABBREVIATIONS).join('|')})(?![A-Za-z])`);

const AIR_VERB =
  /\b(?:air(?:s|ed|ing)?|on air|broadcast(?:s|ed|ing)?|telecast(?:s|ed|ing)?|premier(?:e|es|ed|ing)|debut(?:s|ed|ing)?|hits? (?:the )?(?:small )?screens?|(?:time )?slot)\b/gi;
// Present tense: a habit ("airs on Saturday"), not a one-off ("aired on Saturday").
const HABITUAL_AIR_VERB = /\b(?:airs|air|broadcasts|is broadcast|are broadcast|is aired|are aired)\b/i;
const RECURRENCE_WORD = /\b(?:every|each|weekly|every week)\b/i;
const ONE_OFF_LEAD = /\b(?:this|next|coming|last|past|following|previous)\s+$/i;
const CARDINAL_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
};
const EPISODE_MENTION = new RegExp(
  '\\b(?:(?<final>(?:the\\s+)?(?:(?:series |season )?finale|final episode))' +
    '|(?<premiere>premier(?:e|es|ed|ing)|(?:the\\s+)?first episode)' +
    '|ep(?:isode|\\.)?\\s*(?:no\\.\\s*)?(?<number>\\d{1,3})(?![\\d:])' +
    `|episode (?<cardinal>${Object.keys(CARDINAL_WORDS).join('|')})` +
    '|(?:the\\s+)?(?<ordinal>\\d{1,3})(?:st|nd|rd|th) episode' +
    `|(?:the\\s+)?(?<ordinalWord>${Object.keys(ORDINAL_WORDS).join('|')}) episode)\\b`,
  'gi',
);

const MONTHS = MONTH_SHORT_NAMES.map((name) => name.toLowerCase());
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Patterns around a time: what may come right before it, and right after its zone.
const DATE_BEFORE_TIME = new RegExp(
  `(?<![\\w])(?:on\\s+)?${DATE}(?:\\s*,\\s*(?:at\\s+)?|\\s+at\\s+|\\s+from\\s+|\\s+)$`,
  'i',
);
const DAYS_BEFORE_TIME = new RegExp(
  `(?<![\\w])(?<lead>(?:every|each|weekly)\\s+(?:on\\s+)?|on\\s+(?:every\\s+)?)?(?<days>${DAY_LIST})(?:\\s*,\\s*(?:at\\s+)?|\\s+at\\s+|\\s+from\\s+|\\s+)$`,
  'i',
);
const DATE_AFTER_TIME = new RegExp(`^(?:\\s+on\\s+|\\s*,\\s*(?:on\\s+)?)${DATE}`, 'i');
const DAYS_AFTER_TIME = new RegExp(
  `^(?:\\s*,?\\s*(?<lead>every|each|weekly on)\\s+|\\s+on\\s+(?<leadEvery>every\\s+)?|\\s*,\\s*(?:on\\s+)?)(?<days>${DAY_LIST})`,
  'i',
);
const LOOKBEHIND_CHARS = 160;

interface ClockTime {
  time: string;
  timeZone: string;
  zoneSource: 'stated' | 'network';
  start: number;
  end: number;
}

export function extractAirStatements(text: string): AirStatement[] {
  const statements: AirStatement[] = [];
  let previousEnd = 0;
  for (const timeMatch of text.matchAll(TIME_PATTERN)) {
    const timeStart = timeMatch.index;
    if (timeStart < previousEnd) continue;
    const clock = readClock(text, timeMatch);
    if (!clock) continue;
    const statement = readStatementAround(text, clock, previousEnd);
    if (!statement) continue;
    statements.push(statement);
    previousEnd = statement.end;
  }
  return statements;
}

function readClock(text: string, match: RegExpExecArray | RegExpMatchArray): ClockTime | undefined {
  const groups = match.groups ?? {};
  let hour: number;
  let minute: number;
  if (groups.hour12 !== undefined) {
    hour = Number(groups.hour12);
    minute = groups.minute12 !== undefined ? Number(groups.minute12) : 0;
    if (hour < 1 || hour > 12) return undefined;
    const pm = groups.meridiem.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else {
    hour = Number(groups.hour24);
    minute = Number(groups.minute24);
  }
  const start = match.index ?? 0;
  let end = start + match[0].length;
  const time = `${pad(hour)}:${pad(minute)}`;

  ZONE_AFTER_TIME.lastIndex = end;
  const zoneMatch = ZONE_AFTER_TIME.exec(text);
  if (zoneMatch) {
    const abbreviation = zoneMatch.groups?.abbreviation;
    const timeZone = abbreviation ? ZONE_ABBREVIATIONS[abbreviation] : 'Asia/Seoul';
    end = zoneMatch.index + zoneMatch[0].length;
    return { time, timeZone, zoneSource: 'stated', start, end };
  }
  // No zone written: only a Korean broadcaster named in the same sentence (and no other zone) pins it.
  const sentence = text.slice(sentenceStart(text, start), sentenceEnd(text, end));
  if (KOREAN_NETWORK.test(sentence) && !ANY_ZONE.test(sentence)) {
    return { time, timeZone: 'Asia/Seoul', zoneSource: 'network', start, end };
  }
  return undefined;
}

function readStatementAround(text: string, clock: ClockTime, previousEnd: number): AirStatement | undefined {
  const clauseStart = Math.max(previousEnd, sentenceStart(text, clock.start), clock.start - LOOKBEHIND_CHARS);
  const sentenceLimit = sentenceEnd(text, clock.end);
  const before = text.slice(clauseStart, clock.start);
  const after = text.slice(clock.end, sentenceLimit);

  // The day or date sits right before the time ("Saturdays at 11 p.m. KST") or right after it
  // ("at 11 p.m. KST every Saturday").
  let core: { start: number; end: number; kind: 'weekly' | 'date'; match: RegExpExecArray } | undefined;
  const dateBefore = DATE_BEFORE_TIME.exec(before);
  const daysBefore = dateBefore ? null : DAYS_BEFORE_TIME.exec(before);
  const dateAfter = dateBefore || daysBefore ? null : DATE_AFTER_TIME.exec(after);
  const daysAfter = dateBefore || daysBefore || dateAfter ? null : DAYS_AFTER_TIME.exec(after);
  if (dateBefore) core = { start: clauseStart + dateBefore.index, end: clock.end, kind: 'date', match: dateBefore };
  else if (daysBefore)
    core = { start: clauseStart + daysBefore.index, end: clock.end, kind: 'weekly', match: daysBefore };
  else if (dateAfter)
    core = { start: clock.start, end: clock.end + dateAfter[0].length, kind: 'date', match: dateAfter };
  else if (daysAfter)
    core = { start: clock.start, end: clock.end + daysAfter[0].length, kind: 'weekly', match: daysAfter };
  if (!core) return undefined;

  const lead = text.slice(clauseStart, core.start);
  const leadCues = findCues(lead, clauseStart, 'last');
  // Cues after the statement ("On August 21 at 11 p.m. KST, the finale airs") count only when none come before.
  const trailCues =
    leadCues.verb || leadCues.episode ? {} : findCues(text.slice(core.end, sentenceLimit), core.end, 'first');
  const base = { time: clock.time, timeZone: clock.timeZone, zoneSource: clock.zoneSource };

  if (core.kind === 'date') {
    const monthDay = readMonthDay(core.match);
    const episodeCue = leadCues.episode ?? trailCues.episode;
    const verbCue = leadCues.verb ?? trailCues.verb;
    // A dated time is an air time only when it is about an episode or says it airs
    // ("the teaser was released on August 21 at 6 p.m. KST" is not).
    if (!monthDay || (!episodeCue && !verbCue)) return undefined;
    const cues = [episodeCue, verbCue].filter((c): c is Cue => c !== undefined);
    const start = Math.min(core.start, ...cues.map((c) => c.start));
    const end = Math.max(core.end, ...cues.map((c) => c.end));
    return {
      kind: 'date',
      monthDay,
      ...base,
      ...(episodeCue ? { episode: episodeCue.episode } : {}),
      phrase: text.slice(start, end),
      start,
      end,
    };
  }

  const daysText = core.match.groups?.days ?? '';
  const leadWord = core.match.groups?.lead ?? core.match.groups?.leadEvery ?? '';
  const days = readDays(daysText);
  if (!days) return undefined;
  // "this Saturday at 11 p.m." is one night, not a weekly slot.
  if (core.start < clock.start && !leadWord && ONE_OFF_LEAD.test(lead)) return undefined;
  const recurring =
    RECURRENCE_WORD.test(leadWord) || RECURRENCE_WORD.test(lead) || /days\.?$/i.test(daysText) || days.length > 1;
  // "airs on Saturday at 11 p.m." states a habit; "episode 5 airs on Saturday at 11 p.m." one night.
  const episode = leadCues.episode?.episode;
  const habitual = HABITUAL_AIR_VERB.test(lead) && episode === undefined;
  if (!recurring && !habitual) return undefined;
  const verbCue = leadCues.verb ?? trailCues.verb;
  const start = Math.min(core.start, verbCue?.start ?? Infinity);
  const end = Math.max(core.end, verbCue?.end ?? -1);
  return { kind: 'weekly', days, ...base, phrase: text.slice(start, end), start, end };
}

interface Cue {
  start: number;
  end: number;
}
interface EpisodeCue extends Cue {
  episode: number | 'final';
}

// The cues nearest the statement: the last ones before it, or the first ones after it.
function findCues(segment: string, offset: number, which: 'first' | 'last'): { verb?: Cue; episode?: EpisodeCue } {
  let verb: Cue | undefined;
  let episode: EpisodeCue | undefined;
  for (const m of segment.matchAll(AIR_VERB)) {
    verb = { start: offset + m.index, end: offset + m.index + m[0].length };
    if (which === 'first') break;
  }
  for (const m of segment.matchAll(EPISODE_MENTION)) {
    const value = readEpisode(m.groups ?? {});
    if (value === undefined) continue;
    episode = { start: offset + m.index, end: offset + m.index + m[0].length, episode: value };
    if (which === 'first') break;
  }
  return { verb, episode };
}

function readEpisode(groups: Record<string, string | undefined>): number | 'final' | undefined {
  if (groups.final) return 'final';
  if (groups.premiere) return 1;
  const digits = groups.number ?? groups.ordinal;
  if (digits) return Number(digits) > 0 ? Number(digits) : undefined;
  if (groups.cardinal) return CARDINAL_WORDS[groups.cardinal.toLowerCase()];
  if (groups.ordinalWord) return ORDINAL_WORDS[groups.ordinalWord.toLowerCase()];
  return undefined;
}

export function readMonthDay(match: RegExpExecArray): string | undefined {
  const g = match.groups ?? {};
  let month: number;
  let day: number;
  if (g.isoMonth) {
    month = Number(g.isoMonth);
    day = Number(g.isoDay);
  } else {
    const monthName = (g.month ?? g.monthAfter ?? '').slice(0, 3).toLowerCase();
    month = MONTHS.indexOf(monthName) + 1;
    day = Number(g.day ?? g.dayFirst);
  }
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return undefined;
  return `${pad(month)}-${pad(day)}`;
}

function readDays(daysText: string): Weekday[] | undefined {
  const dayPattern = new RegExp(DAY_NAME, 'gi');
  const found: { day: Weekday; start: number; end: number }[] = [];
  for (const m of daysText.matchAll(dayPattern)) {
    const day = WEEKDAYS.find((w) => m[0].toLowerCase().startsWith(w));
    if (!day) return undefined;
    found.push({ day, start: m.index, end: m.index + m[0].length });
  }
  if (found.length === 0) return undefined;
  const days = new Set<Weekday>();
  for (let i = 0; i < found.length; i++) {
    days.add(found[i].day);
    const next = found[i + 1];
    if (!next) continue;
    // "Monday to Thursday" / "Mon–Thu" spans the days between.
    const separator = daysText.slice(found[i].end, next.start);
    if (/[-–—]|\b(?:to|through|thru)\b/i.test(separator)) {
      for (let d = WEEKDAYS.indexOf(found[i].day); WEEKDAYS[d] !== next.day; d = (d + 1) % 7) days.add(WEEKDAYS[d]);
    }
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

// Sentence boundaries: line breaks, block breaks and ; always; ". " unless it ends an abbreviation.
const ABBREVIATION_BEFORE_DOT =
  /(?:\b[ap]\.?\s?m|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mr|mrs|ms|dr|st|vs|no|ep|approx)|\b[A-Z])$/i;

export function sentenceStart(text: string, position: number): number {
  for (let i = position - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r' || c === '\u001f' || c === ';') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      if (c === '.' && ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 8), i))) continue;
      return i + 1;
    }
  }
  return 0;
}

export function sentenceEnd(text: string, position: number): number {
  for (let i = position; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r' || c === '\u001f' || c === ';') return i;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      if (c === '.' && ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 8), i))) continue;
      return i;
    }
  }
  return text.length;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
