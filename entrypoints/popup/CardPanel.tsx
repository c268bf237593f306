import { useEffect, useRef } from 'preact/hooks';
import { EntityCard } from '../../components/EntityCard';
import type { EntityCardData } from '../../lib/index/entity-card';
import type { DisplaySettings } from '../../lib/settings';

export interface CardPanelProps {
  card: EntityCardData;
  display: Pick<DisplaySettings, 'timeDisplay' | 'hourCycle'>;
  viewerTimeZone: string;
  /** What Back returns to: the previous card, the search results or the overview. */
  backLabel: string;
  onBack: () => void;
  onSelectEntity: (entityId: string) => void;
  onToggleTrack: (dramaId: string, tracked: boolean) => void;
}

const HEADING_ID = 'card-heading';

/** The shared entity card (the hover card's components) with the popup's Back button. */
export function CardPanel({ card, display, viewerTimeZone, backLabel, onBack, onSelectEntity, onToggleTrack }: CardPanelProps) {
  const region = useRef<HTMLElement>(null);
  // A new card takes focus, so keyboard and screen-reader users land on what they opened.
  useEffect(() => region.current?.focus(), [card.id]);
  return (
    <section ref={region} class="card-panel" aria-labelledby={HEADING_ID} tabIndex={-1}>
      <button type="button" class="back-button" onClick={onBack}>
        <span aria-hidden="true">←</span> {backLabel}
      </button>
      <EntityCard
        card={card}
        display={display}
        viewerTimeZone={viewerTimeZone}
        headingId={HEADING_ID}
        onSelectEntity={onSelectEntity}
        onToggleTrack={onToggleTrack}
      />
    </section>
  );
}
