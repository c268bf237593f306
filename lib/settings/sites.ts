// Sites where Dramalens stays off. The list holds hostnames; `example.com` covers example.com
// and every subdomain of it. What a reader types (a hostname, `*.example.com`, a pasted address)
// is checked and normalised here, with a message that says what is wrong.

// Errors and notes are Phrases: the options page spells them in the reader's language.
import { joinPhrases, type Phrase } from '../i18n';

export { hostnameOf, isSiteDisabled } from './site-match';

export type SitePattern = { ok: true; site: string; note?: Phrase } | { ok: false; error: Phrase };

/** The example site the messages give. */
const EXAMPLE_SITE = 'soompi.com';
const wholeSitesNote: Phrase = (l) => l.t('settings.sites.wholeSitesOnly', [l.t('extName')]);
const fail = (error: Phrase): SitePattern => ({ ok: false, error });
const WEB_SCHEME = /^https?:\/\//i;
const OTHER_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:about|chrome|edge|data|javascript|view-source|mailto|file):)/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Checks one site pattern as a reader typed it and returns the hostname to store. */
export function parseSitePattern(input: string): SitePattern {
  const text = input.trim();
  if (text === '') return fail((l) => l.t('settings.sites.enterSite', [EXAMPLE_SITE]));
  if (WEB_SCHEME.test(text)) {
    try {
      const host = new URL(text).hostname;
      return checkHost(host, text, host === '' ? undefined : wholeSitesNote);
    } catch {
      return fail((l) => l.t('settings.sites.notWebAddress', [text, EXAMPLE_SITE]));
    }
  }
  if (OTHER_SCHEME.test(text)) {
    return fail((l) => l.t('settings.sites.webPagesOnly', [l.t('extName'), text, EXAMPLE_SITE]));
  }
  let rest = text;
  let note: Phrase | undefined;
  if (rest.startsWith('*.')) {
    rest = rest.slice(2);
    note = (l) => l.t('settings.sites.subdomainsCovered');
  }
  if (rest.includes('*')) {
    return fail((l) => l.t('settings.sites.starOnlyFirst', [text, `*.${EXAMPLE_SITE}`]));
  }
  const pathAt = rest.search(/[/?#]/);
  if (pathAt >= 0) {
    if (rest.slice(pathAt) !== '/') note = wholeSitesNote;
    rest = rest.slice(0, pathAt);
  }
  rest = rest.replace(/:\d{1,5}$/, ''); // a port does not matter: the site is off on every port
  if (!/^[\p{L}\p{N}.-]+$/u.test(rest)) {
    return fail((l) => l.t('settings.sites.badCharacters', [text, EXAMPLE_SITE]));
  }
  let host: string;
  try {
    host = new URL(`http://${rest}`).hostname; // lower case and punycode, as pages report it
  } catch {
    return fail((l) => l.t('settings.sites.notSiteName', [text, EXAMPLE_SITE]));
  }
  // The URL parser reads "1.2.3" as an IPv4 address: numbers only count as a full one.
  if (/^[\d.]+$/.test(rest.replace(/\.$/, '')) && !IPV4.test(rest.replace(/\.$/, ''))) {
    return fail((l) => l.t('settings.sites.notSiteOrIp', [text, EXAMPLE_IP]));
  }
  return checkHost(host, text, note);
}

/** The example address the messages give. */
const EXAMPLE_IP = '192.168.0.10';
const MAX_HOST_LENGTH = 253;

function checkHost(rawHost: string, text: string, note: Phrase | undefined): SitePattern {
  const host = rawHost.replace(/\.$/, '');
  if (host === '') return fail((l) => l.t('settings.sites.noSite', [text, EXAMPLE_SITE]));
  const done = (): SitePattern => (note ? { ok: true, site: host, note } : { ok: true, site: host });
  if (IPV4.test(host) || host === 'localhost') return done();
  if (host.length > MAX_HOST_LENGTH) return fail((l) => l.t('settings.sites.tooLong', [text, String(MAX_HOST_LENGTH)]));
  const labels = host.split('.');
  if (labels.some((label) => !LABEL.test(label))) {
    return fail((l) => l.t('settings.sites.badLabel', [text]));
  }
  if (labels.length < 2) return fail((l) => l.t('settings.sites.noDomainEnding', [text, EXAMPLE_SITE]));
  if (/^\d+$/.test(labels[labels.length - 1])) {
    return fail((l) => l.t('settings.sites.notSiteOrIp', [text, EXAMPLE_IP]));
  }
  return done();
}

/** A stored hostname is valid when reading it as a pattern gives it back unchanged. */
export function isStoredSite(site: string): boolean {
  const parsed = parseSitePattern(site);
  return parsed.ok && parsed.site === site;
}

export type SiteListChange = { ok: true; sites: string[]; message: Phrase } | { ok: false; error: Phrase };

/** Adds what a reader typed to the list: checked, normalised, and without redundant entries. */
export function addDisabledSite(sites: readonly string[], input: string): SiteListChange {
  const parsed = parseSitePattern(input);
  if (!parsed.ok) return parsed;
  const { site } = parsed;
  if (sites.includes(site)) return { ok: false, error: (l) => l.t('settings.sites.alreadyListed', [site]) };
  const parent = sites.find((other) => site.endsWith(`.${other}`));
  if (parent) return { ok: false, error: (l) => l.t('settings.sites.alreadyCovered', [site, parent]) };
  const covered = sites.filter((other) => other.endsWith(`.${site}`));
  const kept = sites.filter((other) => !covered.includes(other));
  const coveredNote: Phrase | undefined = covered.length
    ? (l) => l.t('settings.sites.coveredRemoved', covered.length, [covered.join(', ')])
    : undefined;
  return {
    ok: true,
    sites: [...kept, site],
    message: joinPhrases((l) => l.t('settings.sites.nowOff', [l.t('extName'), site]), parsed.note, coveredNote),
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
