// Episode reminders, decided without a clock or a browser: which followed dramas are reminded,
// which reminders are due at `now`, which episodes were missed while the browser was closed,
// and when to wake next. The background (lib/background/reminders.ts) runs it on every alarm,
// start and change, and keeps the log between runs, so an episode is reminded exactly once.
import type { DramaSchedule } from '../index/types';
import { episodesBetween } from '../schedule/next-air-time';
import type { Follow, Follows } from '../settings/library';
import type { ReminderSettings } from '../settings/schema';

/** storage.local keys: the log (reminded episodes), and the latest reminders shown, for the options page. */
export const REMINDER_LOG_KEY = 'reminders:log';
export const RECENT_REMINDERS_KEY = 'reminders:recent';

export interface ReminderLog {
  /** When each reminded drama's reminders began: nothing is reminded from before. */
  since: Record<string, number>;
  /** Episodes already reminded or reported missed (episodeKey → start): never again. */
  sent: Record<string, number>;
}

export const EMPTY_REMINDER_LOG: ReminderLog = { since: {}, sent: {} };

export interface ReminderDrama {
  id: string;
  title: string;
  network?: string;
  schedule?: DramaSchedule;
}

export interface EpisodeReminder {
  dramaId: string;
  title: string;
  network?: string;
  /** Absent when the data has no premiere to count from. */
  episode?: number;
  /** The episode's start, epoch ms. */
  at: number;
  /** When its reminder is due: the start less the reader's lead. */
  remindAt: number;
}

export interface ReminderPlan {
  /** Reminders to show now, one notification each. */
  due: EpisodeReminder[];
  /** Episodes that started while no reminder could be shown (browser closed): one summary. */
  missed: EpisodeReminder[];
  log: ReminderLog;
  /** The next reminder to come, within the look-ahead. */
  next?: EpisodeReminder;
  /** When to run again: the next reminder, or a day from now to look again; none without reminded dramas. */
  wakeAt?: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** An episode that started longer ago than this is missed: too late for "starts now". */
export const MISSED_AFTER_MS = 10 * MINUTE_MS;
/** How far ahead the next wake is looked for; the wake is at most a day away anyway. */
const LOOKAHEAD_MS = 60 * DAY_MS;
const MAX_SLEEP_MS = DAY_MS;
/** Sent keys are kept this long after their episode, then forgotten (the log stays small). */
const KEEP_SENT_MS = 30 * DAY_MS;

/** Which followed dramas are reminded: their own choice, else the default for watching and planned ones. */
export function isReminded(follow: Follow, reminders: ReminderSettings): boolean {
  return follow.remind ?? (reminders.byDefault && (follow.status === 'watching' || follow.status === 'plan'));
}

export function remindedDramaIds(follows: Follows, reminders: ReminderSettings): string[] {
  return Object.keys(follows)
    .filter((id) => isReminded(follows[id], reminders))
    .sort();
}

export const episodeKey = (dramaId: string, episode: number | undefined, at: number) =>
  `${dramaId}#${episode ?? `@${at}`}`;

export interface PlanInput {
  reminded: readonly string[];
  dramaOf: (id: string) => ReminderDrama | undefined;
  leadMinutes: number;
  log: ReminderLog;
  now: number;
}

const byStart = (a: EpisodeReminder, b: EpisodeReminder) => a.at - b.at || a.dramaId.localeCompare(b.dramaId);

export function planReminders({ reminded, dramaOf, leadMinutes, log, now }: PlanInput): ReminderPlan {
  const lead = leadMinutes * MINUTE_MS;
  const since: Record<string, number> = {};
  for (const id of reminded) since[id] = Math.min(log.since[id] ?? now, now);
  const sent: Record<string, number> = {};
  for (const [key, at] of Object.entries(log.sent)) if (at > now - KEEP_SENT_MS) sent[key] = at;

  const due: EpisodeReminder[] = [];
  const missed: EpisodeReminder[] = [];
  let next: EpisodeReminder | undefined;
  for (const id of reminded) {
    const drama = dramaOf(id);
    if (!drama) continue;
    const reminder = (episode: number | undefined, at: number): EpisodeReminder => ({
      dramaId: id,
      title: drama.title,
      ...(drama.network ? { network: drama.network } : {}),
      ...(episode !== undefined ? { episode } : {}),
      at,
      remindAt: at - lead,
    });
    // Reminders due since this drama's reminders began: starts in (since + lead, now + lead].
    for (const { episode, at } of episodesBetween(drama.schedule, since[id] + lead, now + lead)) {
      const key = episodeKey(id, episode, at);
      if (key in sent) continue;
      sent[key] = at;
      (now >= at + MISSED_AFTER_MS ? missed : due).push(reminder(episode, at));
    }
    const [coming] = episodesBetween(drama.schedule, now + lead, now + lead + LOOKAHEAD_MS);
    if (coming && (next === undefined || coming.at < next.at)) next = reminder(coming.episode, coming.at);
  }
  const plan: ReminderPlan = { due: due.sort(byStart), missed: missed.sort(byStart), log: { since, sent } };
  if (next) plan.next = next;
  if (reminded.length > 0) plan.wakeAt = Math.min(next?.remindAt ?? Infinity, now + MAX_SLEEP_MS);
  return plan;
}
