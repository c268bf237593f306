export interface TrackToggleProps {
  title: string;
  tracked: boolean;
  onChange: (tracked: boolean) => void;
}

/** Track / Untrack a drama: a real toggle button, announced with its state. */
export function TrackToggle({ title, tracked, onChange }: TrackToggleProps) {
  return (
    <button
      type="button"
      class={`track-toggle ${tracked ? 'is-tracked' : ''}`}
      aria-pressed={tracked}
      aria-label={`${tracked ? 'Untrack' : 'Track'} ${title}`}
      onClick={() => onChange(!tracked)}
    >
      {tracked ? '✓ Tracked' : '+ Track'}
    </button>
  );
}
