// Reader settings, kept in storage.sync as typed, versioned WXT storage items. Every context
// reads them through `readSettings` (which never throws: a corrupt value falls back to its
// default) and re-applies live through `watchSettings`.
import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';
import {
  ACTOR_COLOR_PRESETS,
  DEFAULT_ACTOR_COLOR,
  DEFAULT_DRAMA_COLOR,
  DRAMA_COLOR_PRESETS,
  type ActorColorPreset,
  type DramaColorPreset,
} from './highlight-colors';

export type TimeDisplay = 'local' | 'kst' | 'both';

export interface Tracking {
  /** `all-except`: every drama is tracked but `ids`; `only`: just `ids` are tracked. */
  mode: 'all-except' | 'only';
  ids: string[];
}

export interface DisplaySettings {
  timeDisplay: TimeDisplay;
  hourCycle: 12 | 24;
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: number;
  dramaColor: DramaColorPreset;
  actorColor: ActorColorPreset;
}

export interface Settings {
  enabled: boolean;
  tracking: Tracking;
  /** Hostnames where Dramalens stays off (`example.com` covers its subdomains too). */
  disabledSites: string[];
  display: DisplaySettings;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  tracking: { mode: 'all-except', ids: [] },
  disabledSites: [],
  display: {
    timeDisplay: 'both',
    hourCycle: 12,
    hoverDelayMs: 400,
    dramaColor: DEFAULT_DRAMA_COLOR,
    actorColor: DEFAULT_ACTOR_COLOR,
  },
};

const trackingSchema = v.strictObject({
  mode: v.picklist(['all-except', 'only']),
  ids: v.array(v.string()),
});
const displaySchema = v.strictObject({
  timeDisplay: v.picklist(['local', 'kst', 'both']),
  hourCycle: v.picklist([12, 24]),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5000)),
  dramaColor: v.picklist(DRAMA_COLOR_PRESETS),
  actorColor: v.picklist(ACTOR_COLOR_PRESETS),
});
const disabledSitesSchema = v.array(v.pipe(v.string(), v.maxLength(253)));

export const settingsItems = {
  enabled: storage.defineItem<boolean>('sync:enabled', { fallback: DEFAULT_SETTINGS.enabled, version: 1 }),
  tracking: storage.defineItem<Tracking>('sync:tracking', { fallback: DEFAULT_SETTINGS.tracking, version: 1 }),
  disabledSites: storage.defineItem<string[]>('sync:disabledSites', {
    fallback: DEFAULT_SETTINGS.disabledSites,
    version: 1,
  }),
  display: storage.defineItem<DisplaySettings>('sync:display', { fallback: DEFAULT_SETTINGS.display, version: 1 }),
};

/** Validates a stored value; anything else (corrupt, foreign, hand-edited) reads as the default. */
export function parseSettings(raw: Partial<Record<keyof Settings, unknown>>): {
  settings: Settings;
  corrupt: (keyof Settings)[];
} {
  const corrupt: (keyof Settings)[] = [];
  const pick = <T>(key: keyof Settings, schema: v.GenericSchema<unknown, T>, fallback: T): T => {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    const parsed = v.safeParse(schema, value);
    if (parsed.success) return parsed.output;
    corrupt.push(key);
    return fallback;
  };
  return {
    settings: {
      enabled: pick('enabled', v.boolean(), DEFAULT_SETTINGS.enabled),
      tracking: pick('tracking', trackingSchema, DEFAULT_SETTINGS.tracking),
      disabledSites: pick('disabledSites', disabledSitesSchema, DEFAULT_SETTINGS.disabledSites),
      display: pick('display', displaySchema, DEFAULT_SETTINGS.display),
    },
    corrupt,
  };
}

export async function readSettings(): Promise<{ settings: Settings; corrupt: (keyof Settings)[] }> {
  const [enabled, tracking, disabledSites, display] = await Promise.all([
    settingsItems.enabled.getValue().catch(() => undefined),
    settingsItems.tracking.getValue().catch(() => undefined),
    settingsItems.disabledSites.getValue().catch(() => undefined),
    settingsItems.display.getValue().catch(() => undefined),
  ]);
  return parseSettings({ enabled, tracking, disabledSites, display });
}

/** Calls `onChange` with fresh settings whenever any item changes. Returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const refresh = () => void readSettings().then(({ settings }) => onChange(settings));
  const unwatchers = Object.values(settingsItems).map((item) => item.watch(refresh));
  return () => unwatchers.forEach((unwatch) => unwatch());
}

export function isDramaTracked(tracking: Tracking, dramaId: string): boolean {
  const listed = tracking.ids.includes(dramaId);
  return tracking.mode === 'all-except' ? !listed : listed;
}

export function hostnameOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' || protocol === 'file:' ? hostname : undefined;
  } catch {
    return undefined;
  }
}

/** `example.com` in the list switches off example.com and every subdomain of it. */
export function isSiteDisabled(disabledSites: string[], url: string): boolean {
  const host = hostnameOf(url);
  if (host === undefined) return false;
  return disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Tracks or untracks one drama, keeping the stored set small whichever mode it is in. */
export async function setDramaTracked(dramaId: string, tracked: boolean): Promise<void> {
  const { settings } = await readSettings();
  const { mode, ids } = settings.tracking;
  // In `all-except` mode the list holds untracked dramas; in `only` mode, tracked ones.
  const listed = mode === 'all-except' ? !tracked : tracked;
  const next = listed ? [...new Set([...ids, dramaId])] : ids.filter((id) => id !== dramaId);
  await settingsItems.tracking.setValue({ mode, ids: next });
}

/** Switches Dramalens off (or back on) for a hostname and its subdomains. */
export async function setSiteDisabled(hostname: string, disabled: boolean): Promise<void> {
  const { settings } = await readSettings();
  const others = settings.disabledSites.filter((site) => site !== hostname);
  await settingsItems.disabledSites.setValue(disabled ? [...others, hostname] : others);
}
