// Which names a page paints: tracked dramas and the people cast in at least one tracked drama.
import { KIND_DRAMA } from '../../match/kinds';
import type { Matcher } from '../../match/matcher';
import { isDramaTracked, type Tracking } from '../../settings/tracking';

export function visibleEntityPredicate(matcher: Matcher, tracking: Tracking): (entity: number) => boolean {
  const { kinds } = matcher;
  // "All except none" is the default: every name is visible, no id is ever decoded.
  if (tracking.mode === 'all-except' && tracking.ids.length === 0) return () => true;
  const trackedDrama = new Uint8Array(matcher.entityCount);
  for (let i = 0; i < trackedDrama.length; i++) {
    if (kinds[i] === KIND_DRAMA && isDramaTracked(tracking, matcher.entityId(i))) trackedDrama[i] = 1;
  }
  return (i) => {
    if (kinds[i] === KIND_DRAMA) return trackedDrama[i] === 1;
    return matcher.related(i).some((d) => trackedDrama[d] === 1);
  };
}
