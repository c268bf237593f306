import { formatClock, formatDate } from '../../lib/schedule';
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
  const local = `${formatDate(next.at, viewerTimeZone)}, ${formatClock(next.at, viewerTimeZone, display.hourCycle)}`;
  const kst = `${formatClock(next.at, KST, display.hourCycle)} KST`;
  const kstWithDate = `${formatDate(next.at, KST)}, ${kst}`;
  // The reader's own time first; KST beside it (its date only when it differs from theirs). A
  // reader whose clock reads like Seoul's sees the time once.
  const sameAsKst = local === `${formatDate(next.at, KST)}, ${formatClock(next.at, KST, display.hourCycle)}`;
  const sameDay = formatDate(next.at, KST) === formatDate(next.at, viewerTimeZone);
  const when =
    display.timeDisplay === 'local'
      ? local
      : display.timeDisplay === 'kst' || sameAsKst
        ? kstWithDate
        : `${local} · ${sameDay ? kst : kstWithDate}`;
  const aired = 'airedThisWeek' in drama && drama.airedThisWeek;
  const what = aired ? 'Aired' : air.onAirNow ? 'On air now' : air.state === 'upcoming' ? 'Premiere' : 'Next';
  return (
    <li class="airing-row" data-drama-id={drama.dramaId}>
      <div class="airing-main">
        <button type="button" class="airing-title" onClick={() => onOpen(drama.dramaId)}>
          {drama.title}
          {drama.hangul && <span class="hangul"> {drama.hangul}</span>}
        </button>
        <span class={`countdown-pill${air.onAirNow ? ' is-live' : ''}${aired ? ' is-past' : ''}`}>
          {aired ? 'Aired' : air.onAirNow ? 'On air' : next.countdown}
        </span>
      </div>
      <p class="airing-when">
        <strong>{what}</strong>
        {next.episode !== undefined && ` · Ep ${next.episode}`} ·{' '}
        <time dateTime={new Date(next.at).toISOString()}>{when}</time>
      </p>
    </li>
  );
}
