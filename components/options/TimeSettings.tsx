import { formatClock, formatDateAndClock, markKst } from '../../lib/schedule/format';
import type { DisplaySettings, TimeDisplay } from '../../lib/settings';
import { t, uiLocalizer } from '../../lib/i18n';

export interface TimeSettingsProps {
  display: DisplaySettings;
  viewerTimeZone: string;
  onChange: (display: DisplaySettings) => void;
}

const KST = 'Asia/Seoul';
// A Saturday 11 p.m. KST broadcast, the slot of many weekend dramas.
const EXAMPLE_AIR_TIME = Date.UTC(2026, 0, 3, 14, 0);

const TIME_DISPLAYS: TimeDisplay[] = ['both', 'local', 'kst'];

function timeDisplayLabel(value: TimeDisplay): string {
  switch (value) {
    case 'both':
      return t('options.time.both');
    case 'local':
      return t('options.time.local');
    case 'kst':
      return t('options.time.kst');
  }
}

/** Air times in local time, KST or both, on a 12- or 24-hour clock, with an example. */
export function TimeSettings({ display, viewerTimeZone, onChange }: TimeSettingsProps) {
  const l = uiLocalizer();
  const at = (timeZone: string) => formatDateAndClock(EXAMPLE_AIR_TIME, timeZone, display.hourCycle, l);
  const example =
    display.timeDisplay === 'local'
      ? at(viewerTimeZone)
      : display.timeDisplay === 'kst'
        ? markKst(at(KST), l)
        : `${at(viewerTimeZone)} · ${markKst(at(KST), l)}`;
  // The clock choices show the example's KST time (11 p.m.) on each clock.
  const clockLabel = (hourCycle: 12 | 24) =>
    t(hourCycle === 12 ? 'options.time.hour12' : 'options.time.hour24', [
      formatClock(EXAMPLE_AIR_TIME, KST, hourCycle, l),
    ]);
  return (
    <div class="time-settings">
      <fieldset class="segmented">
        <legend>{t('options.time.showIn')}</legend>
        {TIME_DISPLAYS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="time-display"
              value={value}
              checked={display.timeDisplay === value}
              onChange={() => onChange({ ...display, timeDisplay: value })}
            />
            <span>{timeDisplayLabel(value)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="segmented">
        <legend>{t('options.time.clock')}</legend>
        {([12, 24] as const).map((hourCycle) => (
          <label key={hourCycle}>
            <input
              type="radio"
              name="hour-cycle"
              value={hourCycle}
              checked={display.hourCycle === hourCycle}
              onChange={() => onChange({ ...display, hourCycle })}
            />
            <span>{clockLabel(hourCycle)}</span>
          </label>
        ))}
      </fieldset>
      <p class="example" data-testid="time-example">
        <span class="muted">{t('options.time.example')} </span>
        {example}
        <span class="muted"> {t('options.time.yourZone', [viewerTimeZone])}</span>
      </p>
    </div>
  );
}
