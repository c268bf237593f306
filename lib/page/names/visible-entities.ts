// Which names a page paints: every name but the muted ones; with the highlight scope `followed`,
// only followed dramas and the people cast in one of them.
import { KIND_DRAMA } from '../../match/kinds';
import type { EntityFact } from '../../match/page-matching';
import type { Settings } from '../../settings/schema';

type LibrarySettings = Pick<Settings, 'follows' | 'muted' | 'highlightScope'>;

export function visibleEntityPredicate(settings: LibrarySettings): (fact: EntityFact) => boolean {
  const { muted, follows } = settings;
  const onlyFollowed = settings.highlightScope === 'followed';
  if (!onlyFollowed && muted.dramas.length === 0 && muted.people.length === 0) return () => true;
  const mutedDramas = new Set(muted.dramas);
  const mutedPeople = new Set(muted.people);
  const dramaShows = (id: string) => !mutedDramas.has(id) && (!onlyFollowed || id in follows);
  return (fact) => {
    if (fact.kind === KIND_DRAMA) return dramaShows(fact.id);
    if (mutedPeople.has(fact.id)) return false;
    return !onlyFollowed || fact.dramaIds.some(dramaShows);
  };
}
