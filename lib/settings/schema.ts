// The settings every context works with (settings version 4), their defaults and validation.
import * as v from 'valibot';
import {
  ACTOR_COLOR_PRESETS,
  DEFAULT_ACTOR_COLOR,
  DEFAULT_DRAMA_COLOR,
  DRAMA_COLOR_PRESETS,
  type ActorColorPreset,
  type DramaColorPreset,
} from '../highlight-colors';
import { SETTING_KEYS as STORED_SETTING_KEYS } from './keys';
import { isStoredSite } from './sites';
import { followsSchema, mutedSchema, NO_FOLLOWS, NOTHING_MUTED, type Follows, type Muted } from './library';

/** Bumped with every change to a stored item; each bump adds lib/settings/migrations/v<N>.ts. */
export const SETTINGS_VERSION = 4;

export type TimeDisplay = 'local' | 'kst' | 'both';
export type HighlightScope = 'all' | 'followed';

export interface DisplaySettings {
  timeDisplay: TimeDisplay;
  hourCycle: 12 | 24;
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: number;
  dramaColor: DramaColorPreset;
  actorColor: ActorColorPreset;
}

/** How long before an episode starts its reminder comes. */
export const REMINDER_LEAD_MINUTES = [0, 5, 10, 15, 30, 60] as const;
export type ReminderLead = (typeof REMINDER_LEAD_MINUTES)[number];

export interface ReminderSettings {
  /** Remind of every followed drama being watched or planned, unless its own choice says no. */
  byDefault: boolean;
  leadMinutes: ReminderLead;
}

export interface Settings {
  /** Dramalens highlights names on pages (off: nothing is scanned or painted anywhere). */
  enabled: boolean;
  /** Dramas the reader follows, with a status and progress. */
  follows: Follows;
  /** Dramas and people never lit and never counted. */
  muted: Muted;
  /** `all`: every known name is lit (the default); `followed`: only followed dramas and their cast. */
  highlightScope: HighlightScope;
  /** Hostnames where Dramalens stays off (`example.com` covers its subdomains too). */
  disabledSites: string[];
  display: DisplaySettings;
  /** Episode reminders (notifications); each followed drama can say otherwise (Follow.remind). */
  reminders: ReminderSettings;
}

export type SettingKey = keyof Settings;
export const SETTING_KEYS: readonly SettingKey[] = STORED_SETTING_KEYS;

export const HOVER_DELAY_LIMITS = { min: 0, max: 2000, step: 50 } as const;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  follows: NO_FOLLOWS,
  muted: NOTHING_MUTED,
  highlightScope: 'all',
  disabledSites: [],
  display: {
    timeDisplay: 'both',
    hourCycle: 12,
    hoverDelayMs: 400,
    dramaColor: DEFAULT_DRAMA_COLOR,
    actorColor: DEFAULT_ACTOR_COLOR,
  },
  reminders: { byDefault: false, leadMinutes: 0 },
};

export const displaySchema = v.strictObject({
  timeDisplay: v.picklist(['local', 'kst', 'both']),
  hourCycle: v.picklist([12, 24]),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_LIMITS.min), v.maxValue(HOVER_DELAY_LIMITS.max)),
  dramaColor: v.picklist(DRAMA_COLOR_PRESETS),
  actorColor: v.picklist(ACTOR_COLOR_PRESETS),
});

export const disabledSitesSchema = v.array(
  v.pipe(v.string(), v.check(isStoredSite, 'a site in the list is not a normalised hostname')),
);

/** Each setting on its own: a corrupt one falls back alone, the others keep their values. */
export const settingSchemas = {
  enabled: v.boolean(),
  follows: followsSchema,
  muted: mutedSchema,
  highlightScope: v.picklist(['all', 'followed']),
  disabledSites: disabledSitesSchema,
  display: displaySchema,
  reminders: v.strictObject({ byDefault: v.boolean(), leadMinutes: v.picklist(REMINDER_LEAD_MINUTES) }),
} satisfies Record<SettingKey, v.GenericSchema>;
