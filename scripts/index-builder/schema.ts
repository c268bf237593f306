// The shape of every file in data/, checked with valibot. Messages are written for the person
// editing the file: they are printed as `path:line: message`.
import * as v from 'valibot';
import { WEEKDAYS, isValidTimeZone } from '../../lib/schedule/calendar';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return year >= 1900 && year <= 2100;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const nonEmptyText = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} is empty`));

const id = v.pipe(
  v.string('id must be text'),
  v.regex(ID, 'id must be lowercase letters, digits and single hyphens (e.g. "song-kang")'),
);

const fullDate = (what: string) =>
  v.pipe(
    v.string(`${what} must be a quoted date 'YYYY-MM-DD'`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a date 'YYYY-MM-DD'`),
    v.check(isRealDate, `${what} is not a real calendar date`),
  );

const partialDate = v.pipe(
  v.string("published must be a quoted date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"),
  v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "published must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"),
  v.check(isRealDate, 'published is not a real calendar date'),
);

const source = v.strictObject({
  url: v.pipe(v.string('url must be text'), v.url('url is not a valid URL')),
  supports: v.optional(v.array(nonEmptyText('supports entry'))),
});

const sources = v.pipe(v.array(source, 'sources must be a list'), v.minLength(1, 'sources needs at least one entry'));

const names = v.optional(v.array(nonEmptyText('alias'), 'aliases must be a list'), []);

const slot = v.strictObject({
  days: v.pipe(
    v.array(v.picklist(WEEKDAYS, `days must be among ${WEEKDAYS.join(', ')}`)),
    v.minLength(1, 'a slot needs at least one day'),
  ),
  time: v.pipe(
    v.string("time must be a quoted 'HH:mm'"),
    v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "time must be 'HH:mm' between 00:00 and 23:59"),
  ),
  /** Episodes released in each occurrence of this slot (a streaming drop of two or four). */
  episodes: v.optional(v.pipe(v.number('slot episodes must be a number'), v.integer(), v.minValue(1))),
});

const clock = (what: string) =>
  v.pipe(
    v.string(`${what} must be a quoted 'HH:mm'`),
    v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, `${what} must be 'HH:mm' between 00:00 and 23:59`),
  );
const changeSource = v.pipe(v.string('source must be the URL you read it in'), v.url('source is not a valid URL'));

/** A departure from the weekly slots, each with the page that states it (lib/index/types.ts, ScheduleChange). */
const scheduleChange = v.union(
  [
    v.strictObject({ skip: fullDate('skip'), reason: v.optional(nonEmptyText('reason')), source: changeSource }),
    v.strictObject({
      special: fullDate('special'),
      time: clock('special time'),
      title: v.optional(nonEmptyText('title')),
      source: changeSource,
    }),
    v.strictObject({
      slotsFrom: fullDate('slotsFrom'),
      slots: v.pipe(v.array(slot), v.minLength(1)),
      source: changeSource,
    }),
    v.strictObject({
      moved: v.pipe(v.number('moved must be an episode number'), v.integer(), v.minValue(1)),
      date: fullDate('moved date'),
      time: clock('moved time'),
      source: changeSource,
    }),
  ],
  'a schedule change is one of: skip (a date), special (a date and time), slotsFrom (a date and slots) or moved (an episode, date and time), each with a source',
);

const schedule = v.pipe(
  v.strictObject({
    timeZone: v.pipe(
      v.string('timeZone must be text'),
      v.check(isValidTimeZone, (issue) => `unknown time zone "${String(issue.input)}"`),
    ),
    release: v.optional(v.picklist(['weekly', 'all-at-once'], 'release must be weekly or all-at-once'), 'weekly'),
    slots: v.optional(v.array(slot), []),
    premiere: v.optional(fullDate('premiere')),
    finale: v.optional(fullDate('finale')),
    episodes: v.optional(v.pipe(v.number('episodes must be a number'), v.integer(), v.minValue(1))),
    runtimeMinutes: v.optional(v.pipe(v.number('runtimeMinutes must be a number'), v.integer(), v.minValue(1))),
    changes: v.optional(v.array(scheduleChange, 'changes must be a list')),
  }),
  v.check(
    (s) => !s.changes?.some((c) => !('special' in c)) || s.premiere !== undefined,
    'schedule changes (skip, slotsFrom, moved) need a premiere to count episodes from',
  ),
  v.check(
    (s) => !s.premiere || !s.finale || !isRealDate(s.premiere) || !isRealDate(s.finale) || s.premiere <= s.finale,
    'finale is before premiere',
  ),
  v.check(
    (s) => s.release === 'all-at-once' || s.slots.length > 0 || s.premiere !== undefined,
    'a weekly schedule needs at least one slot or a premiere',
  ),
  v.check(
    (s) => s.release !== 'all-at-once' || (s.slots.length === 0 && s.premiere !== undefined),
    'an all-at-once release has a premiere (its release date) and no slots',
  ),
);

