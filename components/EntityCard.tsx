import type { EntityCardData } from '../lib/index/entity-card';
import type { DisplaySettings } from '../lib/settings';
import { AirStatus } from './AirStatus';
import { NewsCard, formatPartialDate } from './NewsCard';
import { TrackToggle } from './TrackToggle';

export interface EntityCardProps {
  card: EntityCardData;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
  /** Saves tracking at once; the card shows the new state when settings change. */
  onToggleTrack?: (dramaId: string, tracked: boolean) => void;
  /** Opens another entity's card (a cast chip, a drama in a filmography). */
  onSelectEntity?: (entityId: string) => void;
  /** id of the heading, for aria-labelledby on the surrounding dialog or region. */
  headingId?: string;
}

function period(premiere?: string, finale?: string): string | undefined {
  if (!premiere && !finale) return undefined;
  return `${premiere ? formatPartialDate(premiere) : '?'} – ${finale ? formatPartialDate(finale) : 'ongoing'}`;
}

/** The header, air time, cast or filmography, and fan news of one drama or person. */
export function EntityCard({
  card,
  display,
  viewerTimeZone,
  onToggleTrack,
  onSelectEntity,
  headingId,
}: EntityCardProps) {
  const entityLink = (id: string, label: string, hangul?: string) =>
    onSelectEntity ? (
      <button type="button" class="chip" onClick={() => onSelectEntity(id)}>
        {label}
        {hangul && <span class="hangul"> {hangul}</span>}
      </button>
    ) : (
      <span class="chip">
        {label}
        {hangul && <span class="hangul"> {hangul}</span>}
      </span>
    );
  return (
    <div class={`entity-card kind-${card.kind}`} data-entity-id={card.id}>
      <header class="card-header">
        <div>
          <h2 id={headingId} class="card-title">
            {card.name}
            {card.hangul && <span class="hangul"> {card.hangul}</span>}
          </h2>
          <p class="card-kind">
            {card.kind === 'drama' ? 'Drama' : 'Actor'}
            {card.drama?.network && ` · ${[card.drama.network, ...card.drama.platforms].join(', ')}`}
            {card.drama &&
              period(card.drama.premiere, card.drama.finale) &&
              ` · ${period(card.drama.premiere, card.drama.finale)}`}
            {card.drama?.episodes && ` · ${card.drama.episodes} episodes`}
          </p>
        </div>
        {card.drama && onToggleTrack && (
          <TrackToggle
            title={card.name}
            tracked={card.drama.tracked}
            onChange={(tracked) => onToggleTrack(card.id, tracked)}
          />
        )}
      </header>

      {card.drama && (
        <>
          <p class="card-air">
            <AirStatus air={card.drama.air} display={display} viewerTimeZone={viewerTimeZone} />
          </p>
          {card.drama.mainCast.length > 0 && (
            <section class="card-section" aria-label="Main cast">
              <h3 class="section-title">Cast</h3>
              <ul class="chips">
                {card.drama.mainCast.map((member) => (
                  <li key={member.personId} title={member.character ? `as ${member.character}` : undefined}>
                    {entityLink(member.personId, member.name)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {card.person && card.person.dramas.length > 0 && (
        <section class="card-section" aria-label="Dramas">
          <h3 class="section-title">Dramas</h3>
          <ul class="filmography">
            {card.person.dramas.map((drama) => (
              <li key={drama.dramaId} data-drama-id={drama.dramaId}>
                <div class="filmography-title">
                  {entityLink(drama.dramaId, drama.title)}
                  {drama.character && <span class="muted"> as {drama.character}</span>}
                </div>
                <div class="filmography-air">
                  <AirStatus air={drama.air} display={display} viewerTimeZone={viewerTimeZone} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {card.news.length > 0 && (
        <section class="card-section" aria-label="Fan news">
          <h3 class="section-title">Fan news</h3>
          <div class="news-list">
            {card.news.map((news) => (
              <NewsCard key={news.storyId} news={news} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
