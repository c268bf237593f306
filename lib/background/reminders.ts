// Episode reminders in the background: one alarm, woken for the next reminder, and a log in
// storage.local of every episode reminded, so no episode is reminded twice, whether the worker
// or the browser restarted in between. Episodes that started while the browser was closed get
// one summary, not a burst. Run on every worker start, alarm and change of follows, reminder
// settings or the notifications permission (lib/reminders/plan.ts decides; this carries it out).
import type { Localizer } from '../i18n';
import type { ReminderOverview } from '../messages';
import type { Settings } from '../settings/schema';
import {
  EMPTY_REMINDER_LOG,
  episodeKey,
  planReminders,
  remindedDramaIds,
  RECENT_REMINDERS_KEY,
  REMINDER_LOG_KEY,
  type ReminderDrama,
  type ReminderLog,
} from '../reminders/plan';
import { missedText, reminderText, type NotificationText } from '../reminders/notification-text';

export const REMINDER_ALARM = 'dramalens-reminders';
const RECENT_KEPT = 8;
const REMIND_PREFIX = 'dramalens-remind:';
const MISSED_PREFIX = 'dramalens-missed:';

type ShownReminder = ReminderOverview['recent'][number];

export interface ReminderEnv {
  /** Now, as every context reads it (the pinned clock in tests). */
  now(): Promise<number>;
  /** The real clock: alarms are set in it. */
  realNow(): number;
  settings(): Promise<Settings>;
  dramaOf(): Promise<(id: string) => ReminderDrama | undefined>;
  timeZone(): string;
  local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): Promise<unknown>;
  };
  permitted(): Promise<boolean>;
  /** Shows a notification; only called when permitted. */
  notify(id: string, text: NotificationText): Promise<unknown>;
  /** The reader's language, which notifications are written in. */
  localizer: Localizer;
}

export function createReminderService(env: ReminderEnv) {
  let running: Promise<unknown> = Promise.resolve();
  const queued = <T>(job: () => Promise<T>): Promise<T> => {
    const run = running.then(job, job);
    running = run.catch(() => undefined);
    return run;
  };

  async function readLog(): Promise<ReminderLog> {
    const value = (await env.local.get(REMINDER_LOG_KEY))[REMINDER_LOG_KEY] as Partial<ReminderLog> | undefined;
    // A log that cannot be read starts afresh: reminders then begin at this run, never repeat old ones.
    const isRecord = (x: unknown): x is Record<string, number> =>
      typeof x === 'object' && x !== null && Object.values(x).every((n) => typeof n === 'number');
    return value && isRecord(value.since) && isRecord(value.sent)
      ? { since: value.since, sent: value.sent }
      : EMPTY_REMINDER_LOG;
  }

  async function readRecent(): Promise<ShownReminder[]> {
    const value = (await env.local.get(RECENT_REMINDERS_KEY))[RECENT_REMINDERS_KEY];
    return Array.isArray(value) ? (value as ShownReminder[]) : [];
  }

  async function plan() {
    const [settings, now, dramaOf, log, permitted] = await Promise.all([
      env.settings(),
      env.now(),
      env.dramaOf(),
      readLog(),
      env.permitted(),
    ]);
    const reminded = permitted ? remindedDramaIds(settings.follows, settings.reminders) : [];
    return {
      settings,
      now,
      permitted,
      reminded,
      result: planReminders({ reminded, dramaOf, leadMinutes: settings.reminders.leadMinutes, log, now }),
    };
  }

  /** Shows what is due, records it first (so a restart mid-way never shows it again), sets the next wake. */
  const reconcile = () =>
    queued(async () => {
      const { settings, now, result } = await plan();
      await env.local.set({ [REMINDER_LOG_KEY]: result.log });
      const zone = env.timeZone();
      const shown: ShownReminder[] = [];
      for (const reminder of result.due) {
        await env.notify(
          `${REMIND_PREFIX}${reminder.dramaId}:${episodeKey(reminder.dramaId, reminder.episode, reminder.at)}`,
          reminderText(reminder, now, settings.display, zone, env.localizer),
        );
        shown.push({ ...reminder, shownAt: now, missed: false });
      }
      if (result.missed.length > 0) {
        await env.notify(`${MISSED_PREFIX}${now}`, missedText(result.missed, settings.display, zone, env.localizer));
        shown.push(...result.missed.map((r) => ({ ...r, shownAt: now, missed: true })));
      }
      if (shown.length > 0) {
        const recent = [...shown.reverse(), ...(await readRecent())].slice(0, RECENT_KEPT);
        await env.local.set({ [RECENT_REMINDERS_KEY]: recent });
      }
      await env.alarms.clear(REMINDER_ALARM);
      if (result.wakeAt !== undefined)
        env.alarms.create(REMINDER_ALARM, { when: env.realNow() + Math.max(0, result.wakeAt - now) });
    });

  const overview = async (): Promise<ReminderOverview> => {
    const [{ permitted, reminded, result }, recent] = await Promise.all([plan(), readRecent()]);
    return { permitted, reminded, ...(result.next ? { next: result.next } : {}), recent };
  };

  return { reconcile, overview };
}

/** The drama a reminder notification is about (undefined for the missed summary). */
export function dramaOfNotification(id: string): string | undefined {
  if (!id.startsWith(REMIND_PREFIX)) return undefined;
  return id.slice(REMIND_PREFIX.length).split(':')[0];
}

export const isOurNotification = (id: string) => id.startsWith(REMIND_PREFIX) || id.startsWith(MISSED_PREFIX);
