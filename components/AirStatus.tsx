import type { AirTime } from '../lib/schedule';
// The formatters alone: the hover card renders this component without carrying dayjs.
import { formatClock, formatDate } from '../lib/schedule/format';
import type { DisplaySettings } from '../lib/settings';

export interface AirStatusProps {
  air: AirTime;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
}

const KST = 'Asia/Seoul';

/** One line on when a drama airs: next episode with countdown, or that it has finished. */
export function AirStatus({ air, display, viewerTimeZone }: AirStatusProps) {
  if (air.releasedAllAtOnce && air.premiere) {
    const date = formatDate(air.premiere.date, KST);
    return air.state === 'finished' ? (
      <span class="air air-finished">
        Streaming · all {air.episodesAired ? `${air.episodesAired} ` : ''}episodes released {date}
      </span>
    ) : (
      <span class="air air-upcoming">
        <strong>Coming</strong> · all episodes release {date}
      </span>
    );
  }
  if (air.state === 'finished') {
    return (
      <span class="air air-finished">
        Finished{air.finale ? ` · final episode ${formatDate(air.finale.date, KST)}` : ''}
      </span>
    );
  }
  if (air.state === 'unknown' || !air.next) return <span class="air air-unknown">Air times unknown</span>;
  const { next } = air;
  const local = `${formatDate(next.at, viewerTimeZone)}, ${formatClock(next.at, viewerTimeZone, display.hourCycle)}`;
  const kst = `${formatDate(next.at, KST)}, ${formatClock(next.at, KST, display.hourCycle)} KST`;
  const when = display.timeDisplay === 'local' ? local : display.timeDisplay === 'kst' ? kst : `${local} · ${kst}`;
  return (
    <span class={`air air-${air.state}`}>
      <strong>{air.onAirNow ? 'On air now' : air.state === 'upcoming' ? 'Premieres' : 'Next'}</strong>
      {next.episode !== undefined ? ` · Ep ${next.episode}` : ''} ·{' '}
      <time dateTime={new Date(next.at).toISOString()}>{when}</time>
      {air.onAirNow ? '' : <span class="countdown"> ({next.countdown})</span>}
      {air.skipped ? (
        <span class="air-note air-skipped">
          {' '}
          No episode {formatDate(air.skipped.date, KST)}
          {air.skipped.reason ? ` (${air.skipped.reason})` : ''}
        </span>
      ) : null}
      {air.special ? (
        <span class="air-note air-special">
          {' '}
          {air.special.onAirNow ? 'On air now' : 'Special'}: {air.special.title ?? 'a special broadcast'},{' '}
          {formatDate(air.special.at, KST)}, {formatClock(air.special.at, KST, display.hourCycle)} KST
        </span>
      ) : null}
    </span>
  );
}
