// The toolbar badge: how many distinct tracked names the tab mentions (nothing when none).
import type { TabDetections } from '../messages';

/** The part of `browser.action` (MV3) or `browser.browserAction` (MV2) the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

/** Matches --accent of the extension pages, so the badge reads as Dramalens's. */
export const BADGE_COLOR = '#6d28d9';

/** The badge has room for about four characters. */
export function badgeText(view: TabDetections | null): string {
  const names = view?.detections.length ?? 0;
  if (names === 0) return '';
  return names > 99 ? '99+' : String(names);
}

export function createBadge(api: BadgeApi) {
  return {
    init: () => Promise.resolve(api.setBadgeBackgroundColor({ color: BADGE_COLOR })).catch(() => {}),
    show(tabId: number, view: TabDetections | null): Promise<void> {
      // The tab may have closed meanwhile: then there is no badge to set.
      return Promise.resolve(api.setBadgeText({ tabId, text: badgeText(view) })).catch(() => {});
    },
  };
}
