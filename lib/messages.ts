// The one typed protocol between Dramalens's contexts. Every message goes to the background;
// the background validates each payload (valibot) and answers only our own extension.
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { EntityCardData } from './index/entity-card';
import type { EntityFact, FlatMatches } from './match/page-matching';
import type { DramaEntry, PersonEntry } from './index/types';
import { followSchema } from './settings/library';
import type { EpisodeReminder } from './reminders/plan';

export const entityIdSchema = v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z0-9~-]+$/));

export const pageDetectionsSchema = v.strictObject({
  url: v.pipe(v.string(), v.maxLength(4096)),
  detections: v.pipe(
    v.array(
      v.strictObject({
        entityId: entityIdSchema,
        count: v.pipe(v.number(), v.integer(), v.minValue(1)),
        /** Order of first appearance on the page, 0-based. */
        firstIndex: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
    v.maxLength(5000),
  ),
});
export type PageDetections = v.InferOutput<typeof pageDetectionsSchema>;

export const tabRequestSchema = v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
export const entityRequestSchema = v.strictObject({ entityId: entityIdSchema });
/** A change to the reader's dramas: follow (status, progress) or unfollow one, mute or unmute a name. */
export const libraryChangeSchema = v.variant('change', [
  v.strictObject({ change: v.literal('follow'), dramaId: entityIdSchema, follow: v.nullable(followSchema) }),
  v.strictObject({
    change: v.literal('mute'),
    kind: v.picklist(['drama', 'person']),
    id: entityIdSchema,
    muted: v.boolean(),
  }),
]);
export type LibraryChange = v.InferOutput<typeof libraryChangeSchema>;

/** A page's texts as one message carries them (lib/match/packed-texts.ts): their concatenation and lengths. */
const packedTextsSchema = {
  text: v.pipe(v.string(), v.maxLength(20_000_000)),
  lengths: v.pipe(v.string(), v.maxLength(400_000)),
};
export const matchRoughSchema = v.strictObject({
  ...packedTextsSchema,
  kdrama: v.boolean(),
  /**
   * The bootstrap's question (lib/page/bootstrap.ts): the text holds nothing the exact step
   * skips, so an ordinary-word name counts only with a cue near it (lib/match/page-matching.ts
   * `nameMayStand`); no windows means nothing on it can be a name.
   */
  nearCues: v.optional(v.boolean()),
});
export const matchExactSchema = v.strictObject({ ...packedTextsSchema, kdrama: v.boolean() });
export type MatchRoughRequest = v.InferOutput<typeof matchRoughSchema>;
export type MatchExactRequest = v.InferOutput<typeof matchExactSchema>;
/** What the page has shown it is about comes back with every answer (lib/match/page-matching.ts). */
export interface MatchRoughAnswer {
  windows: number[];
  kdrama: boolean;
  /** False when the settings keep Dramalens off for this frame's page (off, or off on its site). */
  allowed: boolean;
}
export interface MatchExactAnswer {
  matches: FlatMatches[];
  facts: EntityFact[];
  kdrama: boolean;
}

export interface TabDetections {
  url: string;
  detections: PageDetections['detections'];
}

/**
 * The storage.session key under which the background keeps a tab's detections; the popup
 * watches it as a change signal (and asks `getTabDetections` for the data).
 */
export const tabDetectionsKey = (tabId: number) => `tab:${tabId}`;

/** What the options page shows of episode reminders (lib/background/reminders.ts). */
export interface ReminderOverview {
  /** The browser lets Dramalens show notifications. */
  permitted: boolean;
  /** The dramas reminded now (none while not permitted). */
  reminded: string[];
  next?: EpisodeReminder;
  /** The latest reminders shown, newest first. */
  recent: (EpisodeReminder & { shownAt: number; missed: boolean })[];
}

/** Messages the background answers. Named by direction: anything → background. */
export interface ToBackgroundProtocol {
  /** A page engine's rough slice (its text nodes' strings, packed): which runs may hold a name (null: refused). */
  matchRough(data: MatchRoughRequest): MatchRoughAnswer | null;
  /** The exact texts of those runs (packed): the names in each, with their entities' facts (null: refused). */
  matchExact(data: MatchExactRequest): MatchExactAnswer | null;
  /** A content script reports what its frame mentions (replaces that frame's previous report). */
  reportDetections(data: PageDetections): void;
  /** The popup asks what a tab mentions. */
  getTabDetections(data: { tabId: number }): TabDetections | null;
  /** The hover card (or popup) asks for an entity's card; null for an unknown id. */
  getEntityCard(data: { entityId: string }): EntityCardData | null;
  /** The popup asks for every drama's and person's names and schedule (no articles), for its lists and search. */
  getEntityDirectory(): EntityDirectory | null;
  /** The options page's view of episode reminders. */
  getReminders(): ReminderOverview | null;
  /** The hover card's follow, status, progress and mute controls: the background saves them. */
  changeLibrary(data: LibraryChange): boolean;
}

export const messenger = defineExtensionMessaging<ToBackgroundProtocol>();

/** Messages a content script answers. Named by direction: background → content script. */
export interface ToContentProtocol {
  /** The hover-card keyboard shortcut was pressed in this tab. */
  openCardFromShortcut(): void;
}

export const contentMessenger = defineExtensionMessaging<ToContentProtocol>();

/** A drama as the popup lists and searches it: names and schedule, none of the news. */
export type DirectoryDrama = Pick<DramaEntry, 'id' | 'title' | 'hangul' | 'aliases' | 'schedule'>;
export type DirectoryPerson = Pick<PersonEntry, 'id' | 'name' | 'hangul' | 'aliases'>;

/** Every entity of the index, small whatever the number of articles (the popup's first paint depends on it). */
export interface EntityDirectory {
  dramas: DirectoryDrama[];
  people: DirectoryPerson[];
}
