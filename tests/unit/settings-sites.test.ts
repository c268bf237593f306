import { describe, expect, it } from 'vitest';
import { addDisabledSite, isSiteDisabled, parseSitePattern } from '../../lib/settings';
import { normalizeSiteList } from '../../lib/settings/sites';

describe('site patterns', () => {
  it.each([
    ['soompi.com', 'soompi.com'],
    ['  Soompi.COM ', 'soompi.com'],
    ['www.soompi.com.', 'www.soompi.com'],
    ['*.soompi.com', 'soompi.com'],
    ['https://www.soompi.com/article/1483818wpp/watch', 'www.soompi.com'],
    ['soompi.com/news', 'soompi.com'],
    ['localhost:8080', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://127.0.0.1:5173/seed.html', '127.0.0.1'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['드라마.kr', expect.stringMatching(/^xn--[a-z0-9-]+\.kr$/)],
  ])('accepts %j as %s', (input, site) => {
    const parsed = parseSitePattern(input);
    expect(parsed).toMatchObject({ ok: true, site });
  });

  it.each([
    ['', /Enter a site/],
    ['exa mple.com', /not a site name: use letters, digits, dots and hyphens/],
    ['soompi', /needs a domain ending/],
    ['*.', /no site|not a site/],
    ['sub.*.soompi.com', /“\*” may only start a pattern/],
    ['soompi.*', /“\*” may only start a pattern/],
    ['chrome://extensions', /only runs on web pages/],
    ['about:blank', /only runs on web pages/],
    ['file:///home/reader/page.html', /only runs on web pages/],
    ['-soompi.com', /may not start or end with “-”/],
    ['soompi..com', /each part between dots/],
    ['1.2.3', /full IPv4 address/],
    ['999.1.1.1', /full IPv4 address|not a site/],
    [`${'a'.repeat(64)}.com`, /each part between dots/],
  ])('refuses %j with a clear message', (input, message) => {
    const parsed = parseSitePattern(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('explains what it did with a pattern it changed', () => {
    expect(parseSitePattern('*.soompi.com')).toMatchObject({ note: expect.stringMatching(/covers its subdomains/) });
    expect(parseSitePattern('soompi.com/news')).toMatchObject({ note: expect.stringMatching(/whole sites/) });
  });
});

describe('the list of sites where Dramalens is off', () => {
  it('adds a site, refusing duplicates and sites already covered', () => {
    const added = addDisabledSite([], 'Soompi.com');
    expect(added).toEqual({ ok: true, sites: ['soompi.com'], message: 'Dramalens is now off on soompi.com.' });
    expect(addDisabledSite(['soompi.com'], 'SOOMPI.com')).toEqual({
      ok: false,
      error: 'soompi.com is already in the list.',
    });
    expect(addDisabledSite(['soompi.com'], 'news.soompi.com')).toEqual({
      ok: false,
      error: 'news.soompi.com is already covered by soompi.com.',
    });
  });

  it('replaces entries a new parent domain covers, and says so', () => {
    const added = addDisabledSite(['news.soompi.com', 'example.org'], 'soompi.com');
    expect(added).toMatchObject({ ok: true, sites: ['example.org', 'soompi.com'] });
    expect(added.ok && added.message).toMatch(/covers news\.soompi\.com/);
  });

  it('matches a host and its subdomains only', () => {
    const sites = ['soompi.com', '127.0.0.1'];
    expect(isSiteDisabled(sites, 'https://soompi.com/')).toBe(true);
    expect(isSiteDisabled(sites, 'https://www.soompi.com/a')).toBe(true);
    expect(isSiteDisabled(sites, 'https://notsoompi.com/')).toBe(false);
    expect(isSiteDisabled(sites, 'http://127.0.0.1:4000/seed.html')).toBe(true);
    expect(isSiteDisabled(sites, 'chrome://extensions')).toBe(false);
  });

  it('normalises a stored list, and normalising again changes nothing', () => {
    const list = normalizeSiteList(['Soompi.com', 'news.soompi.com', 'not a site', 'www.example.org', 'example.org']);
    expect(list).toEqual(['soompi.com', 'example.org']);
    expect(normalizeSiteList(list)).toEqual(list);
  });
});
