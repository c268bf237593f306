/// <reference types="chrome" />
// Episode reminders as a reader lives them, with "now" pinned and the reader in New York:
// turned on in the options page, a notification when tvN's Siren's Kiss (Mondays and Tuesdays,
// 20:50 KST, from 2 March 2026) starts, never twice after a restart of the worker or the browser,
// one summary of what aired while the browser was closed (across New York's switch to daylight
// time on 8 March), and a click that opens the drama's card.
//
// The browser asks the reader before it grants the optional notifications permission, and no
// test can answer that prompt (microsoft/playwright#32755). Chromium: a copy of the build with
// the permission required, so it is granted at install. Firefox: the stock build, with the
// preference that grants optional permissions without a prompt, so the options page's real
// request is what grants it.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  BROWSER,
  EXTENSION_DIRS,
  launchWithExtension,
  pinNow,
  screenshot,
  type ExtensionSession,
  type LaunchOptions,
} from '../../scripts/browser/harness';

const ZONE = 'America/New_York';
const DRAMA = 'sirens-kiss';
const kst = (local: string) => `${local}+09:00`;
/** An alarm fires on the browser's own clock: on a busy 2-core CI machine Firefox can take well over 5 s. */
const REMINDER_WAIT_MS = 20_000;

let profileDir: string;
let chromiumCopy: string | undefined;
let session: ExtensionSession;

async function launch(): Promise<ExtensionSession> {
  const options: LaunchOptions = { timeZone: ZONE, profileDir };
  if (BROWSER === 'chromium') options.extensionDir = chromiumCopy;
  else options.firefoxPrefs = { 'extensions.webextOptionalPermissionPrompts': false };
  return launchWithExtension(options);
}

/** Runs `fn` with extension privileges (Chromium: the service worker; Firefox: an extension tab). */
async function privileged<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  return (await session.privileged()).evaluate(fn as never, arg) as Promise<T>;
}

interface Shown {
  dramaId: string;
  episode?: number;
  at: number;
  missed: boolean;
}
const recentReminders = () =>
  privileged(
    async () => ((await chrome.storage.local.get('reminders:recent'))['reminders:recent'] ?? []) as Shown[],
    0,
  );
/**
 * The notifications the extension showed. Chromium keeps them (getAll); headless Firefox has no
 * notification service and closes each one as soon as it is created, so there the extension's
 * own onClosed event, heard in the privileged tab, is the record that it was shown.
 */
async function notificationIds(): Promise<string[]> {
  if (BROWSER === 'chromium') return privileged(async () => Object.keys(await chrome.notifications.getAll()), 0);
  return privileged(async () => (globalThis as { seenNotifications?: string[] }).seenNotifications ?? [], 0);
}
async function listenForNotifications() {
  if (BROWSER !== 'firefox') return;
  await privileged(async () => {
    const scope = globalThis as { seenNotifications?: string[] };
    if (scope.seenNotifications) return;
    scope.seenNotifications = [];
    chrome.notifications.onClosed.addListener((id) => scope.seenNotifications!.push(id));
  }, 0);
}

async function openReminders(): Promise<Page> {
  const { page } = await session.openExtensionPage('options.html#reminders');
  await page.locator('#reminders').waitFor();
  return page;
}

beforeAll(async () => {
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'dramalens-reminders-profile-'));
  if (BROWSER === 'chromium') {
    chromiumCopy = await mkdtemp(path.join(os.tmpdir(), 'dramalens-reminders-build-'));
    await cp(EXTENSION_DIRS.chromium, chromiumCopy, { recursive: true });
    const manifestFile = path.join(chromiumCopy, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    expect(manifest.optional_permissions).toEqual(['notifications']);
    manifest.permissions.push('notifications');
    delete manifest.optional_permissions;
    await writeFile(manifestFile, JSON.stringify(manifest));
  }
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await rm(profileDir, { recursive: true, force: true });
  if (chromiumCopy) await rm(chromiumCopy, { recursive: true, force: true });
});

