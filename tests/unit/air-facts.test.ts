import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAirStatements, type AirStatement } from '../../scripts/index-builder/air-statements';
import { compareWithSchedule } from '../../scripts/index-builder/schedule-check';
import type { DramaSchedule } from '../../lib/index/types';

// Three real fan-news articles about JTBC's "Nevertheless", kept outside the repository (they are
// outlets' text, not ours), read in place from ../shared (which every checkout and CI has); never copied.
const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds');
function seed(prefix: string): string {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}* in ${SEEDS}`);
  return readFileSync(path.join(SEEDS, file), 'utf8');
}

/** Every statement's phrase is exactly the text between its offsets. */
function extract(text: string): AirStatement[] {
  const statements = extractAirStatements(text);
  for (const s of statements) expect(text.slice(s.start, s.end)).toBe(s.phrase);
  return statements;
}

function only(text: string): AirStatement {
  const statements = extract(text);
  expect(statements).toHaveLength(1);
  return statements[0];
}

describe('extractAirStatements on the raw seed articles', () => {
  it('seed 000: one weekly Saturday 23:00 KST statement', () => {
    const statements = extract(seed('000_'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ kind: 'weekly', days: ['sat'], time: '23:00', timeZone: 'Asia/Seoul' });
    expect(statements[0].phrase).toBe('airs every Saturday at 11 p.m. KST');
    expect(statements[0].episode).toBeUndefined();
  });

  it('seed 001: the final episode on August 21 at 23:00 KST', () => {
    const statements = extract(seed('001_'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      kind: 'date',
      monthDay: '08-21',
      time: '23:00',
      timeZone: 'Asia/Seoul',
      episode: 'final',
    });
    expect(statements[0].phrase).toBe('The final episode of Nevertheless will be aired on August 21 at 11 PM KST');
  });

  it('seed 002: no statement (it mentions episode 8, but no air time)', () => {
    expect(extract(seed('002_'))).toEqual([]);
  });
});

describe('weekly statements', () => {
  it.each([
    ['“Nevertheless” airs every Saturday at 11 p.m. KST.', ['sat'], '23:00'],
    ['The drama airs on Fridays and Saturdays at 10:50 p.m. KST.', ['fri', 'sat'], '22:50'],
    ['It airs every Monday and Tuesday at 9:30 PM KST.', ['mon', 'tue'], '21:30'],
    ['Saturdays and Sundays at 9 p.m. KST', ['sat', 'sun'], '21:00'],
    ['The show broadcasts every Wednesday at 9 p.m. (KST).', ['wed'], '21:00'],
    ['New episodes air weekly on Sat at 11pm KST.', ['sat'], '23:00'],
    ['It airs every Saturday at 23:00 KST.', ['sat'], '23:00'],
    ['It airs Mondays to Thursdays at 8:30 p.m. KST.', ['mon', 'tue', 'wed', 'thu'], '20:30'],
    ['The drama airs on Saturday at 11 p.m. KST.', ['sat'], '23:00'],
    ['It airs at 11 p.m. KST every Saturday.', ['sat'], '23:00'],
    ['It airs every Friday at 12 a.m. KST.', ['fri'], '00:00'],
    ['It airs every Sunday at 12 p.m. Korean Standard Time.', ['sun'], '12:00'],
  ])('%s', (text, days, time) => {
    expect(only(text)).toMatchObject({ kind: 'weekly', days, time, timeZone: 'Asia/Seoul', zoneSource: 'stated' });
  });

  it('keeps the verb in the phrase', () => {
    expect(only('New episodes air weekly on Sat at 11pm KST.').phrase).toBe('air weekly on Sat at 11pm KST');
    expect(only('The show broadcasts every Wednesday at 9 p.m. (KST).').phrase).toBe(
      'broadcasts every Wednesday at 9 p.m. (KST)',
    );
  });

  it('maps explicit foreign zones to IANA zones', () => {
    expect(only('It airs at 10 a.m. ET every Saturday on Viki.')).toMatchObject({
      days: ['sat'],
      time: '10:00',
      timeZone: 'America/New_York',
    });
    expect(only('The series airs every Friday at 7 a.m. PST.').timeZone).toBe('America/Los_Angeles');
    expect(only('The series airs every Friday at 9 a.m. EST.').timeZone).toBe('America/New_York');
  });

  it('reads KST from a Korean broadcaster in the same sentence, and says so', () => {
    expect(only('The drama airs every Saturday at 11 p.m. on JTBC.')).toMatchObject({
      days: ['sat'],
      time: '23:00',
      timeZone: 'Asia/Seoul',
      zoneSource: 'network',
    });
  });
});

describe('dated statements', () => {
  it.each([
    ['The final episode of Nevertheless will be aired on August 21 at 11 PM KST on JTBC.', '08-21', 'final'],
    ['Episode 5 airs on July 17 at 11 p.m. KST', '07-17', 5],
    ['The finale airs on 21 August at 11 p.m. KST.', '08-21', 'final'],
    ['The finale airs Aug. 21 at 11 p.m. KST.', '08-21', 'final'],
    ['The drama premieres on Saturday, June 19, 2021 at 11 p.m. KST.', '06-19', 1],
    ['The fifth episode will air on July 17 at 11 p.m. KST.', '07-17', 5],
    ['On August 21 at 11 p.m. KST, the finale will air.', '08-21', 'final'],
  ])('%s', (text, monthDay, episode) => {
    expect(only(text)).toMatchObject({ kind: 'date', monthDay, time: '23:00', timeZone: 'Asia/Seoul', episode });
  });

  it('a dated air time without an episode has none', () => {
    const statement = only('A special broadcast airs on August 28 at 9 p.m. KST.');
    expect(statement).toMatchObject({ kind: 'date', monthDay: '08-28', time: '21:00' });
    expect(statement.episode).toBeUndefined();
  });

  it('reads several statements in one sentence, each with its own episode', () => {
    const statements = extract(
      'Episode 5 airs on July 17 at 11 p.m. KST and episode 6 airs on July 18 at 11 p.m. KST.',
    );
    expect(statements.map((s) => [s.monthDay, s.episode])).toEqual([
      ['07-17', 5],
      ['07-18', 6],
    ]);
  });

  it('finds statements after a headline block break and across sentences', () => {
    const text =
      'Nevertheless Ends Soon\u001fThe drama airs every Saturday at 11 p.m. KST. ' +
      'The final episode airs on August 21 at 11 p.m. KST.';
    expect(extract(text).map((s) => s.kind)).toEqual(['weekly', 'date']);
  });
});

describe('not air-time statements', () => {
  it.each([
    'The video was released at 6 p.m.',
    'Season 2 is in 2023.',
    'The drama airs every Saturday at 11.',
    'It airs every Saturday at 11 KST.',
    'The drama airs every Saturday at 11 p.m.',
    'The teaser was released on August 21 at 6 p.m. KST.',
    'Episode 5 airs this Saturday at 11 p.m. KST.',
    'Song Kang arrived at the airport at 11 a.m. KST on Saturday.',
    'The fan meeting starts at 6 p.m. KST.',
    'The drama airs every Saturday at 11 p.m. on tvN Asia.',
    'Fans gathered at 9 pm et al. on Saturday.',
    'Episode 4 aired on Saturday at 11 p.m. KST.',
    'Han So Hee was born on November 18, 1994.',
    'The cast met at 10:30 to read the script.',
  ])('%s', (text) => {
    expect(extract(text)).toEqual([]);
  });
});

const NEVERTHELESS: DramaSchedule = {
  timeZone: 'Asia/Seoul',
  slots: [{ days: ['sat'], time: '23:00' }],
  premiere: '2021-06-19',
  finale: '2021-08-21',
  episodes: 10,
};

function check(text: string, schedule: DramaSchedule | undefined = NEVERTHELESS): string | undefined {
  return compareWithSchedule(only(text), schedule);
}

describe('compareWithSchedule', () => {
  it('agrees with matching statements', () => {
    expect(check('“Nevertheless” airs every Saturday at 11 p.m. KST.')).toBeUndefined();
    expect(check('The final episode of Nevertheless will be aired on August 21 at 11 PM KST on JTBC.')).toBeUndefined();
    expect(check('Episode 5 airs on July 17 at 11 p.m. KST')).toBeUndefined();
    expect(check('The drama premieres on June 19 at 11 p.m. KST.')).toBeUndefined();
  });

  it('says nothing without a schedule', () => {
    expect(compareWithSchedule(only('It airs every Sunday at 9 p.m. KST.'), undefined)).toBeUndefined();
  });

  it('flags a weekday without a slot', () => {
    expect(check('It airs every Sunday at 11 p.m. KST.')).toBe(
      'says Sun 23:00, but the schedule has no Sun slot (Sat 23:00)',
    );
  });

  it('flags a time that is not the slot time', () => {
    expect(check('It airs every Saturday at 10 p.m. KST.')).toBe(
      "says Sat 22:00, but the schedule's slot is Sat 23:00",
    );
    expect(check('The final episode airs on August 21 at 10 p.m. KST.')).toMatch(/22:00.*slot is Sat 23:00/);
  });

  it("flags a final-episode date that is not the finale's", () => {
    expect(check('The final episode will be aired on August 28 at 11 PM KST.')).toBe(
      "says the final episode airs 08-28 23:00, but the catalog's finale is 2021-08-21",
    );
  });

  it("flags a premiere date that is not the catalog's", () => {
    expect(check('The drama premieres on June 20 at 11 p.m. KST.')).toMatch(/premiere is 2021-06-19/);
  });

  it('flags a dated episode on a day without a slot, or outside the run', () => {
    expect(check('Episode 5 airs on July 18 at 11 p.m. KST')).toMatch(/2021-07-18 is a Sun/);
    expect(check('Episode 9 airs on October 2 at 11 p.m. KST')).toMatch(/outside the run/);
  });

  it('converts other zones before comparing (10 a.m. EDT on a summer Saturday is 11 p.m. KST)', () => {
    expect(check('It airs at 10 a.m. ET every Saturday on Viki.')).toBeUndefined();
    expect(check('The finale airs on August 21 at 10 a.m. EDT.')).toBeUndefined();
    expect(check('It airs at 9 a.m. ET every Saturday on Viki.')).toBe(
      "says Sat 09:00 America/New_York (Sat 22:00 in Asia/Seoul), but the schedule's slot is Sat 23:00",
    );
  });

  it('does not guess when a foreign zone cannot be placed in a year', () => {
    const undated: DramaSchedule = { timeZone: 'Asia/Seoul', slots: [{ days: ['sat'], time: '23:00' }] };
    expect(check('It airs at 9 a.m. ET every Saturday on Viki.', undated)).toBeUndefined();
    expect(check('It airs every Saturday at 10 p.m. KST.', undated)).toMatch(/slot is Sat 23:00/);
  });

  it('accepts a statement matching any of several slots', () => {
    const twoSlots: DramaSchedule = {
      timeZone: 'Asia/Seoul',
      slots: [
        { days: ['fri'], time: '22:50' },
        { days: ['sat'], time: '22:30' },
      ],
    };
    expect(check('It airs every Friday at 10:50 p.m. KST.', twoSlots)).toBeUndefined();
    expect(check('It airs on Fridays and Saturdays at 10:50 p.m. KST.', twoSlots)).toMatch(/Fri 22:50; Sat 22:30/);
  });
});
