import { useEffect, useState } from 'preact/hooks';
import type { ReminderOverview } from '../../lib/messages';
import { isReminded } from '../../lib/reminders/plan';
import { formatAirTime, formatCountdown } from '../../lib/schedule/format';
import { episodeName } from '../../lib/reminders/notification-text';
import { withFollow, type Follows } from '../../lib/settings/library';
import {
  REMINDER_LEAD_MINUTES,
  type DisplaySettings,
  type ReminderLead,
  type ReminderSettings as Reminders,
  type Settings,
} from '../../lib/settings';
import { t, uiLocalizer } from '../../lib/i18n';
import { followStatusLabel } from '../FollowStatusSelect';

export interface ReminderEnvironment {
  /** Asks the browser for the notifications permission (a prompt); resolves to whether it is granted. */
  requestPermission: () => Promise<boolean>;
  /** What the background reminds and has reminded. */
  overview: () => Promise<ReminderOverview | null>;
  /** Calls back when the background showed reminders (the recent list changed). */
  watchShown: (onShown: () => void) => () => void;
}

export interface ReminderSettingsProps {
  reminders: Reminders;
  follows: Follows;
  display: DisplaySettings;
  timeZone: string;
  now: () => number;
  titleOf: (dramaId: string) => string | undefined;
  env: ReminderEnvironment;
  onChange: (patch: Partial<Settings>) => Promise<string | undefined>;
}

/** "As it starts", "10 minutes before", "1 hour before", in the reader's language. */
function leadLabel(lead: ReminderLead): string {
  if (lead === 0) return t('options.reminders.leadAtStart');
  if (lead === 60) return t('options.reminders.leadHour');
  return t('options.reminders.leadMinutes', [String(lead)]);
}

/** Episode reminders: the default for dramas being watched or planned, the lead, and each followed drama's own choice. */
export function ReminderSettings({
  reminders,
  follows,
  display,
  timeZone,
  now,
  titleOf,
  env,
  onChange,
}: ReminderSettingsProps) {
  const [overview, setOverview] = useState<ReminderOverview | null>(null);
  const [feedback, setFeedback] = useState('');
  const [shown, setShown] = useState(0);
  useEffect(() => env.watchShown(() => setShown((n) => n + 1)), [env]);
  useEffect(() => {
    let current = true;
    void env.overview().then((next) => current && setOverview(next));
    return () => {
      current = false;
    };
  }, [reminders, follows, shown]);

  /** Turning a reminder on asks for the permission first (it needs this click); refused, nothing changes. */
  const change = async (patch: Partial<Settings>, turnsOn: boolean) => {
    if (turnsOn && !overview?.permitted && !(await env.requestPermission())) {
      setFeedback(t('options.reminders.refused'));
      return;
    }
    setFeedback((await onChange(patch)) ?? '');
  };
  const l = uiLocalizer();
  const at = (instant: number) => formatAirTime(instant, timeZone, display, l);
  const followed = Object.keys(follows)
    .filter((id) => titleOf(id))
    .sort((a, b) => titleOf(a)!.localeCompare(titleOf(b)!));
  const anyOn = followed.some((id) => isReminded(follows[id], reminders));

  return (
    <div class="reminder-settings">
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={reminders.byDefault}
          onChange={(e) => {
            const byDefault = e.currentTarget.checked;
            e.currentTarget.checked = reminders.byDefault; // shown once saved
            void change({ reminders: { ...reminders, byDefault } }, byDefault);
          }}
        />
        <span>
          <strong>{t('options.reminders.byDefault')}</strong>
          <span class="muted"> {t('options.reminders.byDefaultHint')}</span>
        </span>
      </label>
      <div class="field reminder-lead">
        <label for="reminder-lead">{t('options.reminders.when')}</label>
        <select
          id="reminder-lead"
          value={String(reminders.leadMinutes)}
          onChange={(e) =>
            void change(
              { reminders: { ...reminders, leadMinutes: Number(e.currentTarget.value) as ReminderLead } },
              false,
            )
          }
        >
          {REMINDER_LEAD_MINUTES.map((lead) => (
            <option key={lead} value={String(lead)}>
              {leadLabel(lead)}
            </option>
          ))}
        </select>
      </div>
      {overview && !overview.permitted && anyOn && (
        <div class="notice" role="alert" data-testid="reminder-permission">
          <p>{t('options.reminders.notPermitted', [t('extName')])}</p>
          <button type="button" class="small" onClick={() => void change({}, true)}>
            {t('options.reminders.allow')}
          </button>
        </div>
      )}
      {followed.length === 0 ? (
        <p class="muted">{t('options.reminders.followFirst')}</p>
      ) : (
        <fieldset class="reminder-dramas">
          <legend>{t('options.reminders.remindOf')}</legend>
          {followed.map((id) => {
            const on = isReminded(follows[id], reminders);
            return (
              <label key={id} class="switch-row" data-reminder-for={id}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const remind = e.currentTarget.checked;
                    e.currentTarget.checked = on;
                    void change({ follows: withFollow(follows, id, { ...follows[id], remind }) }, remind);
                  }}
                />
                <span>
                  {titleOf(id)} <span class="muted">· {followStatusLabel(follows[id].status)}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      <p class="next-reminder" role="status" data-testid="next-reminder">
        {overview?.permitted && overview.next
          ? t('options.reminders.next', [
              overview.next.title,
              episodeName(overview.next, l),
              at(overview.next.at),
              formatCountdown(overview.next.remindAt - now(), l),
            ])
          : overview?.permitted && anyOn
            ? t('options.reminders.noneScheduled')
            : ''}
      </p>
      {overview && overview.recent.length > 0 && (
        <div class="recent-reminders">
          <h3>{t('options.reminders.latest')}</h3>
          <ul data-testid="recent-reminders">
            {overview.recent.map((r) => (
              <li key={`${r.dramaId}-${r.at}`}>
                <strong>
                  {r.title}, {episodeName(r, l)}
                </strong>{' '}
                <span class="muted">
                  {r.missed
                    ? t('options.reminders.missed')
                    : r.network
                      ? t('options.reminders.onNetwork', [r.network])
                      : ''}{' '}
                  · {at(r.at)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="feedback" role="status" data-testid="reminder-feedback">
        {feedback}
      </p>
    </div>
  );
}
