// Sites where Dramalens stays off. The list holds hostnames; `example.com` covers example.com
// and every subdomain of it. What a reader types (a hostname, `*.example.com`, a pasted address)
// is checked and normalised here, with a message that says what is wrong.

export { hostnameOf, isSiteDisabled } from './site-match';

export type SitePattern = { ok: true; site: string; note?: string } | { ok: false; error: string };

const EXAMPLE = 'like soompi.com';
const WEB_SCHEME = /^https?:\/\//i;
const OTHER_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:about|chrome|edge|data|javascript|view-source|mailto|file):)/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Checks one site pattern as a reader typed it and returns the hostname to store. */
export function parseSitePattern(input: string): SitePattern {
  const text = input.trim();
  if (text === '') return { ok: false, error: `Enter a site, ${EXAMPLE}.` };
  if (WEB_SCHEME.test(text)) {
    try {
      const host = new URL(text).hostname;
      return checkHost(
        host,
        text,
        host === '' ? undefined : 'Dramalens is switched off for whole sites, so only the site was kept.',
      );
    } catch {
      return { ok: false, error: `“${text}” is not a web address. Enter a site, ${EXAMPLE}.` };
    }
  }
  if (OTHER_SCHEME.test(text)) {
    return {
      ok: false,
      error: `Dramalens only runs on web pages (http and https), so “${text}” cannot be switched off. Enter a site, ${EXAMPLE}.`,
    };
  }
  let rest = text;
  let note: string | undefined;
  if (rest.startsWith('*.')) {
    rest = rest.slice(2);
    note = 'A site always covers its subdomains, so “*.” is not needed.';
  }
  if (rest.includes('*')) {
    return { ok: false, error: `“${text}”: a “*” may only start a pattern, as in *.soompi.com.` };
  }
  const pathAt = rest.search(/[/?#]/);
  if (pathAt >= 0) {
    if (rest.slice(pathAt) !== '/') note = 'Dramalens is switched off for whole sites, so only the site was kept.';
    rest = rest.slice(0, pathAt);
  }
  rest = rest.replace(/:\d{1,5}$/, ''); // a port does not matter: the site is off on every port
  if (!/^[\p{L}\p{N}.-]+$/u.test(rest)) {
    return {
      ok: false,
      error: `“${text}” is not a site name: use letters, digits, dots and hyphens, ${EXAMPLE}.`,
    };
  }
  let host: string;
  try {
    host = new URL(`http://${rest}`).hostname; // lower case and punycode, as pages report it
  } catch {
    return { ok: false, error: `“${text}” is not a site name. Enter a site, ${EXAMPLE}.` };
  }
  // The URL parser reads "1.2.3" as an IPv4 address: numbers only count as a full one.
  if (/^[\d.]+$/.test(rest.replace(/\.$/, '')) && !IPV4.test(rest.replace(/\.$/, ''))) {
    return { ok: false, error: `“${text}” is not a site name or a full IPv4 address (like 192.168.0.10).` };
  }
  return checkHost(host, text, note);
}

function checkHost(rawHost: string, text: string, note: string | undefined): SitePattern {
  const host = rawHost.replace(/\.$/, '');
  if (host === '') return { ok: false, error: `“${text}” has no site in it. Enter a site, ${EXAMPLE}.` };
  const done = (): SitePattern => (note ? { ok: true, site: host, note } : { ok: true, site: host });
  if (IPV4.test(host) || host === 'localhost') return done();
  if (host.length > 253) return { ok: false, error: `“${text}” is longer than a site name can be (253 characters).` };
  const labels = host.split('.');
  if (labels.some((label) => !LABEL.test(label))) {
    return {
      ok: false,
      error: `“${text}” is not a site name: each part between dots needs letters or digits, and may not start or end with “-”.`,
    };
  }
  if (labels.length < 2) return { ok: false, error: `“${text}” needs a domain ending, ${EXAMPLE}.` };
  if (/^\d+$/.test(labels[labels.length - 1])) {
    return { ok: false, error: `“${text}” is not a site name or a full IPv4 address (like 192.168.0.10).` };
  }
  return done();
}

/** A stored hostname is valid when reading it as a pattern gives it back unchanged. */
export function isStoredSite(site: string): boolean {
  const parsed = parseSitePattern(site);
  return parsed.ok && parsed.site === site;
}

export type SiteListChange = { ok: true; sites: string[]; message: string } | { ok: false; error: string };

/** Adds what a reader typed to the list: checked, normalised, and without redundant entries. */
export function addDisabledSite(sites: readonly string[], input: string): SiteListChange {
  const parsed = parseSitePattern(input);
  if (!parsed.ok) return parsed;
  const { site } = parsed;
  if (sites.includes(site)) return { ok: false, error: `${site} is already in the list.` };
  const parent = sites.find((other) => site.endsWith(`.${other}`));
  if (parent) return { ok: false, error: `${site} is already covered by ${parent}.` };
  const covered = sites.filter((other) => other.endsWith(`.${site}`));
  const kept = sites.filter((other) => !covered.includes(other));
  const notes = [
    parsed.note,
    covered.length
      ? `It covers ${covered.join(', ')}, so ${covered.length === 1 ? 'that entry was' : 'those entries were'} removed.`
      : undefined,
  ];
  return {
    ok: true,
    sites: [...kept, site],
    message: [`Dramalens is now off on ${site}.`, ...notes].filter(Boolean).join(' '),
  };
}

/** Normalises a whole list (from storage or a file): valid entries, each once, none covered by another. */
export function normalizeSiteList(entries: readonly string[]): string[] {
  let sites: string[] = [];
  for (const entry of entries) {
    const change = addDisabledSite(sites, entry);
    if (change.ok) sites = change.sites;
  }
  return sites;
}
