// Whether a page may be scanned at all, decided from the stored items without the settings
// schema (so the code every frame with text evaluates stays small): Dramalens is on unless
// `enabled` is stored as false, and off on a site in `disabledSites`. Both items have had
// these shapes in every settings version. The full decode (read.ts) runs once a page has
// names, and has the last word on painting.
import { isSiteDisabled } from './site-match';

export function scanningAllowed(items: Record<string, unknown>, url: string): boolean {
  if (items.enabled === false) return false;
  const stored = items.disabledSites;
  const sites = Array.isArray(stored)
    ? stored.filter((site): site is string => typeof site === 'string').map((site) => site.toLowerCase())
    : [];
  return !isSiteDisabled(sites, url);
}
