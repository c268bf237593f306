import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export interface CalendarExportProps {
  /** The followed dramas a calendar covers (dropped ones aside). */
  followed: string[];
  /** Writes the .ics of these dramas; resolves to what it held. */
  onExport: (dramaIds: string[]) => Promise<{ events: number; leftOut: string[] }>;
}

/** One .ics with every episode of the dramas you follow, for any calendar app. */
export function CalendarExport({ followed, onExport }: CalendarExportProps) {
  const [result, setResult] = useState<string>('');
  return (
    <div class="calendar-export">
      <div class="button-row">
        <button
          type="button"
          disabled={followed.length === 0}
          onClick={async () => {
            const { events, leftOut } = await onExport(followed);
            const included = followed.length - leftOut.length;
            const sentences = [
              t('options.calendar.saved', included, [String(events), String(included)]),
              ...(leftOut.length ? [t('options.calendar.leftOut', leftOut.length)] : []),
              t('options.calendar.updates'),
            ];
            setResult(events > 0 ? sentences.join(' ') : t('options.calendar.none'));
          }}
        >
          {t('options.calendar.button')}
        </button>
      </div>
      <p class="feedback" role="status" data-testid="calendar-feedback">
        {result}
      </p>
    </div>
  );
}
