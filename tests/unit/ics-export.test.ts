// Calendar exports read back with a real iCalendar parser (ical.js), every episode's start
// checked against lib/schedule's own answer for that moment.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DramaSchedule } from '../../lib/index/types';
import { nextAirTime } from '../../lib/schedule';
import { dramaCalendar, eventUid, type CalendarDrama } from '../../lib/schedule/ics-export';
import { uiLocalizer } from '../../lib/i18n';
import { inCatalogue } from './catalogue';

const en = uiLocalizer();

const NOW = Date.parse('2026-12-02T00:00:00Z');

interface ParsedEvent {
  uid: string;
  summary: string;
  start: number;
  isDate: boolean;
  zone?: string;
  durationSeconds?: number;
  description: string;
}

function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const duration = component.getFirstPropertyValue('duration') as ICAL.Duration | null;
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().getTime(),
      isDate: event.startDate.isDate,
      zone: component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined,
      ...(duration ? { durationSeconds: duration.toSeconds() } : {}),
      description: event.description,
    };
  });
}

/** lib/schedule's episode starting at `at`: the next episode a minute before it. */
const scheduleSays = (schedule: DramaSchedule, at: number) => nextAirTime(schedule, at - 60_000, 'UTC').next;

// Made-up dramas (test fixtures) for each kind of release.
const weeklyOneSlot: CalendarDrama = {
  id: 'fixture-weekly',
  title: 'Fixture Weekly',
  hangul: '픽스처',
  network: 'JTBC',
  schedule: {
    timeZone: 'Asia/Seoul',
    slots: [{ days: ['sat'], time: '23:00' }],
    premiere: '2021-06-19',
    finale: '2021-08-21',
    episodes: 10,
    runtimeMinutes: 60,
  },
  sources: ['https://example.org/fixture-weekly'],
};
const twoSlots: CalendarDrama = {
  id: 'fixture-two-slots',
  title: 'Fixture Two Slots',
  network: 'tvN',
  schedule: {
    timeZone: 'Asia/Seoul',
    slots: [{ days: ['mon', 'tue'], time: '20:50' }],
    premiere: '2024-03-04',
    episodes: 12,
  },
};
const nearMidnight: CalendarDrama = {
  id: 'fixture-midnight',
  title: 'Fixture Midnight',
  network: 'ENA',
  // Premiere on a Wednesday (no slot that day), then Thursday 00:30 and Friday 23:55.
  schedule: {
    timeZone: 'Asia/Seoul',
    slots: [
      { days: ['thu'], time: '00:30' },
      { days: ['fri'], time: '23:55' },
    ],
    premiere: '2025-12-31',
    finale: '2026-01-30',
    runtimeMinutes: 70,
  },
};
const allAtOnce: CalendarDrama = {
  id: 'fixture-netflix',
  title: 'Fixture Streaming',
  network: 'Netflix',
  schedule: { timeZone: 'Asia/Seoul', slots: [], release: 'all-at-once', premiere: '2025-06-27', episodes: 8 },
};
const noEnd: CalendarDrama = {
  id: 'fixture-open',
  title: 'Fixture Open',
  schedule: { timeZone: 'Asia/Seoul', slots: [{ days: ['sun'], time: '21:00' }], premiere: '2026-11-01' },
};

