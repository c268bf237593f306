// Episode reminders (lib/reminders): which dramas, which episodes, exactly once, missed ones,
// and what the notification says across the reader's DST change. The drama is a made-up
// fixture: Mondays and Tuesdays at 20:50 KST from Monday 2026-03-02, 16 episodes.
import { describe, expect, it } from 'vitest';
import type { DramaSchedule } from '../../lib/index/types';
import { episodesBetween } from '../../lib/schedule/next-air-time';
import {
  EMPTY_REMINDER_LOG,
  isReminded,
  planReminders,
  remindedDramaIds,
  type ReminderDrama,
  type ReminderLog,
} from '../../lib/reminders/plan';
import { missedText, reminderText } from '../../lib/reminders/notification-text';
import { formatAirTime } from '../../lib/schedule/format';
import { followsFromTokens, followTokens, withFollow } from '../../lib/settings/library';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { uiLocalizer } from '../../lib/i18n';
import { inCatalogue } from './catalogue';

const en = uiLocalizer();

const schedule: DramaSchedule = {
  timeZone: 'Asia/Seoul',
  slots: [{ days: ['mon', 'tue'], time: '20:50' }],
  premiere: '2026-03-02',
  episodes: 16,
  runtimeMinutes: 70,
};
const drama: ReminderDrama = { id: 'fixture-drama', title: 'Fixture Drama', network: 'tvN', schedule };
const dramaOf = (id: string) => (id === drama.id ? drama : undefined);
const kst = (iso: string) => Date.parse(`${iso}+09:00`);
const MINUTE = 60_000;

function run(now: number, log: ReminderLog = EMPTY_REMINDER_LOG, leadMinutes = 0) {
  return planReminders({ reminded: [drama.id], dramaOf, leadMinutes, log, now });
}

describe('follow tokens with a reminder choice', () => {
  it('round-trips on, off and unset, with and without progress', () => {
    const follows = {
      a: { status: 'watching' as const, episode: 4, remind: true },
      b: { status: 'plan' as const, remind: false },
      c: { status: 'completed' as const },
    };
    expect(followTokens(follows)).toEqual(['a:w:4:r+', 'b:p:r-', 'c:c']);
    expect(followsFromTokens(followTokens(follows))).toEqual(follows);
  });

  it('refuses a malformed flag or extra parts', () => {
    expect(followsFromTokens(['a:w:4:r'])).toBeUndefined();
    expect(followsFromTokens(['a:w:r+:4'])).toBeUndefined();
    expect(followsFromTokens(['a:w:4:r+:x'])).toBeUndefined();
  });

  it('keeps the choice when the status or progress changes', () => {
    const follows = withFollow({}, 'a', { status: 'watching', episode: 2, remind: true });
    expect(withFollow(follows, 'a', { status: 'watching', episode: 3 }).a).toEqual({
      status: 'watching',
      episode: 3,
      remind: true,
    });
    expect(withFollow(follows, 'a', null).a).toBeUndefined();
  });
});

describe('which dramas are reminded', () => {
  const on = { byDefault: true, leadMinutes: 0 as const };
  it('by default: dramas being watched or planned, not completed, on hold or dropped', () => {
    expect(isReminded({ status: 'watching' }, on)).toBe(true);
    expect(isReminded({ status: 'plan' }, on)).toBe(true);
    expect(isReminded({ status: 'completed' }, on)).toBe(false);
    expect(isReminded({ status: 'on-hold' }, on)).toBe(false);
    expect(isReminded({ status: 'watching' }, DEFAULT_SETTINGS.reminders)).toBe(false);
  });
  it("a drama's own choice wins over the default", () => {
    expect(isReminded({ status: 'watching', remind: false }, on)).toBe(false);
    expect(isReminded({ status: 'on-hold', remind: true }, DEFAULT_SETTINGS.reminders)).toBe(true);
    expect(
      remindedDramaIds(
        { z: { status: 'plan' }, a: { status: 'dropped', remind: true }, m: { status: 'completed' } },
        on,
      ),
    ).toEqual(['a', 'z']);
  });
});

