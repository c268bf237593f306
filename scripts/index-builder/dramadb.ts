// Reads the Korean drama tables in ../shared/corpus/dramadb (MaybeS/DramaDatabase, MIT: Korean
// Wikipedia and Namuwiki infoboxes) and parses their Korean fields. Used by the importer
// (`npm run import:dramadb`, dramadb-import.ts), the data cross-check test and the benchmarks: the air period
// (`2018년 3월 21일 ~ 2018년 5월 17일`), the episode count (`16부작`) and the broadcast slot
// (`매주 토요일, 일요일 밤 9시`). Every parser returns undefined when the text does not say a value
// plainly: a test that compares our data against this table must never compare against a guess.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Weekday } from '../../lib/index/types';
import { KOREAN_WEEKDAY_SHORT_NAMES, WEEKDAYS, weekdayFromKorean } from '../../lib/schedule/calendar';

export type { Weekday };
export { WEEKDAYS };

/** One Korean weekday syllable, 월 … 일, as a regular-expression character class. */
const DAY_CHAR = `[${WEEKDAYS.map((d) => KOREAN_WEEKDAY_SHORT_NAMES[d]).join('')}]`;
const DAY_NAME_IN = new RegExp(`(${DAY_CHAR})요일`, 'g');
const AND_BETWEEN_DAYS = new RegExp(`(?<=${DAY_CHAR})\\s*(?:와|과|및|&)\\s*(?=${DAY_CHAR})`, 'g');
const DAY_RANGE = new RegExp(`^(${DAY_CHAR})~(${DAY_CHAR})$`);
const DAY_RUN = new RegExp(`^${DAY_CHAR}+$`);
const FULL_DAY_NAME = new RegExp(`${DAY_CHAR}요일`);

export const DRAMADB_DIR = resolve(import.meta.dirname, '../../../shared/corpus/dramadb');
export const DRAMADB_FILES = ['wikipedia.csv', 'namuwiki.csv', 'results.csv'] as const;
export type DramadbFile = (typeof DRAMADB_FILES)[number];

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): fields separated by commas, optionally quoted with "…"; inside quotes a comma or
// a newline is data and "" is one quote. Rows end with \n or \r\n.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      inQuotes = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n') {
      endRow();
    } else if (c === '\r' && text[i + 1] === '\n') {
      // the \n ends the row
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Rows of a CSV with a header line, as objects keyed by the header's column names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => !(r.length === 1 && r[0].trim() === ''))
    .map((r) => {
      if (r.length !== header.length) {
        throw new Error(`CSV row has ${r.length} fields, header has ${header.length}: ${r.join(',')}`);
      }
      return Object.fromEntries(header.map((h, k) => [h, r[k]]));
    });
}

// ---------------------------------------------------------------------------------------------
// Dates: `2018년 3월 21일 ~ 2018년 5월 17일`

export interface AirPeriod {
  /** 'YYYY-MM-DD', when the text gives a full start date. */
  premiere?: string;
  /** 'YYYY-MM-DD', when the text gives a full end date that is not marked as planned (예정). */
  finale?: string;
}

