import { formatClock, formatDate } from '../../lib/schedule';
import type { DisplaySettings, TimeDisplay } from '../../lib/settings';

export interface TimeSettingsProps {
  display: DisplaySettings;
  viewerTimeZone: string;
  onChange: (display: DisplaySettings) => void;
}

const KST = 'Asia/Seoul';
// A Saturday 11 p.m. KST broadcast, the slot of many weekend dramas.
const EXAMPLE_AIR_TIME = Date.UTC(2026, 0, 3, 14, 0);

const TIME_DISPLAYS: { value: TimeDisplay; label: string }[] = [
  { value: 'both', label: 'Both' },
  { value: 'local', label: 'My time zone' },
  { value: 'kst', label: 'Korea (KST)' },
];

/** Air times in local time, KST or both, on a 12- or 24-hour clock, with an example. */
export function TimeSettings({ display, viewerTimeZone, onChange }: TimeSettingsProps) {
  const at = (timeZone: string) =>
    `${formatDate(EXAMPLE_AIR_TIME, timeZone)}, ${formatClock(EXAMPLE_AIR_TIME, timeZone, display.hourCycle)}`;
  const example =
    display.timeDisplay === 'local'
      ? at(viewerTimeZone)
      : display.timeDisplay === 'kst'
        ? `${at(KST)} KST`
        : `${at(viewerTimeZone)} · ${at(KST)} KST`;
  return (
    <div class="time-settings">
      <fieldset class="segmented">
        <legend>Show air times in</legend>
        {TIME_DISPLAYS.map(({ value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name="time-display"
              value={value}
              checked={display.timeDisplay === value}
              onChange={() => onChange({ ...display, timeDisplay: value })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="segmented">
        <legend>Clock</legend>
        {([12, 24] as const).map((hourCycle) => (
          <label key={hourCycle}>
            <input
              type="radio"
              name="hour-cycle"
              value={hourCycle}
              checked={display.hourCycle === hourCycle}
              onChange={() => onChange({ ...display, hourCycle })}
            />
            <span>{hourCycle === 12 ? '12-hour (11:00 PM)' : '24-hour (23:00)'}</span>
          </label>
        ))}
      </fieldset>
      <p class="example" data-testid="time-example">
        <span class="muted">Example: </span>
        {example}
        <span class="muted"> (your time zone: {viewerTimeZone})</span>
      </p>
    </div>
  );
}
