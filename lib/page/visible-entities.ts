// Which names a page paints: tracked dramas and the people cast in at least one tracked drama.
import { KIND_DRAMA, type Matcher } from '../match/matcher';
import { isDramaTracked, type Tracking } from '../settings';

export function visibleEntityPredicate(matcher: Matcher, tracking: Tracking): (entity: number) => boolean {
  const entities = matcher.entities;
  const trackedDrama = entities.map((e) => e.kind === KIND_DRAMA && isDramaTracked(tracking, e.id));
  return (i) => {
    const entity = entities[i];
    if (entity.kind === KIND_DRAMA) return trackedDrama[i];
    return (entity.related ?? []).some((d) => trackedDrama[d]);
  };
}
