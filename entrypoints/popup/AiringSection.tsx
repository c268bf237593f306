import { t, uiLocalizer } from '../../lib/i18n';
import { formatClock, formatCountdown, formatDate, formatDateAndClock, markKst } from '../../lib/schedule/format';
import type { DisplaySettings } from '../../lib/settings';
import type { ComponentChildren } from 'preact';
import type { AiringDrama, WeekDrama } from './popup-model';

export interface AiringSectionProps {
  /** `airing` ("Airing next", followed dramas) or `week` ("On air in Korea this week", the catalog). */
  id: 'airing' | 'week';
  title: string;
  dramas: (AiringDrama | WeekDrama)[];
  /** What the section says when it lists nothing. */
  empty: ComponentChildren;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
  onOpen: (dramaId: string) => void;
  onOpenSettings: () => void;
}

const KST = 'Asia/Seoul';
/** Between the parts of a row's line and between the reader's time and Korea's. */
const SEPARATOR = ' · ';

/** A list of dramas with their next episode (or this week's), soonest first, with a countdown. */
export function AiringSection({ id, title, dramas, empty, display, viewerTimeZone, onOpen }: AiringSectionProps) {
  return (
    <section class="popup-section" aria-labelledby={`${id}-heading`} data-section={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {dramas.length === 0 ? (
        <p class="empty-state">{empty}</p>
      ) : (
        <ul class="airing-list">
          {dramas.map((drama) => (
            <AiringRow
              key={drama.dramaId}
              drama={drama}
              display={display}
              viewerTimeZone={viewerTimeZone}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AiringRow({
  drama,
  display,
  viewerTimeZone,
  onOpen,
}: { drama: AiringDrama } & Pick<AiringSectionProps, 'display' | 'viewerTimeZone' | 'onOpen'>) {
  const { air } = drama;
  const next = air.next!;
  const l = uiLocalizer();
  const local = formatDateAndClock(next.at, viewerTimeZone, display.hourCycle, l);
  const kstDated = formatDateAndClock(next.at, KST, display.hourCycle, l);
  const kst = markKst(formatClock(next.at, KST, display.hourCycle, l), l);
  const kstWithDate = markKst(kstDated, l);
  // The reader's own time first; KST beside it (its date only when it differs from theirs). A
  // reader whose clock reads like Seoul's sees the time once.
  const sameAsKst = local === kstDated;
  const sameDay = formatDate(next.at, KST, l) === formatDate(next.at, viewerTimeZone, l);
  const when =
    display.timeDisplay === 'local'
      ? local
      : display.timeDisplay === 'kst' || sameAsKst
        ? kstWithDate
        : `${local}${SEPARATOR}${sameDay ? kst : kstWithDate}`;
  const aired = 'airedThisWeek' in drama && drama.airedThisWeek;
  const what = aired
    ? t('popup.airing.aired')
    : air.onAirNow
      ? t('popup.airing.onAirNow')
      : air.state === 'upcoming'
        ? t('popup.airing.premiere')
        : t('popup.airing.next');
  return (
    <li class="airing-row" data-drama-id={drama.dramaId}>
      <div class="airing-main">
        <button type="button" class="airing-title" onClick={() => onOpen(drama.dramaId)}>
          {drama.title}
          {drama.hangul && <span class="hangul"> {drama.hangul}</span>}
        </button>
        <span class={`countdown-pill${air.onAirNow ? ' is-live' : ''}${aired ? ' is-past' : ''}`}>
          {aired
            ? t('popup.airing.aired')
            : air.onAirNow
              ? t('popup.airing.onAir')
              : formatCountdown(next.startsInMs, l)}
        </span>
      </div>
      <p class="airing-when">
        <strong>{what}</strong>
        {next.episode !== undefined && SEPARATOR + t('popup.airing.episode', [String(next.episode)])}
        {SEPARATOR}
        <time dateTime={new Date(next.at).toISOString()}>{when}</time>
      </p>
    </li>
  );
}
