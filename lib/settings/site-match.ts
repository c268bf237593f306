// Whether a page's address falls under a site in the "Dramalens stays off" list. Apart from
// sites.ts (which checks what a reader types), so the page engine can ask without loading that.

export function hostnameOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' || protocol === 'file:' ? hostname : undefined;
  } catch {
    return undefined;
  }
}

/** `example.com` in the list switches off example.com and every subdomain of it. */
export function isSiteDisabled(disabledSites: string[], url: string): boolean {
  const host = hostnameOf(url);
  if (!host) return false;
  return disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