export const dramaFileSchema = v.strictObject({
  id,
  title: nonEmptyText('title'),
  hangul: v.optional(nonEmptyText('hangul')),
  aliases: names,
  titleIsCommonWord: v.optional(v.boolean('titleIsCommonWord must be true or false'), false),
  /** A later season is its own drama: its own title, schedule and cast, linked by `series`. */
  series: v.optional(id),
  season: v.optional(v.pipe(v.number('season must be a number'), v.integer(), v.minValue(1))),
  /** Premiere year when no source gives the date yet (an announced drama). */
  year: v.optional(v.pipe(v.number('year must be a number'), v.integer(), v.minValue(1950), v.maxValue(2100))),
  network: v.optional(nonEmptyText('network')),
  platforms: v.optional(v.array(nonEmptyText('platform')), []),
  schedule: v.optional(schedule),
  cast: v.optional(
    v.array(
      v.strictObject({
        person: id,
        character: v.optional(nonEmptyText('character')),
        role: v.optional(v.picklist(['main', 'supporting'], 'role must be main or supporting'), 'main'),
      }),
    ),
    [],
  ),
  sources,
});

export const personFileSchema = v.strictObject({
  id,
  name: nonEmptyText('name'),
  hangul: v.optional(nonEmptyText('hangul')),
  /** Tells apart people who share a name ("actor, born 1986"); required when a name is shared. */
  disambiguation: v.optional(nonEmptyText('disambiguation')),
  aliases: names,
  sources,
});

export const articleFrontMatterSchema = v.strictObject({
  id,
  headline: nonEmptyText('headline'),
  outlet: nonEmptyText('outlet'),
  url: v.optional(v.pipe(v.string('url must be text'), v.url('url is not a valid URL'))),
  published: v.optional(partialDate),
  story: v.optional(id),
});

export type DramaFile = v.InferOutput<typeof dramaFileSchema>;
export type PersonFile = v.InferOutput<typeof personFileSchema>;
export type ArticleFrontMatter = v.InferOutput<typeof articleFrontMatterSchema>;

// ---------------------------------------------------------------------------------------------
// data/imported/dramadb.json: written by `npm run import:dramadb` (dramadb-import.ts), checked
// here like the hand-written files so a hand edit or a stale format is caught with its line.

const DRAMADB_FILES = ['wikipedia.csv', 'namuwiki.csv', 'results.csv'] as const;
const importedId = (prefix: string) =>
  v.pipe(v.string('id must be text'), v.regex(new RegExp(`^${prefix}[a-z0-9-]+$`), `id must start with "${prefix}"`));
const rowRef = {
  file: v.picklist(DRAMADB_FILES, `file must be one of ${DRAMADB_FILES.join(', ')}`),
  row: v.pipe(v.number('row must be a number'), v.integer(), v.minValue(1)),
  line: v.pipe(v.number('line must be a number'), v.integer(), v.minValue(1)),
};
const importedSource = v.strictObject({ ...rowRef, supports: v.array(nonEmptyText('supports entry')) });

export const importedDramaSchema = v.strictObject({
  id: importedId('db-'),
  title: nonEmptyText('title'),
  year: v.pipe(v.number('year must be a number'), v.integer(), v.minValue(1950), v.maxValue(2100)),
  premiere: v.optional(fullDate('premiere')),
  finale: v.optional(fullDate('finale')),
  episodes: v.optional(v.pipe(v.number('episodes must be a number'), v.integer(), v.minValue(1))),
  slots: v.optional(v.array(slot)),
  network: v.optional(nonEmptyText('network')),
  platforms: v.optional(v.array(nonEmptyText('platform'))),
  cast: v.array(importedId('db-p-')),
  sources: v.pipe(v.array(importedSource), v.minLength(1, 'sources needs at least one entry')),
  unsettled: v.optional(
    v.array(
      v.strictObject({
        field: nonEmptyText('field'),
        values: v.array(v.strictObject({ ...rowRef, value: v.string() })),
      }),
    ),
  ),
});

export const importedPersonSchema = v.strictObject({
  id: importedId('db-p-'),
  name: nonEmptyText('name'),
  disambiguation: v.optional(nonEmptyText('disambiguation')),
  sources: v.pipe(v.array(importedSource), v.minLength(1, 'sources needs at least one entry')),
});

export const importedDatasetSchema = v.strictObject({
  dataset: nonEmptyText('dataset'),
  url: v.pipe(v.string('url must be text'), v.url('url is not a valid URL')),
  licence: nonEmptyText('licence'),
  years: v.tuple([v.number(), v.number()]),
  dramas: v.array(importedDramaSchema),
  people: v.array(importedPersonSchema),
  leftOut: v.array(
    v.strictObject({ ...rowRef, title: v.string(), premiere: v.optional(fullDate('premiere')), reason: v.string() }),
  ),
});

export type ImportedDatasetFile = v.InferOutput<typeof importedDatasetSchema>;
