// One change to the reader's dramas, from any context (the card on a page, the popup, options).
import type { LibraryChange } from '../messages';
import { setFollow, setMuted } from '../settings';

export function applyLibraryChange(change: LibraryChange): Promise<void> {
  return change.change === 'follow'
    ? setFollow(change.dramaId, change.follow)
    : setMuted(change.kind, change.id, change.muted);
}
