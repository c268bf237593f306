import { useState } from 'preact/hooks';

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
            const skipped = leftOut.length
              ? ` ${leftOut.length} ${leftOut.length === 1 ? 'drama has' : 'dramas have'} no episode dates yet and ${leftOut.length === 1 ? 'is' : 'are'} not in it.`
              : '';
            setResult(
              events > 0
                ? `Calendar saved: ${events} episodes of ${followed.length - leftOut.length} ${followed.length - leftOut.length === 1 ? 'drama' : 'dramas'}, in Korean time.${skipped} Importing a newer one updates these events.`
                : `None of the dramas you follow has episode dates yet: no calendar was saved.`,
            );
          }}
        >
          Calendar of my dramas (.ics)…
        </button>
      </div>
      <p class="feedback" role="status" data-testid="calendar-feedback">
        {result}
      </p>
    </div>
  );
}
