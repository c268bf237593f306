import { useEffect, useRef } from 'preact/hooks';
import { EntityCard } from '../../components/EntityCard';
import { t } from '../../lib/i18n';
import type { EntityCardData } from '../../lib/index/entity-card';
import type { LibraryChange } from '../../lib/messages';
import type { DisplaySettings } from '../../lib/settings';

export interface CardPanelProps {
  /** The card; undefined while the background is asked; null for an id the index lacks. */
  card: EntityCardData | null | Error | undefined;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
  /** What Back returns to: the previous card, the search results or the overview. */
  backLabel: string;
  onBack: () => void;
  onSelectEntity: (entityId: string) => void;
  onLibraryChange: (change: LibraryChange) => void;
}

const HEADING_ID = 'card-heading';

/** The shared entity card (the hover card's components) with the popup's Back button. */
export function CardPanel({
  card,
  display,
  viewerTimeZone,
  backLabel,
  onBack,
  onSelectEntity,
  onLibraryChange,
}: CardPanelProps) {
  const region = useRef<HTMLElement>(null);
  const cardId = card && !(card instanceof Error) ? card.id : undefined;
  // A new card takes focus, so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    if (cardId) region.current?.focus();
  }, [cardId]);
  return (
    <section
      ref={region}
      class="card-panel"
      aria-labelledby={cardId ? HEADING_ID : undefined}
      aria-label={cardId ? undefined : t('popup.card.label')}
      aria-busy={card === undefined}
      tabIndex={-1}
    >
      <button type="button" class="back-button" onClick={onBack}>
        <span aria-hidden="true">←</span> {backLabel}
      </button>
      {card instanceof Error ? (
        <p class="empty-state" role="alert">
          {t('popup.card.error', [t('extName'), card.message])}
        </p>
      ) : card === null ? (
        <p class="empty-state">{t('popup.card.missing')}</p>
      ) : card ? (
        <EntityCard
          card={card}
          display={display}
          viewerTimeZone={viewerTimeZone}
          headingId={HEADING_ID}
          onSelectEntity={onSelectEntity}
          onLibraryChange={onLibraryChange}
        />
      ) : null}
    </section>
  );
}