describe('episodesBetween', () => {
  it('lists the starts in (from, to], numbered from the premiere', () => {
    const found = episodesBetween(schedule, kst('2026-03-02T20:50'), kst('2026-03-10T20:50'));
    expect(found).toEqual([
      { episode: 2, at: kst('2026-03-03T20:50') },
      { episode: 3, at: kst('2026-03-09T20:50') },
      { episode: 4, at: kst('2026-03-10T20:50') },
    ]);
  });
  it('honours a stated skip, and stops at the last episode', () => {
    const skipping = { ...schedule, changes: [{ kind: 'skip' as const, date: '2026-03-03' }] };
    expect(episodesBetween(skipping, kst('2026-03-02T21:00'), kst('2026-03-10T00:00'))).toEqual([
      { episode: 2, at: kst('2026-03-09T20:50') },
    ]);
    expect(episodesBetween(schedule, kst('2026-04-20T00:00'), kst('2026-06-01T00:00'))).toEqual([
      { episode: 15, at: kst('2026-04-20T20:50') },
      { episode: 16, at: kst('2026-04-21T20:50') },
    ]);
  });
  it('gives a run without a stated end its episodes too', () => {
    const open = { ...schedule, episodes: undefined };
    expect(episodesBetween(open, kst('2026-05-01T00:00'), kst('2026-05-05T23:00'))).toEqual([
      { episode: 19, at: kst('2026-05-04T20:50') },
      { episode: 20, at: kst('2026-05-05T20:50') },
    ]);
  });
});

describe('planReminders', () => {
  it('turned on mid-run: nothing from before, then the next episode when it starts', () => {
    const now = kst('2026-03-09T12:00');
    const first = run(now);
    expect(first.due).toEqual([]);
    expect(first.missed).toEqual([]);
    expect(first.next).toMatchObject({ episode: 3, at: kst('2026-03-09T20:50') });
    expect(first.wakeAt).toBe(kst('2026-03-09T20:50'));

    const atStart = run(kst('2026-03-09T20:50'), first.log);
    expect(atStart.due.map((r) => r.episode)).toEqual([3]);
    // The worker restarts and runs again from the saved log: nothing is shown twice.
    expect(run(kst('2026-03-09T20:51'), atStart.log).due).toEqual([]);
    expect(run(kst('2026-03-09T20:51'), atStart.log).next).toMatchObject({ episode: 4 });
  });

  it('with a lead: due that many minutes before the start', () => {
    const first = run(kst('2026-03-09T12:00'), EMPTY_REMINDER_LOG, 15);
    expect(first.wakeAt).toBe(kst('2026-03-09T20:35'));
    expect(run(kst('2026-03-09T20:34'), first.log, 15).due).toEqual([]);
    expect(run(kst('2026-03-09T20:35'), first.log, 15).due.map((r) => r.remindAt)).toEqual([kst('2026-03-09T20:35')]);
  });

  it('browser closed for two weeks: one summary of the missed episodes, never shown again', () => {
    const first = run(kst('2026-03-09T12:00'));
    const back = run(kst('2026-03-23T12:00'), first.log);
    expect(back.due).toEqual([]);
    expect(back.missed.map((r) => r.episode)).toEqual([3, 4, 5, 6]);
    const again = run(kst('2026-03-23T12:05'), back.log);
    expect(again.missed).toEqual([]);
    expect(again.due).toEqual([]);
  });

  it('a few minutes late (the machine woke from sleep): still a reminder, not a miss', () => {
    const first = run(kst('2026-03-09T12:00'));
    expect(run(kst('2026-03-09T20:55'), first.log).due.map((r) => r.episode)).toEqual([3]);
    expect(run(kst('2026-03-09T21:05'), first.log).missed.map((r) => r.episode)).toEqual([3]);
  });

  it('no longer reminded, then reminded again: begins afresh', () => {
    const first = run(kst('2026-03-09T12:00'));
    const off = planReminders({ reminded: [], dramaOf, leadMinutes: 0, log: first.log, now: kst('2026-03-10T12:00') });
    expect(off.log.since).toEqual({});
    expect(off.wakeAt).toBeUndefined();
    const onAgain = run(kst('2026-03-17T12:00'), off.log);
    expect(onAgain.missed).toEqual([]);
    expect(onAgain.due).toEqual([]);
  });

  it('after the finale: nothing more, and a wake within a day to look again', () => {
    const plan = run(kst('2026-05-01T12:00'));
    expect(plan.next).toBeUndefined();
    expect(plan.wakeAt).toBe(kst('2026-05-02T12:00'));
  });
});

