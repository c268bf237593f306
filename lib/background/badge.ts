// The toolbar badge: how many distinct tracked names the tab mentions (nothing when none), and
// its tooltip, which says so in words.
import type { Localizer } from '../i18n';
import type { TabDetections } from '../messages';

/** The part of `browser.action` (MV3) or `browser.browserAction` (MV2) the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { tabId: number; title: string }): Promise<void> | void;
}

/** Matches --accent of the extension pages, so the badge reads as Dramalens's. */
export const BADGE_COLOR = '#6d28d9';

/** The badge has room for about four characters. */
export function badgeText(view: TabDetections | null): string {
  const names = view?.detections.length ?? 0;
  if (names === 0) return '';
  return names > 99 ? '99+' : String(names);
}

/** "Dramalens: 3 names on this page", or the extension's name alone when there are none. */
export function badgeTitle(view: TabDetections | null, l: Localizer): string {
  const names = view?.detections.length ?? 0;
  return names === 0 ? l.t('extName') : l.t('badge.title', names, [l.t('extName'), String(names)]);
}

export function createBadge(api: BadgeApi, l: Localizer) {
  return {
    init: () => Promise.resolve(api.setBadgeBackgroundColor({ color: BADGE_COLOR })).catch(() => {}),
    show(tabId: number, view: TabDetections | null): Promise<void> {
      // The tab may have closed meanwhile: then there is no badge to set.
      return Promise.all([
        api.setBadgeText({ tabId, text: badgeText(view) }),
        api.setTitle({ tabId, title: badgeTitle(view, l) }),
      ]).then(
        () => {},
        () => {},
      );
    },
  };
}
