export interface TrackToggleProps {
  title: string;
  tracked: boolean;
  onChange: (tracked: boolean) => void;
}

/** Track / Untrack a drama: a toggle button; its name includes the visible word and the title. */
export function TrackToggle({ title, tracked, onChange }: TrackToggleProps) {
  return (
    <button
      type="button"
      class={`track-toggle ${tracked ? 'is-tracked' : ''}`}
      aria-pressed={tracked}
      onClick={() => onChange(!tracked)}
    >
      <span aria-hidden="true">{tracked ? '✓ ' : '+ '}</span>
      {tracked ? 'Tracked' : 'Track'}
      <span class="visually-hidden"> {title}</span>
    </button>
  );
}
