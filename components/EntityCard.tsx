import { useState } from 'preact/hooks';
import type { EntityCardData } from '../lib/index/entity-card';
import { t } from '../lib/i18n';
import type { LibraryChange } from '../lib/messages';
import type { DisplaySettings } from '../lib/settings';
import { AirStatus } from './AirStatus';
import { followStatusLabel } from './FollowStatusSelect';
import { LibraryControls } from './LibraryControls';
import { NewsCard, formatPartialDate } from './NewsCard';

export interface EntityCardProps {
  card: EntityCardData;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
  /** Saves a follow, status, progress or mute at once; the card shows the new state when settings change. */
  onLibraryChange?: (change: LibraryChange) => void;
  /** Opens another entity's card (a cast chip, a drama in a filmography). */
  onSelectEntity?: (entityId: string) => void;
  /** id of the heading, for aria-labelledby on the surrounding dialog or region. */
  headingId?: string;
}

function period(premiere?: string, finale?: string): string | undefined {
  if (!premiere && !finale) return undefined;
  return t('card.period', [
    premiere ? formatPartialDate(premiere) : '?',
    finale ? formatPartialDate(finale) : t('card.ongoing'),
  ]);
}

/** Cast chips shown before "N more" (the main cast is always shown whole). */
export const CAST_PREVIEW = 6;
/** Dramas of a filmography shown before "N more": airing and upcoming first, then newest. */
export const FILMOGRAPHY_PREVIEW = 6;

/** The header, air time, cast or filmography, and fan news of one drama or person. */
export function EntityCard({
  card,
  display,
  viewerTimeZone,
  onLibraryChange,
  onSelectEntity,
  headingId,
}: EntityCardProps) {
  // Long lists start short: the main cast, the airing and newest dramas; the rest one click away.
  const [allCast, setAllCast] = useState(false);
  const [allDramas, setAllDramas] = useState(false);
  const [spoilersShown, setSpoilersShown] = useState(false);
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
  const cast = card.drama ? [...card.drama.mainCast, ...card.drama.supportingCast] : [];
  // Main cast always; supporting cast up to a short list until expanded.
  const castLimit = allCast ? cast.length : Math.max(card.drama?.mainCast.length ?? 0, CAST_PREVIEW);
  const castShown = cast.slice(0, castLimit);
  const castHidden = cast.length - castShown.length;
  const dramas = card.person?.dramas ?? [];
  const dramasShown = allDramas ? dramas : dramas.slice(0, FILMOGRAPHY_PREVIEW);
  const dramasHidden = dramas.length - dramasShown.length;
  return (
    <div class={`entity-card kind-${card.kind}`} data-entity-id={card.id}>
      <header class="card-header">
        <div>
          <h2 id={headingId} class="card-title">
            {card.name}
            {card.hangul && <span class="hangul"> {card.hangul}</span>}
          </h2>
          <p class="card-kind">
            {card.kind === 'drama' ? t('card.kindDrama') : t('card.kindActor')}
            {card.drama?.network && ` · ${[card.drama.network, ...card.drama.platforms].join(', ')}`}
            {card.drama &&
              period(card.drama.premiere, card.drama.finale) &&
              ` · ${period(card.drama.premiere, card.drama.finale)}`}
            {card.drama?.episodes && ` · ${t('card.episodes', card.drama.episodes)}`}
          </p>
        </div>
      </header>
      {onLibraryChange && <LibraryControls card={card} onChange={onLibraryChange} />}
      {card.muted && (
        <p class="muted-note" role="note">
          {t(card.kind === 'drama' ? 'card.mutedDrama' : 'card.mutedActor', [t('extName')])}
        </p>
      )}

      {card.drama && (
        <>
          <p class="card-air">
            <AirStatus air={card.drama.air} display={display} viewerTimeZone={viewerTimeZone} />
          </p>
          {castShown.length > 0 && (
            <section class="card-section" aria-label={t('card.cast')}>
              <h3 class="section-title">{t('card.cast')}</h3>
              <ul class="chips">
                {castShown.map((member) => (
                  <li
                    key={member.personId}
                    title={member.character ? t('card.asCharacter', [member.character]) : undefined}
                  >
                    {entityLink(member.personId, member.name)}
                  </li>
                ))}
                {castHidden > 0 && (
                  <li>
                    <button type="button" class="more" aria-expanded="false" onClick={() => setAllCast(true)}>
                      {t('card.moreCast', [String(castHidden)])}
                    </button>
                  </li>
                )}
              </ul>
            </section>
          )}
        </>
      )}

      {card.person && card.person.dramas.length > 0 && (
        <section class="card-section" aria-label={t('card.dramas')}>
          <h3 class="section-title">{t('card.dramas')}</h3>
          <ul class="filmography">
            {dramasShown.map((drama) => (
              <li key={drama.dramaId} data-drama-id={drama.dramaId}>
                <div class="filmography-title">
                  {entityLink(drama.dramaId, drama.title)}
                  {drama.character && <span class="muted"> {t('card.asCharacter', [drama.character])}</span>}
                  {drama.followStatus && <span class="status-tag"> {followStatusLabel(drama.followStatus)}</span>}
                </div>
                <div class="filmography-air">
                  <AirStatus air={drama.air} display={display} viewerTimeZone={viewerTimeZone} />
                </div>
              </li>
            ))}
          </ul>
          {dramasHidden > 0 && (
            <button type="button" class="more" aria-expanded="false" onClick={() => setAllDramas(true)}>
              {t('card.moreDramas', dramasHidden)}
            </button>
          )}
        </section>
      )}

      {(card.news.length > 0 || card.spoilers) && (
        <section class="card-section" aria-label={t('card.news')}>
          <h3 class="section-title">{t('card.news')}</h3>
          <div class="news-list">
            {card.spoilers && !spoilersShown && (
              <p class="spoiler-note" data-testid="spoiler-note">
                {t('card.spoilersHidden', card.spoilers.stories, [
                  String(card.spoilers.stories),
                  String(card.spoilers.afterEpisode),
                ])}{' '}
                <button type="button" class="more" onClick={() => setSpoilersShown(true)}>
                  {t('card.showSpoilers')}
                </button>
              </p>
            )}
            {card.spoilers &&
              spoilersShown &&
              card.spoilers.news.map((news) => <NewsCard key={news.storyId} news={news} />)}
            {card.news.map((news) => (
              <NewsCard key={news.storyId} news={news} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
