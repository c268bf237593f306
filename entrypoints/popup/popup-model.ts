// What the popup shows, as pure functions of the entity directory, the tab's detections, the
// settings and the clock: the names on the page, the dramas airing next, and whether the page
// can be read.
import type { DirectoryDrama, DirectoryPerson, EntityDirectory, TabDetections } from '../../lib/messages';
import { airState, nextAirTime, type AirTime } from '../../lib/schedule';
import { instantToWallMinutes, MINUTES_PER_DAY, wallToInstant, weekdayIndexOfDay } from '../../lib/schedule/calendar';
import { hostnameOf, isSiteDisabled, type FollowStatus, type Settings } from '../../lib/settings';

export interface DirectoryLookup {
  directory: EntityDirectory;
  dramas: Map<string, DirectoryDrama>;
  people: Map<string, DirectoryPerson>;
}

export function directoryLookup(directory: EntityDirectory): DirectoryLookup {
  return {
    directory,
    dramas: new Map(directory.dramas.map((d) => [d.id, d])),
    people: new Map(directory.people.map((p) => [p.id, p])),
  };
}

/** The title or name of an entity, for labels like "Back to Han So-hee". */
export function entityName(lookup: DirectoryLookup, entityId: string): string | undefined {
  return lookup.dramas.get(entityId)?.title ?? lookup.people.get(entityId)?.name;
}

export interface PageEntity {
  entityId: string;
  kind: 'drama' | 'person';
  name: string;
  hangul?: string;
  count: number;
}

/** The page's names, most mentioned first; ties keep the page's order. Unknown ids are skipped. */
export function rankPageEntities(maps: DirectoryLookup, detections: TabDetections | null): PageEntity[] {
  if (!detections) return [];
  return [...detections.detections]
    .sort((a, b) => b.count - a.count || a.firstIndex - b.firstIndex)
    .flatMap((d): PageEntity[] => {
      const drama = maps.dramas.get(d.entityId);
      if (drama) {
        return [{ entityId: drama.id, kind: 'drama', name: drama.title, count: d.count, ...hangulOf(drama) }];
      }
      const person = maps.people.get(d.entityId);
      if (person) {
        return [{ entityId: person.id, kind: 'person', name: person.name, count: d.count, ...hangulOf(person) }];
      }
      return [];
    });
}

const hangulOf = (entity: { hangul?: string }) => (entity.hangul ? { hangul: entity.hangul } : {});

export interface AiringDrama {
  dramaId: string;
  title: string;
  hangul?: string;
  air: AirTime;
}

/** Follow statuses "Airing next" lists: a completed or dropped drama needs no countdown. */
export const AIRING_NEXT_STATUSES: readonly FollowStatus[] = ['watching', 'plan', 'on-hold'];

/** Followed dramas (watching, planned, on hold) on air or announced, the soonest episode first. */
export function airingNext(maps: DirectoryLookup, settings: Settings, now: number, timeZone: string): AiringDrama[] {
  const listed = (id: string) =>
    Object.hasOwn(settings.follows, id) && AIRING_NEXT_STATUSES.includes(settings.follows[id].status);
  return (
    maps.directory.dramas
      .filter((drama) => listed(drama.id) && !settings.muted.dramas.includes(drama.id))
      // Most of the catalog ended long ago: airState says so without nextAirTime's time-zone work.
      .filter((drama) => {
        const state = airState(drama.schedule, now, timeZone);
        return state === 'airing' || state === 'upcoming';
      })
      .map((drama) => ({
        dramaId: drama.id,
        title: drama.title,
        ...hangulOf(drama),
        air: nextAirTime(drama.schedule, now, timeZone),
      }))
      .filter(({ air }) => (air.state === 'airing' || air.state === 'upcoming') && air.next !== undefined)
      .sort((a, b) => a.air.next!.at - b.air.next!.at || a.title.localeCompare(b.title))
  );
}

