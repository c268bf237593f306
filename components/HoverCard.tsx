import { t } from '../lib/i18n';
import type { EntityCardData } from '../lib/index/entity-card';
import type { LibraryChange } from '../lib/messages';
import type { DisplaySettings } from '../lib/settings';
import { EntityCard } from './EntityCard';

export type HoverCardState =
  { status: 'loading'; name: string } | { status: 'ready'; card: EntityCardData } | { status: 'error'; name: string };

export interface HoverCardProps {
  state: HoverCardState;
  display: DisplaySettings;
  viewerTimeZone: string;
  onLibraryChange: (change: LibraryChange) => void;
  onSelectEntity: (entityId: string) => void;
  onClose: () => void;
}

const HEADING_ID = 'dramalens-card-heading';

/** The card on the page: a non-modal dialog around the shared entity card. */
export function HoverCard({
  state,
  display,
  viewerTimeZone,
  onLibraryChange,
  onSelectEntity,
  onClose,
}: HoverCardProps) {
  return (
    <div class="hover-card" role="dialog" aria-modal="false" aria-labelledby={HEADING_ID} tabIndex={-1}>
      <button type="button" class="close" aria-label={t('card.close')} onClick={onClose}>
        ×
      </button>
      {state.status === 'ready' ? (
        <EntityCard
          card={state.card}
          display={display}
          viewerTimeZone={viewerTimeZone}
          onLibraryChange={onLibraryChange}
          onSelectEntity={onSelectEntity}
          headingId={HEADING_ID}
        />
      ) : (
        <div class="card-pending">
          <h2 id={HEADING_ID} class="card-title">
            {state.name}
          </h2>
          <p class="muted">{state.status === 'loading' ? t('card.loading') : t('card.loadError', [t('extName')])}</p>
        </div>
      )}
      <p class="card-footer">{t('extName')}</p>
    </div>
  );
}
