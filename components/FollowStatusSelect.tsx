import { t } from '../lib/i18n';
import { FOLLOW_STATUSES, type Follow, type FollowStatus } from '../lib/settings/library';

const STATUS_KEYS = {
  watching: 'card.status.watching',
  plan: 'card.status.plan',
  completed: 'card.status.completed',
  'on-hold': 'card.status.onHold',
  dropped: 'card.status.dropped',
} as const satisfies Record<FollowStatus, string>;

/** A follow status in the reader's language ("Watching", "보는 중"). */
export const followStatusLabel = (status: FollowStatus): string => t(STATUS_KEYS[status]);

/** The follow statuses as options, in the order fans keep lists. */
export function FollowStatusOptions() {
  return (
    <>
      {FOLLOW_STATUSES.map((status) => (
        <option key={status} value={status}>
          {followStatusLabel(status)}
        </option>
      ))}
    </>
  );
}

export interface FollowStatusSelectProps {
  follow: Follow | undefined;
  /** What the empty choice says: "+ Follow" on a card, "Not following" in a list. */
  noneLabel: string;
  label: string;
  class?: string;
  /** The new follow (progress kept across statuses), or null to unfollow. */
  onChange: (follow: Follow | null) => void;
}

/** Not following, or one of the statuses: the same control on the card and on the options page. */
export function FollowStatusSelect({ follow, noneLabel, label, class: className, onChange }: FollowStatusSelectProps) {
  return (
    <select
      aria-label={label}
      class={className}
      value={follow?.status ?? ''}
      onChange={(e) => {
        const status = e.currentTarget.value as FollowStatus | '';
        onChange(status === '' ? null : { status, ...(follow?.episode ? { episode: follow.episode } : {}) });
      }}
    >
      <option value="">{noneLabel}</option>
      <FollowStatusOptions />
    </select>
  );
}