describe('notification text', () => {
  const display = { ...DEFAULT_SETTINGS.display, timeDisplay: 'both' as const, hourCycle: 12 as const };
  it('gives the local time and KST, right on both sides of a DST change in New York', () => {
    const zone = 'America/New_York';
    const before = {
      dramaId: drama.id,
      title: drama.title,
      network: 'tvN',
      episode: 1,
      at: kst('2026-03-02T20:50'),
      remindAt: 0,
    };
    const after = { ...before, episode: 3, at: kst('2026-03-09T20:50') };
    expect(reminderText(before, before.at - 10 * MINUTE, display, zone, en)).toEqual({
      title: 'Fixture Drama: episode 1',
      message: 'Starts in 10m on tvN, 6:50 AM (8:50 PM KST).',
    });
    // Clocks went forward on Sunday 8 March: the same KST slot is an hour later in New York.
    expect(reminderText(after, after.at, display, zone, en).message).toBe('On now on tvN, 7:50 AM (8:50 PM KST).');
    expect(reminderText(after, after.at, { ...display, timeDisplay: 'kst', hourCycle: 24 }, zone, en).message).toBe(
      'On now on tvN, 20:50 KST.',
    );
  });
  it('dates a time by the zone it is shown in (past midnight in Seoul is the day before in New York)', () => {
    const at = kst('2026-03-10T00:30');
    expect(formatAirTime(at, 'America/New_York', display, en)).toBe('Mon, Mar 9, 2026, 11:30 AM (12:30 AM KST)');
    expect(formatAirTime(at, 'America/New_York', { timeDisplay: 'kst', hourCycle: 24 }, en)).toBe(
      'Tue, Mar 10, 2026, 00:30 KST',
    );
    expect(formatAirTime(at, 'America/New_York', { timeDisplay: 'local', hourCycle: 24 }, en, false)).toBe('11:30');
  });
  it('sums up missed episodes in one notification', () => {
    const r = (episode: number, at: string) => ({
      dramaId: drama.id,
      title: drama.title,
      episode,
      at: kst(at),
      remindAt: 0,
    });
    const text = missedText([r(3, '2026-03-09T20:50'), r(4, '2026-03-10T20:50')], display, 'Asia/Seoul', en);
    expect(text.title).toBe('2 episodes aired while your browser was closed');
    expect(missedText([r(3, '2026-03-09T20:50')], display, 'Asia/Seoul', en).title).toBe(
      'An episode aired while your browser was closed',
    );
    expect(text.message).toBe(
      'Fixture Drama, episode 3: Mon, Mar 9, 2026, 8:50 PM KST\nFixture Drama, episode 4: Tue, Mar 10, 2026, 8:50 PM KST',
    );
  });
  it('in Korean: the catalogue’s words, Intl’s Korean clock', async () => {
    const r = {
      dramaId: drama.id,
      title: drama.title,
      network: 'tvN',
      episode: 1,
      at: kst('2026-03-02T20:50'),
      remindAt: 0,
    };
    await inCatalogue('ko', (ko) => {
      expect(
        reminderText(r, r.at - 10 * MINUTE, { ...display, timeDisplay: 'kst', hourCycle: 24 }, 'Asia/Seoul', ko),
      ).toEqual({
        title: 'Fixture Drama: 1회',
        message: 'tvN에서 10분 후 시작, 한국 시간 20:50.',
      });
      expect(missedText([r, { ...r, episode: 2 }], display, 'Asia/Seoul', ko).title).toBe(
        '브라우저가 닫혀 있는 동안 2개 회차가 방송되었습니다',
      );
    });
  });
});