describe('episode reminders', () => {
  it('turned on in the options page: the dramas being watched are reminded, with the next reminder in New York time and KST', async () => {
    // Monday 2 March 2026, noon in Seoul; episode 1 airs tonight at 20:50 KST (06:50 in New York).
    await pinNow(session, kst('2026-03-02T12:00:00'));
    // The reader follows Siren's Kiss (watching) and has finished Undercover Miss Hong.
    await privileged(
      (list) => chrome.storage.sync.set({ follows: { list, overflow: 0 } }),
      `${DRAMA}:w,undercover-miss-hong:c`,
    );
    const page = await openReminders();
    const section = page.locator('#reminders');
    const dramaBox = (id: string) => section.locator(`[data-reminder-for="${id}"] input`);
    await expect.poll(() => dramaBox(DRAMA).isChecked()).toBe(false);

    await section.getByRole('switch', { name: /Remind me when an episode starts/ }).click();
    await section.getByLabel('When', { exact: true }).selectOption({ label: '10 minutes before' });
    await expect.poll(() => dramaBox(DRAMA).isChecked()).toBe(true);
    expect(await dramaBox('undercover-miss-hong').isChecked()).toBe(false);
    await expect
      .poll(() => section.getByTestId('next-reminder').textContent())
      .toBe("Next reminder: Siren's Kiss, episode 1, Mon, Mar 2, 2026, 6:50 AM (8:50 PM KST), in 8h 40m.");
    const stored = await privileged(async () => chrome.storage.sync.get('reminders'), 0);
    expect(stored.reminders).toEqual({ byDefault: true, leadMinutes: 10 });

    // One alarm, set for 8 h 40 min from now (alarms run on the real clock).
    const alarm = await privileged(async () => {
      const found = await chrome.alarms.get('dramalens-reminders');
      return found && { inMinutes: (found.scheduledTime - Date.now()) / 60_000 };
    }, 0);
    expect(alarm?.inMinutes).toBeGreaterThan(8 * 60 + 38);
    expect(alarm?.inMinutes).toBeLessThanOrEqual(8 * 60 + 40);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'reminders-options');
    await page.close();
  });

  it('shows one notification when the reminder is due, and none again after the worker or the browser restarts', async () => {
    expect(await recentReminders()).toEqual([]);
    await listenForNotifications();
    await pinNow(session, kst('2026-03-02T20:40:30'));
    await expect.poll(recentReminders, { timeout: REMINDER_WAIT_MS }).toHaveLength(1);
    const [shown] = await recentReminders();
    expect(shown).toMatchObject({
      dramaId: DRAMA,
      episode: 1,
      missed: false,
      at: Date.parse(kst('2026-03-02T20:50:00')),
    });
    expect(await notificationIds()).toEqual([`dramalens-remind:${DRAMA}:${DRAMA}#1`]);

    if (session.browser === 'chromium') {
      // Chromium runs the background as a service worker that can stop at any time: a new one
      // starts (here woken by the options page) and plans again from the stored log.
      const page = await openReminders();
      await session.stopServiceWorker(page);
      await page.reload();
      await expect
        .poll(() => page.getByTestId('next-reminder').textContent())
        .toContain("Siren's Kiss, episode 2, Tue, Mar 3, 2026, 6:50 AM (8:50 PM KST)");
      await page.close();
      expect(await recentReminders()).toHaveLength(1);
    }
    // Firefox keeps one background page; a browser restart starts it again, as it does Chromium's worker.
    await session.close();
    session = await launch();
    await openReminders().then((page) => page.close());
    expect(await recentReminders()).toHaveLength(1);
  });

  it('after two weeks with the browser closed: one summary of the episodes missed, across the DST change, never repeated', async () => {
    await session.close();
    // The pinned clock lives in the profile: the browser comes back two weeks later, Monday 16
    // March at noon in Seoul. Episodes 2, 3 and 4 aired meanwhile (3, 9 and 10 March).
    session = await launch();
    await listenForNotifications();
    await pinNow(session, kst('2026-03-16T12:00:00'));
    await expect.poll(recentReminders, { timeout: REMINDER_WAIT_MS }).toHaveLength(4);
    const missed = (await recentReminders()).filter((r) => r.missed);
    expect(missed.map((r) => r.episode).sort()).toEqual([2, 3, 4]);
    expect((await notificationIds()).filter((id) => id.startsWith('dramalens-missed:'))).toHaveLength(1);

    const page = await openReminders();
    const list = page.getByTestId('recent-reminders');
    // New York moved its clocks on Sunday 8 March: the same 20:50 KST slot reads an hour later.
    await expect.poll(() => list.textContent()).toContain('Tue, Mar 3, 2026, 6:50 AM (8:50 PM KST)');
    expect(await list.textContent()).toContain('Mon, Mar 9, 2026, 7:50 AM (8:50 PM KST)');
    expect(await list.textContent()).toContain("Siren's Kiss, episode 4 aired while the browser was closed");
    await page.locator('#reminders').scrollIntoViewIfNeeded();
    await screenshot(page, 'reminders-missed');
    await page.close();

    await session.close();
    session = await launch();
    await openReminders().then((p) => p.close());
    expect(await recentReminders()).toHaveLength(4);
  });

  it("a click on a reminder opens the drama's card in an extension page", async () => {
    const id = `dramalens-remind:${DRAMA}:${DRAMA}#1`;
    const [page] = await Promise.all([
      session.context.waitForEvent('page'),
      privileged(async (notification) => {
        type Seam = { __dramalensNotificationClicked: (id: string) => Promise<void> };
        const background = (typeof chrome.runtime.getBackgroundPage === 'function' && !('serviceWorker' in globalThis)
          ? await chrome.runtime.getBackgroundPage()
          : globalThis) as unknown as Seam;
        await background.__dramalensNotificationClicked(notification);
      }, id),
    ]);
    await page.waitForURL(/popup\.html\?card=sirens-kiss$/, { waitUntil: 'commit' });
    await expect.poll(() => page.locator('h2, h3').first().textContent(), { timeout: 5000 }).toContain("Siren's Kiss");
    await screenshot(page, 'reminders-opened-card');
  });

  it('a drama followed mid-run is reminded from its next episode only', async () => {
    // Monday 16 March, noon in Seoul. Bloody Flower (Disney+, Wednesdays 17:00 KST from 4
    // February, 8 episodes) has put out episodes 1 to 6; the reader starts following it now.
    await privileged(
      (list) => chrome.storage.sync.set({ follows: { list, overflow: 0 } }),
      `bloody-flower:w,${DRAMA}:w,undercover-miss-hong:c`,
    );
    await listenForNotifications();
    const page = await openReminders();
    await expect.poll(() => page.locator('[data-reminder-for="bloody-flower"] input').isChecked()).toBe(true);
    await page.close();
    // Wednesday 18 March, ten minutes before episode 7 (17:00 KST, 04:00 in New York).
    await pinNow(session, kst('2026-03-18T16:50:30'));
    await expect
      .poll(async () => (await recentReminders()).filter((r) => r.dramaId === 'bloody-flower'), {
        timeout: REMINDER_WAIT_MS,
      })
      .toEqual([expect.objectContaining({ episode: 7, missed: false })]);
    expect(await notificationIds()).toContain('dramalens-remind:bloody-flower:bloody-flower#7');
  });
});
