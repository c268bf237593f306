// What a reminder notification says: the episode, the network and the start in the reader's
// zone and/or KST as their time settings ask (DST is the zone database's job: instants in,
// wall clocks out), and the single summary of episodes missed while the browser was closed.
import { formatAirTime, formatCountdown } from '../schedule/format';
import type { DisplaySettings } from '../settings/schema';
import type { EpisodeReminder } from './plan';

export interface NotificationText {
  title: string;
  message: string;
}

/** "episode 7", or "new episode" when the data has no premiere to count from. */
export const episodeName = (r: { episode?: number }) =>
  r.episode !== undefined ? `episode ${r.episode}` : 'new episode';

export function reminderText(
  r: EpisodeReminder,
  now: number,
  display: DisplaySettings,
  zone: string,
): NotificationText {
  const on = r.network ? ` on ${r.network}` : '';
  const when = r.at > now ? `Starts ${formatCountdown(r.at - now)}${on}` : `On now${on}`;
  return {
    title: `${r.title}: ${episodeName(r)}`,
    message: `${when}, ${formatAirTime(r.at, zone, display, false)}.`,
  };
}

/** One notification for every episode missed since the browser last ran (newest last). */
export function missedText(
  missed: readonly EpisodeReminder[],
  display: DisplaySettings,
  zone: string,
): NotificationText {
  const lines = missed.map((r) => `${r.title}, ${episodeName(r)}: ${formatAirTime(r.at, zone, display)}`);
  return {
    title:
      missed.length === 1
        ? 'An episode aired while your browser was closed'
        : `${missed.length} episodes aired while your browser was closed`,
    message: lines.join('\n'),
  };
}
