// The bundled index: what the builder emits from data/ and what background, popup and options read.
// Pure types, shared by every context.

export type EntityKind = 'drama' | 'person';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A date as precise as it is known: `2021`, `2021-07` or `2021-07-03`. */
export type PartialDate = string;

export interface Source {
  /** Where the facts come from (a page anyone can open; for a dataset row, the dataset's page). */
  url: string;
  /** Which facts of the record this source supports, e.g. `schedule`, `cast`. */
  supports?: string[];
  /** A row of a dataset (the imported tier): the dataset's name, e.g. `MaybeS/DramaDatabase`. */
  dataset?: string;
  /** The dataset's file, e.g. `wikipedia.csv`. */
  file?: string;
  /** 1-based data row of that file (the header is not a row). */
  row?: number;
  /** 1-based line of the file where that row starts. */
  line?: number;
}

/**
 * Where an entry comes from when it is not the curated catalog (data/dramas, data/people):
 * `dramadb` is the Korean-Wikipedia tier imported from MaybeS/DramaDatabase (dramas 2000–2020).
 */
export type Tier = 'dramadb';

export interface WeeklySlot {
  days: Weekday[];
  /** Local time in the schedule's zone, `HH:mm`, 24 h. */
  time: string;
}

export interface DramaSchedule {
  /** IANA zone the slots are stated in (Korean broadcasts: `Asia/Seoul`). */
  timeZone: string;
  /**
   * `weekly` (the default): episodes air in the weekly `slots`. `all-at-once`: a streaming
   * release that put every episode out on the `premiere` date (no slots).
   */
  release?: 'weekly' | 'all-at-once';
  slots: WeeklySlot[];
  /** First broadcast date, `YYYY-MM-DD` in the schedule's zone; absent when unknown. */
  premiere?: string;
  /** Last broadcast date, `YYYY-MM-DD`; absent when unknown or not yet announced. */
  finale?: string;
  episodes?: number;
  /** Typical running time, used to tell "on air now" from "aired"; absent when unknown. */
  runtimeMinutes?: number;
  /** Departures from the weekly slots that sources state (skipped days, specials, moves). */
  changes?: ScheduleChange[];
}

/**
 * A stated departure from the weekly pattern (dates and times in the schedule's zone):
 * - `skip`: no episode airs that day (a holiday, a sports broadcast, breaking news); the
 *   episodes after it keep their numbers and move on to the next slots.
 * - `special`: an extra broadcast that is not a numbered episode.
 * - `slots` from a date: the weekly slots change from that day on.
 * - `episode` moved: that episode airs on `date` at `time` instead (a moved finale).
 */
export type ScheduleChange =
  | { kind: 'skip'; date: string; reason?: string }
  | { kind: 'special'; date: string; time: string; title?: string }
  | { kind: 'slots'; from: string; slots: WeeklySlot[] }
  | { kind: 'moved'; episode: number; date: string; time: string };

export interface CastMember {
  personId: string;
  character?: string;
  /** `main` for the leads the reader would expect on a card; `supporting` otherwise. */
  role: 'main' | 'supporting';
}

export interface DramaEntry {
  id: string;
  kind: 'drama';
  /** Absent for the curated catalog. */
  tier?: Tier;
  title: string;
  hangul?: string;
  /** Further names a page may use: romanisations, Hangul spacing variants, short titles. */
  aliases: string[];
  /** The title is an ordinary word ("Nevertheless"): only matched when context says it is the drama. */
  titleIsCommonWord: boolean;
  network?: string;
  platforms: string[];
  /** Premiere year, when known (also when the premiere date is not). */
  year?: number;
  schedule?: DramaSchedule;
  cast: CastMember[];
  /** Articles that mention this drama, most relevant first. */
  articleIds: string[];
}

export interface PersonEntry {
  id: string;
  kind: 'person';
  /** Absent for the curated catalog. */
  tier?: Tier;
  name: string;
  hangul?: string;
  /** Tells apart people who share a name (`actor, born 1986`; imported: the table's `배우`, `1987년`). */
  disambiguation?: string;
  aliases: string[];
  /** Dramas in the index this person is cast in, newest first. */
  dramaIds: string[];
  articleIds: string[];
}

export type Entity = DramaEntry | PersonEntry;

export interface Mention {
  entityId: string;
  count: number;
}

/** An air-time statement found in an article's text, kept with the article as provenance. */
/** What an air-time statement says: read out of text by the extractor, kept in the index as a fact. */
export interface AirTimeClaim {
  /** `weekly`: "airs every Saturday at 11 p.m. KST"; `date`: "the final episode airs on August 21 at 11 PM KST". */
  kind: 'weekly' | 'date';
  days?: Weekday[];
  /** `MM-DD` when the statement names a day of the year without the year. */
  monthDay?: string;
  time?: string;
  timeZone: string;
  /** Which episode the statement is about, when it says so: a number or `final`. */
  episode?: number | 'final';
  /** The phrase the claim was read from (in the index: our own summary text, never an outlet's). */
  phrase: string;
}

export interface AirFact extends AirTimeClaim {
  articleId: string;
  dramaId?: string;
}

/** A schedule break an article states (no episode, or a changed slot), with the article as provenance. */
export interface BreakFact {
  articleId: string;
  dramaId?: string;
  kind: 'skip' | 'change';
  /** The words that say it. */
  phrase: string;
  /** The date it names, `YYYY-MM-DD` (year from the article's date), when it names one. */
  date?: string;
}

export interface ArticleEntry {
  id: string;
  headline: string;
  outlet: string;
  url?: string;
  published?: PartialDate;
  /** Our own summary, never the outlet's sentences. */
  summary: string;
  mentions: Mention[];
  storyId: string;
  airFacts: AirFact[];
  /** Schedule breaks the article states; absent when none. */
  breakFacts?: BreakFact[];
  /** The highest episode the article discusses ("episode 8", "8회"): hidden from readers not there yet. */
  episode?: number;
  /** The article is about a finale ("finale", "최종회"). */
  finale?: true;
}

/** Articles that report the same story, so a card can say "2 sources". */
export interface Story {
  id: string;
  articleIds: string[];
}

export interface DramaIndex {
  version: 1;
  dramas: DramaEntry[];
  people: PersonEntry[];
  articles: ArticleEntry[];
  stories: Story[];
}

// The builder's index also carries every record's provenance. The shipped index.json leaves it
// out (scripts/index-builder/index.ts): nothing in the extension shows it, and it was more than half the file
// every extension page and the background read at startup.
export interface SourcedDramaEntry extends DramaEntry {
  sources: Source[];
}
export interface SourcedPersonEntry extends PersonEntry {
  sources: Source[];
}
export interface SourcedIndex extends Omit<DramaIndex, 'dramas' | 'people'> {
  dramas: SourcedDramaEntry[];
  people: SourcedPersonEntry[];
}