describe('calendar export', () => {
  it.each([weeklyOneSlot, twoSlots, nearMidnight])(
    '$title: every episode starts when lib/schedule says, in Asia/Seoul',
    (drama) => {
      const { text, events, leftOut } = dramaCalendar([drama], NOW, en);
      expect(leftOut).toEqual([]);
      const parsed = parse(text);
      expect(parsed).toHaveLength(events);
      parsed.forEach((event, i) => {
        const expected = scheduleSays(drama.schedule!, event.start);
        expect(expected?.at, event.summary).toBe(event.start);
        expect(expected?.episode).toBe(i + 1);
        expect(event.zone).toBe('Asia/Seoul');
        expect(event.uid).toBe(eventUid(drama.id, i + 1));
        expect(event.summary).toContain(`episode ${i + 1}`);
        expect(event.durationSeconds).toBe(
          drama.schedule!.runtimeMinutes ? drama.schedule!.runtimeMinutes * 60 : undefined,
        );
      });
      // The run's length as the data states it.
      if (drama.schedule!.episodes) expect(parsed).toHaveLength(drama.schedule!.episodes);
    },
  );

  it('a weekly drama: the first events as a calendar shows them', () => {
    const parsed = parse(dramaCalendar([weeklyOneSlot], NOW, en).text);
    expect(new Date(parsed[0].start).toISOString()).toBe('2021-06-19T14:00:00.000Z'); // Sat 23:00 KST
    expect(new Date(parsed[1].start).toISOString()).toBe('2021-06-26T14:00:00.000Z');
    expect(new Date(parsed[9].start).toISOString()).toBe('2021-08-21T14:00:00.000Z'); // the finale
    expect(parsed[0].summary).toBe('Fixture Weekly (픽스처): episode 1');
    expect(parsed[0].description).toContain('Episode 1 of 10, JTBC, 2021-06-19 23:00 KST.');
    expect(parsed[0].description).toContain('https://example.org/fixture-weekly');
  });

  it('near midnight: the episode lands on the right Korean day', () => {
    const parsed = parse(dramaCalendar([nearMidnight], NOW, en).text);
    // Episode 1 on the Wednesday premiere (no slot that day: the first slot's time), then Thursday 00:30.
    expect(new Date(parsed[0].start).toISOString()).toBe('2025-12-30T15:30:00.000Z');
    expect(new Date(parsed[1].start).toISOString()).toBe('2025-12-31T15:30:00.000Z'); // Thu 1 Jan 00:30 KST
    expect(new Date(parsed[2].start).toISOString()).toBe('2026-01-02T14:55:00.000Z');
  });

  it('an all-at-once release is one all-day event on its date', () => {
    const [event] = parse(dramaCalendar([allAtOnce], NOW, en).text);
    expect(event.isDate).toBe(true);
    expect(event.summary).toBe('Fixture Streaming: all 8 episodes released');
    expect(event.uid).toBe(eventUid('fixture-netflix', 'all'));
  });

  it('leaves out a run whose end no source states, and says so', () => {
    const { events, leftOut } = dramaCalendar([noEnd, weeklyOneSlot], NOW, en);
    expect(leftOut).toEqual(['fixture-open']);
    expect(events).toBe(10);
  });

  it('re-exporting gives the same UIDs, so calendar apps update instead of duplicating', () => {
    const first = parse(dramaCalendar([weeklyOneSlot, twoSlots], NOW, en).text).map((e) => e.uid);
    const later = parse(dramaCalendar([twoSlots, weeklyOneSlot], NOW + 86_400_000, en).text).map((e) => e.uid);
    expect(new Set(later)).toEqual(new Set(first));
    expect(new Set(first).size).toBe(first.length);
  });

  it('a run with stated skips and a special: episodes move past the skips, the special is its own event', () => {
    const withBreaks: CalendarDrama = {
      ...weeklyOneSlot,
      id: 'fixture-breaks',
      schedule: {
        ...weeklyOneSlot.schedule!,
        finale: '2021-09-04',
        changes: [
          { kind: 'skip', date: '2021-07-24', reason: 'Fixture sports coverage' },
          { kind: 'skip', date: '2021-07-31', reason: 'Fixture sports coverage' },
          { kind: 'special', date: '2021-07-31', time: '23:00', title: 'Fixture recap special' },
        ],
      },
    };
    const parsed = parse(dramaCalendar([withBreaks], NOW, en).text);
    const episodes = parsed.filter((e) => e.summary.includes(': episode '));
    expect(episodes).toHaveLength(10);
    const iso = (e: ParsedEvent) => new Date(e.start).toISOString();
    expect(episodes.map(iso)).not.toContain('2021-07-24T14:00:00.000Z');
    expect(iso(episodes[5])).toBe('2021-08-07T14:00:00.000Z'); // episode 6, two weeks after episode 5
    expect(iso(episodes[9])).toBe('2021-09-04T14:00:00.000Z');
    episodes.forEach((event, i) => expect(scheduleSays(withBreaks.schedule!, event.start)?.episode).toBe(i + 1));
    const special = parsed.find((e) => e.uid === 'fixture-breaks-special-2021-07-31@dramalens')!;
    expect(special.summary).toBe('Fixture Weekly (픽스처): Fixture recap special');
    expect(iso(special)).toBe('2021-07-31T14:00:00.000Z');
    expect(special.zone).toBe('Asia/Seoul');
  });

  it('writes lines of at most 75 octets with CRLF ends', () => {
    const long = {
      ...weeklyOneSlot,
      title: 'A drama whose title is long enough to need folding at seventy-five octets',
    };
    const text = dramaCalendar([long], NOW, en).text;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe('calendar export of the bundled catalog', () => {
  it('every episode of every curated drama with dates matches lib/schedule', async () => {
    const index = (await import('../../generated/index.json')).default as unknown as {
      dramas: CalendarDrama[];
    };
    const dated = index.dramas.filter(
      (d) => d.schedule && d.schedule.release !== 'all-at-once' && !d.id.startsWith('db-'),
    );
    const { text, leftOut } = dramaCalendar(dated, NOW, en);
    const byDrama = new Map(dated.map((d) => [d.id, d]));
    const parsed = parse(text);
    expect(parsed.length).toBeGreaterThan(1000);
    let specials = 0;
    for (const event of parsed) {
      const special = event.uid.match(/^(.+)-special-(\d{4}-\d{2}-\d{2})@dramalens$/);
      if (special) {
        // A stated special of that drama, on its date.
        const changes = byDrama.get(special[1])!.schedule!.changes ?? [];
        expect(
          changes.some((c) => c.kind === 'special' && c.date === special[2]),
          event.uid,
        ).toBe(true);
        specials++;
        continue;
      }
      const [, dramaId, episode] = event.uid.match(/^(.+)-ep(\d+)@dramalens$/)!;
      const expected = scheduleSays(byDrama.get(dramaId)!.schedule!, event.start);
      expect(expected?.at, event.uid).toBe(event.start);
      expect(expected?.episode, event.uid).toBe(Number(episode));
    }
    console.info(
      `calendar of the catalog: ${parsed.length - specials} episodes and ${specials} specials of ${dated.length - leftOut.length} dramas; ${leftOut.length} left out (no end or no premiere stated)`,
    );
  }, 60_000);

  it('speaks the reader’s language: Korean summaries and descriptions', async () => {
    await inCatalogue('ko', (ko) => {
      const [first] = parse(dramaCalendar([weeklyOneSlot], NOW, ko).text);
      expect(first.summary).toMatch(/: 1회$/);
      expect(first.description).toMatch(/^전체 \d+회 중 1회, .*한국 시간 \d{4}-\d\d-\d\d \d\d:\d\d\./);
    });
  });
});
