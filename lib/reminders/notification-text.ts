// What a reminder notification says: the episode, the network and the start in the reader's
// zone and/or KST as their time settings ask (DST is the zone database's job: instants in,
// wall clocks out), and the single summary of episodes missed while the browser was closed.
// In the reader's language: the Localizer is passed in.
import type { Localizer } from '../i18n';
import { formatAirTime, formatCountdown } from '../schedule/format';
import type { DisplaySettings } from '../settings/schema';
import type { EpisodeReminder } from './plan';

export interface NotificationText {
  title: string;
  message: string;
}

/** "episode 7", or "new episode" when the data has no premiere to count from. */
export const episodeName = (r: { episode?: number }, l: Localizer) =>
  r.episode !== undefined ? l.t('reminders.episode', [String(r.episode)]) : l.t('reminders.newEpisode');

export function reminderText(
  r: EpisodeReminder,
  now: number,
  display: DisplaySettings,
  zone: string,
  l: Localizer,
): NotificationText {
  const when =
    r.at > now
      ? r.network
        ? l.t('reminders.startsOn', [formatCountdown(r.at - now, l), r.network])
        : l.t('reminders.starts', [formatCountdown(r.at - now, l)])
      : r.network
        ? l.t('reminders.onNowOn', [r.network])
        : l.t('reminders.onNow');
  return {
    title: l.t('reminders.title', [r.title, episodeName(r, l)]),
    message: l.t('reminders.message', [when, formatAirTime(r.at, zone, display, l, false)]),
  };
}

/** One notification for every episode missed since the browser last ran (newest last). */
export function missedText(
  missed: readonly EpisodeReminder[],
  display: DisplaySettings,
  zone: string,
  l: Localizer,
): NotificationText {
  const lines = missed.map((r) =>
    l.t('reminders.missedLine', [r.title, episodeName(r, l), formatAirTime(r.at, zone, display, l)]),
  );
  return {
    title: l.t('reminders.missedTitle', missed.length),
    message: lines.join('\n'),
  };
}