const KOREA = 'Asia/Seoul';

/** Monday 00:00 and the next Monday 00:00 in Korea, around `now` (epoch ms). */
export function koreanWeek(now: number): { start: number; end: number } {
  const day = Math.floor(instantToWallMinutes(now, KOREA) / MINUTES_PER_DAY);
  const monday = day - weekdayIndexOfDay(day);
  return {
    start: wallToInstant(monday * MINUTES_PER_DAY, KOREA),
    end: wallToInstant((monday + 7) * MINUTES_PER_DAY, KOREA),
  };
}

export interface WeekDrama extends AiringDrama {
  /** Every episode of this week in Korea has aired already. */
  airedThisWeek: boolean;
}

/**
 * "On air in Korea this week", over the whole catalog (muted dramas aside): every drama with an
 * episode between Monday and Sunday, Korean time. Episodes still to come first, soonest first;
 * then the dramas whose episodes of the week have aired.
 */
export function onAirInKoreaThisWeek(
  maps: DirectoryLookup,
  settings: Settings,
  now: number,
  timeZone: string,
): WeekDrama[] {
  const week = koreanWeek(now);
  const weekStartDate = new Date(week.start + 9 * 3_600_000).toISOString().slice(0, 10);
  const rows: WeekDrama[] = [];
  for (const drama of maps.directory.dramas) {
    if (settings.muted.dramas.includes(drama.id)) continue;
    const state = airState(drama.schedule, now, timeZone);
    const endedThisWeek = state === 'finished' && (drama.schedule?.finale ?? '') >= weekStartDate;
    if (state !== 'airing' && state !== 'upcoming' && !endedThisWeek) continue;
    const first = nextAirTime(drama.schedule, week.start, timeZone).next;
    if (!first || first.at >= week.end) continue;
    const air = nextAirTime(drama.schedule, now, timeZone);
    const later = air.next !== undefined && air.next.at < week.end;
    rows.push({
      dramaId: drama.id,
      title: drama.title,
      ...hangulOf(drama),
      air: later ? air : { ...air, onAirNow: false, next: first },
      airedThisWeek: !later,
    });
  }
  return rows.sort(
    (a, b) =>
      Number(a.airedThisWeek) - Number(b.airedThisWeek) ||
      (a.airedThisWeek ? b.air.next!.at - a.air.next!.at : a.air.next!.at - b.air.next!.at) ||
      a.title.localeCompare(b.title),
  );
}

/**
 * Whether Dramalens reads the tab's page, and if not, why: browsers keep extensions off their
 * own pages and the extension stores; the reader may have switched Dramalens off.
 */
export type PageAccess =
  | { kind: 'no-tab' }
  | { kind: 'restricted'; url: string }
  | { kind: 'off-everywhere'; hostname?: string }
  | { kind: 'off-here'; hostname: string }
  | { kind: 'on'; hostname?: string };

const EXTENSION_STORES = [
  'chromewebstore.google.com',
  'chrome.google.com/webstore',
  'microsoftedge.microsoft.com/addons',
  'addons.mozilla.org',
];

export function isRestrictedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') return true;
  const hostAndPath = `${parsed.hostname}${parsed.pathname}`;
  return EXTENSION_STORES.some((store) => hostAndPath === store || hostAndPath.startsWith(`${store}/`));
}

export function pageAccess(url: string | undefined, settings: Settings): PageAccess {
  if (url === undefined) return { kind: 'no-tab' };
  if (isRestrictedUrl(url)) return { kind: 'restricted', url };
  // file: pages have no hostname to switch off.
  const hostname = hostnameOf(url) || undefined;
  if (!settings.enabled) return { kind: 'off-everywhere', ...(hostname ? { hostname } : {}) };
  if (hostname && isSiteDisabled(settings.disabledSites, url)) return { kind: 'off-here', hostname };
  return { kind: 'on', ...(hostname ? { hostname } : {}) };
}
