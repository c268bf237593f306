import { t } from '../lib/i18n';
import type { EntityCardData } from '../lib/index/entity-card';
import type { LibraryChange } from '../lib/messages';
import { hasProgress, type Follow } from '../lib/settings/library';
import { FollowStatusSelect } from './FollowStatusSelect';

export interface LibraryControlsProps {
  card: EntityCardData;
  onChange: (change: LibraryChange) => void;
}

/** The card's own controls: follow a drama with a status and progress, mute a drama or a person. */
export function LibraryControls({ card, onChange }: LibraryControlsProps) {
  const follow = card.drama?.follow;
  const episodes = card.drama?.episodes;
  const setFollow = (next: Follow | null) => onChange({ change: 'follow', dramaId: card.id, follow: next });
  return (
    <div
      class="library-controls"
      role="group"
      aria-label={t(card.kind === 'drama' ? 'card.library.yourDrama' : 'card.library.yourActor', [card.name])}
    >
      {card.drama && (
        <FollowStatusSelect
          follow={follow}
          noneLabel={t('card.library.follow')}
          label={t('card.library.statusFor', [card.name])}
          {...(follow ? { class: 'is-following' } : {})}
          onChange={setFollow}
        />
      )}
      {follow && hasProgress(follow.status) && (
        <span class="progress" role="group" aria-label={t('card.library.progressOf', [card.name])}>
          <button
            type="button"
            class="step"
            aria-label={t('card.library.episodeFewer')}
            disabled={!follow.episode}
            onClick={() =>
              setFollow(
                follow.episode && follow.episode > 1
                  ? { ...follow, episode: follow.episode - 1 }
                  : { status: follow.status },
              )
            }
          >
            −
          </button>
          <span class="progress-text" data-testid="progress">
            {follow.episode
              ? t('card.library.progressEpisode', [String(follow.episode)])
              : t('card.library.progressNone')}
            {episodes ? ` / ${episodes}` : ''}
          </span>
          <button
            type="button"
            class="step"
            aria-label={t('card.library.episodeMore')}
            disabled={episodes !== undefined && (follow.episode ?? 0) >= episodes}
            onClick={() => setFollow({ ...follow, episode: (follow.episode ?? 0) + 1 })}
          >
            +
          </button>
        </span>
      )}
      <button
        type="button"
        class={`mute-toggle ${card.muted ? 'is-muted' : ''}`}
        aria-pressed={card.muted}
        onClick={() => onChange({ change: 'mute', kind: card.kind, id: card.id, muted: !card.muted })}
      >
        {card.muted ? t('card.library.muted') : t('card.library.mute')}
        <span class="visually-hidden"> {card.name}</span>
      </button>
    </div>
  );
}