const DATE_RE = /(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일/;

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const RERUN = /재방|앙코르|UHD/;
const EXTRA = /스페셜|특별판|번외편/;

/**
 * Parses a Korean air period. A field may list several periods (the original run, reruns,
 * specials): the one marked 본방 (original broadcast) is read; without such a mark, the first
 * period is read only when every later one is marked as a rerun or a special. An end date without
 * a year (`2018년 9월 10일 ~ 10월 30일`) takes the start's year, as Korean writing does; an end
 * marked 예정 (planned) or 현재 (still airing) is not a finale.
 */
export function parseAirPeriod(text: string | undefined): AirPeriod | undefined {
  if (!text) return undefined;
  const full = text.trim();
  if (full === '') return undefined;
  // a new period starts where a year follows a finished date (and its optional note)
  const segments = full
    .split(/(?<=일\s*(?:\([^)]*\))?\s*,?\s*)(?=\d{4}\s*년)/)
    .map((seg) => seg.trim())
    .filter((seg) => seg !== '');
  let chosen: string;
  const original = segments.filter((seg) => /본\s*방/.test(seg));
  if (original.length === 1) {
    chosen = original[0];
  } else if (original.length === 0 && segments.slice(1).every((seg) => RERUN.test(seg) || EXTRA.test(seg))) {
    chosen = segments[0];
    if (RERUN.test(chosen)) return undefined;
  } else {
    return undefined;
  }
  // notes on specials inside the period: `(3월 14일 ~ 3월 15일 스페셜 방영)`
  const t = chosen.replace(/\([^)]*(?:스페셜|특별판|번외편)[^)]*\)/g, ' ').replace(/\s+/g, ' ');
  const parts = t.split(/~|\s[-–]\s/);
  if (parts.length > 2) return undefined;
  const [startText, endText] = parts;
  const start = DATE_RE.exec(startText);
  if (!start || start[1] === undefined) return undefined;
  const year = Number(start[1]);
  const premiere = isoDate(year, Number(start[2]), Number(start[3]));
  if (!premiere) return undefined;
  const result: AirPeriod = { premiere };
  if (endText !== undefined && !/예정|현재/.test(endText)) {
    const end = DATE_RE.exec(endText);
    if (end) {
      const finale = isoDate(end[1] === undefined ? year : Number(end[1]), Number(end[2]), Number(end[3]));
      if (finale && finale >= premiere) result.finale = finale;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Episodes: `16부작`, `16부작 + 스페셜 3부작`, `20회`

/**
 * The number of regular episodes (`16부작`, `20회`, `16화`, `총 16부작`, `16부작 + 스페셜 3부작`), or
 * undefined: planned counts (예정), `미정`, a count that changed (`16화 → 4화`), a second count on
 * another line that is not a special (`20부작 (웹드라마)\n4부작 (TV판)`), links and blanks.
 */
export function parseEpisodeCount(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (/예정|미정|→/.test(t)) return undefined;
  const [first, ...more] = t.split('\n');
  if (more.some((line) => /\d\s*(?:부|회|화)/.test(line) && !EXTRA.test(line) && !/앙코르/.test(line)))
    return undefined;
  const m = /^(?:총|전)?\s*(\d{1,4})\s*(?:부작|부|회|화|$)/.exec(first.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Slots: `매주 토요일, 일요일 밤 9시`, `수요일, 목요일 밤 (시간) 9시 30분`, `월~화 오후 9시 50분`,
// `금 · 토요일 밤 8시`, `월요일, 화요일 오후 10:00 ~ 11:10`, `금요일 밤 12시`

export interface Slot {
  /** Calendar weekdays in Korean time on which the broadcast starts. */
  days: Weekday[];
  /** Start, 24 h 'HH:mm', Korea time. */
  time: string;
  /**
   * True when the text names the evening's weekday but the start is after midnight
   * (`금요일 밤 12시` is Saturday 00:00): `days` are then already moved to the next day and
   * `statedDays` keeps the days as written.
   */
  afterMidnight: boolean;
  statedDays: Weekday[];
}

/** The weekdays in a day phrase, or undefined if the phrase holds anything else. */
export function parseDays(text: string): Weekday[] | undefined {
  let t = text
    .replace(/\(시간\)/g, ' ')
    .replace(/\{\{,\}\}/g, ',') // a wiki template for a comma
    .replace(/매주|마다/g, ' ')
    .replace(/^\s*\((.*)\)\s*$/, '$1') // `(수, 목)`
    .trim();
  const whole: Record<string, Weekday[]> = {
    평일: ['mon', 'tue', 'wed', 'thu', 'fri'],
    주말: ['sat', 'sun'],
    매일: [...WEEKDAYS],
  };
  const found = new Set<Weekday>();
  for (const [word, days] of Object.entries(whole)) {
    if (t.includes(word)) {
      for (const d of days) found.add(d);
      t = t.split(word).join(' ');
    }
  }
  // One token per day: 월, 월요일; joined by , · ・ / 와 과 및 or spaces; ranges with ~ - –.
  const tokens = t
    .replace(DAY_NAME_IN, '$1')
    .replace(/\s*[~\-–〜∼]\s*/g, '~')
    .replace(AND_BETWEEN_DAYS, ',')
    .split(/[\s,.·・/]+/)
    .filter((s) => s !== '');
  for (const token of tokens) {
    const range = DAY_RANGE.exec(token);
    if (range) {
      const from = WEEKDAYS.indexOf(weekdayFromKorean(range[1])!);
      const to = WEEKDAYS.indexOf(weekdayFromKorean(range[2])!);
      if (to <= from) return undefined;
      for (let k = from; k <= to; k++) found.add(WEEKDAYS[k]);
    } else if (DAY_RUN.test(token)) {
      // `월화` (a 월화드라마 slot written short) is two days
      for (const ch of token) found.add(weekdayFromKorean(ch)!);
    } else {
      return undefined;
    }
  }
  if (found.size === 0) return undefined;
  return WEEKDAYS.filter((d) => found.has(d));
}

// A clock time with an optional Korean period word: `밤 9시 30분`, `오후 10:00`, `9시 반`, `21시`.
const TIME_RE =
  /(오전|오후|밤|저녁|새벽|아침|낮)?\s*(?:\(시간\)\s*)?(\d{1,2})(?:\s*시(?:\s*(\d{1,2})\s*분|\s*(반))?|:(\d{2}))/g;

interface ClockTime {
  minutes: number; // 0..1439
  afterMidnight: boolean;
}

function toClock(period: string | undefined, hour: number, minute: number): ClockTime | undefined {
  if (minute < 0 || minute > 59 || hour < 0 || hour > 24) return undefined;
  const at = (h: number, afterMidnight = false): ClockTime => ({ minutes: h * 60 + minute, afterMidnight });
  if (hour >= 13) {
    // a 24 h clock; a period word can only agree with it
    if (hour === 24) return period === undefined || period === '밤' ? at(0, true) : undefined;
    if (period === '오전' || period === '새벽' || period === '아침') return undefined;
    return at(hour);
  }
  switch (period) {
    case undefined:
      // `9:55` or `9시` alone could be morning or evening: not a fact we can use
      return hour === 0 ? at(0) : undefined;
    case '오전':
      return at(hour === 12 ? 0 : hour);
    case '오후':
      return at(hour === 12 ? 12 : hour + 12);
    case '저녁':
      return hour >= 4 && hour <= 11 ? at(hour + 12) : undefined;
    case '밤':
      if (hour >= 6 && hour <= 11) return at(hour + 12);
      if (hour === 12 || hour === 0) return at(0, true); // 밤 12시: midnight after the named day
      if (hour >= 1 && hour <= 3) return at(hour, true);
      return undefined;
    case '새벽':
      return hour <= 6 ? at(hour === 12 ? 0 : hour) : hour === 12 ? at(0) : undefined;
    case '아침':
      return hour >= 5 && hour <= 11 ? at(hour) : undefined;
    case '낮':
      if (hour === 12) return at(12);
      return hour >= 1 && hour <= 5 ? at(hour + 12) : undefined;
    default:
      return undefined;
  }
}

/**
 * Parses a Korean broadcast slot into weekdays and a 24 h start time, or undefined when the text
 * does not give exactly one start time for one set of days (a slot that changed mid-run, two
 * airings a day, a bare `9시 55분` without 오후/밤, a slot named only as `월화 미니시리즈`).
 */
export function parseSlot(text: string | undefined): Slot | undefined {
  if (!text) return undefined;
  let t = text.trim();
  if (t === '') return undefined;
  // An original run (본방) written before its reruns (재방): read the original run only.
  const original = /^([^]*?)\(\s*본방(?:송)?\s*\)/.exec(t);
  if (original) {
    if (/재방/.test(original[1])) return undefined;
    t = original[1];
  } else if (/재방/.test(t)) {
    return undefined;
  }
  // One line per day with the same start (`토요일 밤 9시 10분 ~ 10시 35분` / `일요일 밤 9시 10분 ~ …`)
  const lines = t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 1) {
    const each = lines.map(parseSlotLine);
    // only one day a line, each day once: lines naming several days are a slot that moved
    const single = each.every((s) => s !== undefined && s.statedDays.length === 1);
    const distinct = new Set(each.map((s) => s?.statedDays[0])).size === each.length;
    if (
      single &&
      distinct &&
      each.every((s) => s !== undefined && s.time === each[0]!.time && s.afterMidnight === each[0]!.afterMidnight)
    ) {
      const days = new Set(each.flatMap((s) => s!.days));
      const stated = new Set(each.flatMap((s) => s!.statedDays));
      return {
        days: WEEKDAYS.filter((d) => days.has(d)),
        time: each[0]!.time,
        afterMidnight: each[0]!.afterMidnight,
        statedDays: WEEKDAYS.filter((d) => stated.has(d)),
      };
    }
  }
  return parseSlotLine(t);
}

function parseSlotLine(text: string): Slot | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return undefined;
  const times = [...t.matchAll(TIME_RE)];
  if (times.length === 0) return undefined;
  const first = times[0];
  const statedDays = parseDays(t.slice(0, first.index));
  if (!statedDays) return undefined;
  const minute =
    first[3] !== undefined ? Number(first[3]) : first[4] ? 30 : first[5] !== undefined ? Number(first[5]) : 0;
  const clock = toClock(first[1], Number(first[2]), minute);
  if (!clock) return undefined;

  // After the start: at most an end time (`~ 11:10`, `~ 밤 12시 20분`) and notes on length or
  // double episodes. Another start time, more days or an episode range mean several slots.
  let rest = t.slice(first.index + first[0].length);
  if (times.length > 1) {
    const second = times[1];
    const between = t.slice(first.index + first[0].length, second.index);
    if (!/^\s*[~\-–〜]\s*$/.test(between)) return undefined;
    rest = t.slice(second.index + second[0].length);
  } else {
    rest = rest.replace(/^\s*[~\-–〜]\s*$/, '');
  }
  rest = rest
    .replace(/\(\s*(?:회당\s*)?\d+\s*(?:~\s*\d+\s*)?분\s*\)/g, '') // (90분), (회당 65 ~ 90분)
    .replace(/\(\s*\d+\s*회\s*연속\s*방송\s*\)/g, '') // (2회 연속방송)
    .trim();
  if (rest !== '' && (/\d/.test(rest) || FULL_DAY_NAME.test(rest))) return undefined;

  const days = clock.afterMidnight ? statedDays.map((d) => WEEKDAYS[(WEEKDAYS.indexOf(d) + 1) % 7]) : statedDays;
  const hh = String(Math.floor(clock.minutes / 60)).padStart(2, '0');
  const mm = String(clock.minutes % 60).padStart(2, '0');
  return {
    days: WEEKDAYS.filter((d) => days.includes(d)),
    time: `${hh}:${mm}`,
    afterMidnight: clock.afterMidnight,
    statedDays,
  };
}

// ---------------------------------------------------------------------------------------------
// The tables

export interface DramadbRow {
  file: DramadbFile;
  /** 1-based number of the row among the file's data rows (the header is not a row). */
  row: number;
  /** 1-based line of the row's start in its file (for messages). */
  line: number;
  /** The title as the file writes it, spaces removed (see normalizeTitle). */
  title: string;
  channel: string;
  periodText: string;
  episodesText: string;
  /** Only wikipedia.csv and namuwiki.csv have a slot column. */
  slotText?: string;
  /** Only results.csv has a cast column (`출연자`). */
  castText?: string;
  /** Every field of the row as written, by header name (for what the parsed fields leave out). */
  fields: Record<string, string>;
  period?: AirPeriod;
  episodes?: number;
  slot?: Slot;
}

/** Drama titles are compared without spaces (the tables write them so). */
export function normalizeTitle(title: string): string {
  return title.replace(/\s+/g, '');
}

/**
 * The key titles are matched on: letters and digits only, so spacing and punctuation do not
 * count (쌈, 마이웨이 = 쌈마이웨이, 또 오해영 = 또!오해영).
 */
export function titleKey(title: string): string {
  return title.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Reads the three tables' texts (file name → CSV text) into rows, in file order. */
export function readDramadbRows(texts: Record<DramadbFile, string>): DramadbRow[] {
  const out: DramadbRow[] = [];
  for (const file of DRAMADB_FILES) {
    const rows = parseCsv(texts[file]);
    if (rows.length === 0) throw new Error(`${file}: empty table`);
    const header = rows[0].map((h) => h.trim());
    const col = (name: string) => header.indexOf(name);
    const [title, period, slot, episodes, channel, cast] = [
      '제목',
      '방송 기간',
      '방송 시간',
      '방송 횟수',
      '채널',
      '출연자',
    ].map(col);
    if (title < 0 || period < 0 || episodes < 0) throw new Error(`${file}: unexpected header ${header.join(',')}`);
    // line numbers: count newlines consumed by each row (quoted fields may span lines)
    let line = 1 + 1 + (rows[0].join(',').match(/\n/g)?.length ?? 0);
    let rowNumber = 0;
    for (const r of rows.slice(1)) {
      const startLine = line;
      line += 1 + (r.join(',').match(/\n/g)?.length ?? 0);
      rowNumber++;
      if (r.length === 1 && r[0].trim() === '') continue;
      const get = (k: number) => (k >= 0 && k < r.length ? r[k] : '');
      const row: DramadbRow = {
        file,
        row: rowNumber,
        line: startLine,
        title: normalizeTitle(get(title)),
        channel: get(channel).trim(),
        periodText: get(period).trim(),
        episodesText: get(episodes).trim(),
        fields: Object.fromEntries(header.map((h, k) => [h, get(k)])),
      };
      if (slot >= 0) row.slotText = get(slot).trim();
      if (cast >= 0) row.castText = get(cast).trim();
      row.period = parseAirPeriod(row.periodText);
      row.episodes = parseEpisodeCount(row.episodesText);
      if (row.slotText !== undefined) row.slot = parseSlot(row.slotText);
      out.push(row);
    }
  }
  return out;
}

/** The three tables' texts, read from `dir` (../shared/corpus/dramadb by default). */
export function readDramadbTexts(dir: string = DRAMADB_DIR): Record<DramadbFile, string> {
  return Object.fromEntries(DRAMADB_FILES.map((file) => [file, readFileSync(join(dir, file), 'utf8')])) as Record<
    DramadbFile,
    string
  >;
}

export function loadDramadb(dir: string = DRAMADB_DIR): DramadbRow[] {
  return readDramadbRows(readDramadbTexts(dir));
}
