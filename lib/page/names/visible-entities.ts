// Which names a page paints: every name but the muted ones; with the highlight scope `followed`,
// only followed dramas and the people cast in one of them.
import { KIND_DRAMA, KIND_PERSON } from '../../match/kinds';
import type { Matcher } from '../../match/matcher';
import type { Settings } from '../../settings/schema';

type LibrarySettings = Pick<Settings, 'follows' | 'muted' | 'highlightScope'>;

export function visibleEntityPredicate(matcher: Matcher, settings: LibrarySettings): (entity: number) => boolean {
  const { kinds } = matcher;
  const { muted, follows } = settings;
  const onlyFollowed = settings.highlightScope === 'followed';
  // The default (nothing muted, every name lit): no id is ever decoded.
  if (!onlyFollowed && muted.dramas.length === 0 && muted.people.length === 0) return () => true;
  const mutedDramas = new Set(muted.dramas);
  const mutedPeople = new Set(muted.people);
  // 1: visible drama; for people, 1: visible if `onlyFollowed` allows.
  const visible = new Uint8Array(matcher.entityCount);
  for (let i = 0; i < visible.length; i++) {
    if (kinds[i] !== KIND_DRAMA) continue;
    const id = matcher.entityId(i);
    if (!mutedDramas.has(id) && (!onlyFollowed || id in follows)) visible[i] = 1;
  }
  for (let i = 0; i < visible.length; i++) {
    if (kinds[i] !== KIND_PERSON || mutedPeople.has(matcher.entityId(i))) continue;
    if (!onlyFollowed || matcher.related(i).some((d) => visible[d] === 1)) visible[i] = 1;
  }
  return (i) => visible[i] === 1;
}
