import { describe, expect, it } from 'vitest';
import { addDisabledSite, isSiteDisabled, parseSitePattern } from '../../lib/settings';
import { normalizeSiteList } from '../../lib/settings/sites';
import { uiLocalizer } from '../../lib/i18n';
import { inCatalogue } from './catalogue';

const en = uiLocalizer();

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
    if (!parsed.ok) expect(parsed.error(en)).toMatch(message);
  });

  it('explains what it did with a pattern it changed', () => {
    const note = (input: string) => {
      const parsed = parseSitePattern(input);
      return parsed.ok ? parsed.note?.(en) : undefined;
    };
    expect(note('*.soompi.com')).toMatch(/covers its subdomains/);
    expect(note('soompi.com/news')).toMatch(/whole sites/);
    expect(note('soompi.com')).toBeUndefined();
  });
});

describe('the list of sites where Dramalens is off', () => {
  it('adds a site, refusing duplicates and sites already covered', () => {
    const words = (change: ReturnType<typeof addDisabledSite>) =>
      change.ok
        ? { ok: true, sites: change.sites, message: change.message(en) }
        : { ok: false, error: change.error(en) };
    expect(words(addDisabledSite([], 'Soompi.com'))).toEqual({
      ok: true,
      sites: ['soompi.com'],
      message: 'Dramalens is now off on soompi.com.',
    });
    expect(words(addDisabledSite(['soompi.com'], 'SOOMPI.com'))).toEqual({
      ok: false,
      error: 'soompi.com is already in the list.',
    });
    expect(words(addDisabledSite(['soompi.com'], 'news.soompi.com'))).toEqual({
      ok: false,
      error: 'news.soompi.com is already covered by soompi.com.',
    });
  });

  it('replaces entries a new parent domain covers, and says so', () => {
    const added = addDisabledSite(['news.soompi.com', 'example.org'], 'soompi.com');
    expect(added).toMatchObject({ ok: true, sites: ['example.org', 'soompi.com'] });
    expect(added.ok && added.message(en)).toBe(
      'Dramalens is now off on soompi.com. It covers news.soompi.com, so that entry was removed.',
    );
    const two = addDisabledSite(['news.soompi.com', 'www.soompi.com'], 'soompi.com');
    expect(two.ok && two.message(en)).toMatch(
      /It covers news\.soompi\.com, www\.soompi\.com, so those entries were removed\.$/,
    );
  });

  it('says it in Korean for a Korean reader', async () => {
    await inCatalogue('ko', (ko) => {
      const added = addDisabledSite(['news.soompi.com'], 'soompi.com');
      expect(added.ok && added.message(ko)).toBe(
        '이제 soompi.com에서 Dramalens가 꺼집니다. news.soompi.com을(를) 포함하므로 그 항목을 지웠습니다.',
      );
      const refused = parseSitePattern('soompi');
      expect(!refused.ok && refused.error(ko)).toBe('“soompi”에는 도메인 끝부분이 필요합니다(예: soompi.com).');
    });
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
