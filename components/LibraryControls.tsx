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
  const kindWord = card.kind === 'drama' ? 'drama' : 'actor';
  return (
    <div class="library-controls" role="group" aria-label={`Your ${kindWord}: ${card.name}`}>
      {card.drama && (
        <FollowStatusSelect
          follow={follow}
          noneLabel="+ Follow"
          label={`Your status for ${card.name}`}
          {...(follow ? { class: 'is-following' } : {})}
          onChange={setFollow}
        />
      )}
      {follow && hasProgress(follow.status) && (
        <span class="progress" role="group" aria-label={`Episodes of ${card.name} watched`}>
          <button
            type="button"
            class="step"
            aria-label="One episode fewer watched"
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
            {follow.episode ? `Ep ${follow.episode}` : 'No ep'}
            {episodes ? ` / ${episodes}` : ''}
          </span>
          <button
            type="button"
            class="step"
            aria-label="One more episode watched"
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
        {card.muted ? 'Muted' : 'Mute'}
        <span class="visually-hidden"> {card.name}</span>
      </button>
    </div>
  );
}
