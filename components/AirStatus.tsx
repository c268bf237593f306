import { uiLocalizer } from '../lib/i18n';
import type { AirTime } from '../lib/schedule';
// The formatters alone: the hover card renders this component without carrying dayjs.
import { formatCountdown, formatDate, formatDateAndClock, markKst } from '../lib/schedule/format';
import type { DisplaySettings } from '../lib/settings';

export interface AirStatusProps {
  air: AirTime;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
}

const KST = 'Asia/Seoul';

/** One line on when a drama airs: next episode with countdown, or that it has finished. */
export function AirStatus({ air, display, viewerTimeZone }: AirStatusProps) {
  const l = uiLocalizer();
  const { t } = l;
  if (air.releasedAllAtOnce && air.premiere) {
    const date = formatDate(air.premiere.date, KST, l);
    return air.state === 'finished' ? (
      <span class="air air-finished">
        {air.episodesAired
          ? t('card.air.streamingCount', [String(air.episodesAired), date])
          : t('card.air.streamingAll', [date])}
      </span>
    ) : (
      <span class="air air-upcoming">
        <strong>{t('card.air.coming')}</strong> · {t('card.air.allRelease', [date])}
      </span>
    );
  }
  if (air.state === 'finished') {
    return (
      <span class="air air-finished">
        {t('card.air.finished')}
        {air.finale ? ` · ${t('card.air.finalEpisode', [formatDate(air.finale.date, KST, l)])}` : ''}
      </span>
    );
  }
  if (air.state === 'unknown' || !air.next) return <span class="air air-unknown">{t('card.air.unknown')}</span>;
  const { next } = air;
  const local = formatDateAndClock(next.at, viewerTimeZone, display.hourCycle, l);
  const kst = markKst(formatDateAndClock(next.at, KST, display.hourCycle, l), l);
  // A reader in Korea gets the KST time once (as formatAirTime does).
  const inKorea = display.timeDisplay === 'kst' || (display.timeDisplay === 'both' && viewerTimeZone === KST);
  const when = display.timeDisplay === 'local' ? local : inKorea ? kst : t('card.air.localAndKst', [local, kst]);
  return (
    <span class={`air air-${air.state}`}>
      <strong>
        {air.onAirNow
          ? t('card.air.onAirNow')
          : air.state === 'upcoming'
            ? t('card.air.premieres')
            : t('card.air.next')}
      </strong>
      {next.episode !== undefined ? ` · ${t('card.air.episode', [String(next.episode)])}` : ''} ·{' '}
      <time dateTime={new Date(next.at).toISOString()}>{when}</time>
      {air.onAirNow ? '' : <span class="countdown"> ({formatCountdown(next.startsInMs, l)})</span>}
      {air.skipped ? (
        <span class="air-note air-skipped">
          {' '}
          {t('card.air.noEpisode', [formatDate(air.skipped.date, KST, l)])}
          {air.skipped.reason ? ` (${air.skipped.reason})` : ''}
        </span>
      ) : null}
      {air.special ? (
        <span class="air-note air-special">
          {' '}
          {t('card.air.specialLine', [
            air.special.onAirNow ? t('card.air.onAirNow') : t('card.air.special'),
            air.special.title ?? t('card.air.specialUntitled'),
            markKst(formatDateAndClock(air.special.at, KST, display.hourCycle, l), l),
          ])}
        </span>
      ) : null}
    </span>
  );
}
