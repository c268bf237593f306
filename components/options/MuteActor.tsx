import { useMemo, useState } from 'preact/hooks';
import type { PersonEntry } from '../../lib/index/types';
import { createEntitySearch } from '../../lib/search/entity-search';
import { t } from '../../lib/i18n';

export interface MuteActorProps {
  /** Every person of the index; null while the index loads. */
  people: readonly PersonEntry[] | null;
  muted: readonly string[];
  onMute: (personId: string) => void;
}

/** Find an actor by any spelling or Hangul (the popup's search) and mute them. */
export function MuteActor({ people, muted, onMute }: MuteActorProps) {
  const [query, setQuery] = useState('');
  const search = useMemo(() => (people ? createEntitySearch({ dramas: [], people: [...people] }) : null), [people]);
  const results = search && query.trim() ? search.search(query) : [];
  return (
    <div class="mute-actor">
      <label class="field">
        <span>{t('options.muteActor.label')}</span>
        <input
          type="text"
          placeholder={people ? t('options.muteActor.placeholder') : t('options.muteActor.loading')}
          disabled={!people}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {results.length > 0 && (
        <ul class="mute-actor-results" aria-label={t('options.muteActor.results')}>
          {results.map((result) => (
            <li key={result.entityId} data-person-id={result.entityId}>
              <span>
                {result.label}
                {result.hangul && <span class="hangul"> {result.hangul}</span>}
              </span>{' '}
              <button
                type="button"
                class="small"
                disabled={muted.includes(result.entityId)}
                aria-label={t(
                  muted.includes(result.entityId) ? 'options.common.mutedNamed' : 'options.common.muteNamed',
                  [result.label],
                )}
                onClick={() => {
                  onMute(result.entityId);
                  setQuery('');
                }}
              >
                {muted.includes(result.entityId) ? t('options.common.muted') : t('options.common.mute')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
