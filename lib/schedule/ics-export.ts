// Calendar export (RFC 5545, written with ical.js): one event per episode, its start in
// Asia/Seoul (with the zone's VTIMEZONE), its duration when the data states a runtime, the
// network, and the drama's sources. UIDs come from the drama id and episode number, so
// importing a newer export updates the events instead of adding copies.
import ICAL from 'ical.js';
import type { DramaSchedule } from '../index/types';
import type { Localizer } from '../i18n';
import { zonedFields } from './calendar';
import { episodeStarts } from './next-air-time';

export { hasEpisodeDates } from './next-air-time';

export interface CalendarDrama {
  id: string;
  title: string;
  hangul?: string;
  network?: string;
  schedule?: DramaSchedule;
  sources?: readonly string[];
}

export interface DramaCalendar {
  /** The .ics text (CRLF line ends, folded lines). */
  text: string;
  events: number;
  /** Dramas with no episode dates to export (no premiere, or no end stated). */
  leftOut: string[];
}

const KOREA = 'Asia/Seoul';
/** Korea has kept +09:00 all year since 1988: one STANDARD rule covers every episode. */
const KOREA_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Seoul',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:KST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export const eventUid = (dramaId: string, episode: number | 'all') =>
  `${dramaId}-${episode === 'all' ? 'release' : `ep${episode}`}@dramalens`;

/** The calendar of `dramas`' episodes, its words in the reader's language (`l`). */
export function dramaCalendar(dramas: readonly CalendarDrama[], now: number, l: Localizer): DramaCalendar {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Dramalens//Episode calendar//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue(
    'x-wr-calname',
    dramas.length === 1 ? dramas[0].title : l.t('calendar.name', [l.t('extName')]),
  );
  const vtimezone = ICAL.Component.fromString(KOREA_VTIMEZONE);
  calendar.addSubcomponent(vtimezone);
  const korea = new ICAL.Timezone(vtimezone);
  const stamp = ICAL.Time.fromJSDate(new Date(now), true);
  let events = 0;
  const leftOut: string[] = [];

  for (const drama of dramas) {
    const schedule = drama.schedule;
    const name = drama.hangul ? l.t('calendar.titleWithHangul', [drama.title, drama.hangul]) : drama.title;
    const sources = drama.sources?.length ? `\n\n${l.t('calendar.sources')}\n${drama.sources.join('\n')}` : '';
    const event = (uid: string, summary: string, description: string) => {
      const vevent = new ICAL.Component('vevent');
      vevent.updatePropertyWithValue('uid', uid);
      vevent.updatePropertyWithValue('dtstamp', stamp);
      vevent.updatePropertyWithValue('summary', summary);
      if (drama.network) vevent.updatePropertyWithValue('location', drama.network);
      vevent.updatePropertyWithValue('description', `${description}${sources}`);
      calendar.addSubcomponent(vevent);
      events++;
      return vevent;
    };
    if (schedule?.release === 'all-at-once' && schedule.premiere) {
      const [year, month, day] = schedule.premiere.split('-').map(Number);
      const count = schedule.episodes
        ? l.t('calendar.allEpisodes', [String(schedule.episodes)])
        : l.t('calendar.everyEpisode');
      const vevent = event(
        eventUid(drama.id, 'all'),
        l.t('calendar.releasedSummary', [name, count]),
        drama.network
          ? l.t('calendar.releasesOn', [drama.title, count, schedule.premiere, drama.network])
          : l.t('calendar.releases', [drama.title, count, schedule.premiere]),
      );
      vevent.updatePropertyWithValue('dtstart', ICAL.Time.fromData({ year, month, day, isDate: true }));
      continue;
    }
    const episodes = episodeStarts(schedule, now);
    if (!episodes) {
      leftOut.push(drama.id);
      continue;
    }
    for (const { episode, at } of episodes) {
      const kst = zonedFields(at, KOREA);
      const vevent = event(
        eventUid(drama.id, episode),
        l.t('calendar.episodeSummary', [name, String(episode)]),
        drama.network
          ? l.t('calendar.episodeOn', [
              String(episode),
              String(episodes.length),
              drama.network,
              `${kst.date} ${kst.time}`,
            ])
          : l.t('calendar.episode', [String(episode), String(episodes.length), `${kst.date} ${kst.time}`]),
      );
      const [year, month, day] = kst.date.split('-').map(Number);
      const [hour, minute] = kst.time.split(':').map(Number);
      const start = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 }, korea);
      vevent.updatePropertyWithValue('dtstart', start).setParameter('tzid', KOREA);
      if (schedule?.runtimeMinutes)
        vevent.updatePropertyWithValue('duration', ICAL.Duration.fromSeconds(schedule.runtimeMinutes * 60));
    }
    // Stated specials are broadcasts too, though not numbered episodes (skips and moves are
    // already in the episodes' starts).
    for (const change of schedule?.changes ?? []) {
      if (change.kind !== 'special') continue;
      const title = change.title ?? l.t('calendar.special');
      const when = `${change.date} ${change.time}`;
      const vevent = event(
        `${drama.id}-special-${change.date}@dramalens`,
        l.t('calendar.specialSummary', [name, title]),
        drama.network
          ? l.t('calendar.specialOn', [title, drama.network, when])
          : l.t('calendar.specialAt', [title, when]),
      );
      const [year, month, day] = change.date.split('-').map(Number);
      const [hour, minute] = change.time.split(':').map(Number);
      const start = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 }, korea);
      vevent.updatePropertyWithValue('dtstart', start).setParameter('tzid', KOREA);
    }
  }
  return { text: `${calendar.toString()}\r\n`, events, leftOut };
}
