import { describe, expect, it } from 'vitest';
import { followsFromReview, readWatchlistCsv, watchlistCsv, type CatalogDrama } from '../../lib/settings/watchlist-csv';
import { uiLocalizer } from '../../lib/i18n';

const en = uiLocalizer();

// A made-up catalog (a test fixture): two dramas share a title, years apart.
const CATALOG: CatalogDrama[] = [
  { id: 'nevertheless', title: 'Nevertheless', hangul: '알고있지만', aliases: ['알고 있지만'], year: 2021 },
  { id: 'hotel-del-luna', title: 'Hotel del Luna', hangul: '호텔 델루나', aliases: [], year: 2019 },
  { id: 'remake-2024', title: 'The Remake', hangul: '리메이크', aliases: [], year: 2024 },
  { id: 'remake-2004', title: 'The Remake', hangul: '리메이크 (2004)', aliases: [], year: 2004 },
];

const read = (text: string) => readWatchlistCsv(text, CATALOG);
const error = (text: string) => {
  const result = read(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error(en);
};

describe('watchlist CSV', () => {
  it('matches rows by title or Hangul (any spacing or case), reads statuses as list sites write them', () => {
    const result = read(
      '\uFEFFTitle,Status,Episodes Watched\n' +
        'NEVERTHELESS,Watching,6\n' +
        '"호텔델루나",Completed,16\n' +
        'The Remake,Plan to Watch,\n' +
        'Some Unknown Drama,On-Hold,3\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.match, r.follow])).toEqual([
      [2, { kind: 'matched', dramaId: 'nevertheless' }, { status: 'watching', episode: 6 }],
      // Completed keeps no progress.
      [3, { kind: 'matched', dramaId: 'hotel-del-luna' }, { status: 'completed' }],
      [4, { kind: 'ambiguous', candidates: ['remake-2024', 'remake-2004'] }, { status: 'plan' }],
      [5, { kind: 'unknown' }, { status: 'on-hold', episode: 3 }],
    ]);
  });

  it('a year column settles a shared title', () => {
    const result = read('title,year,status\nThe Remake,2004,dropped\n');
    expect(result.ok && result.rows[0].match).toEqual({ kind: 'matched', dramaId: 'remake-2004' });
  });

  it('saves only what the review confirmed, added to the current follows', () => {
    const result = read('title,status,episodes\nNevertheless,watching,2\nThe Remake,completed,\nNope,dropped,\n');
    if (!result.ok) throw new Error(result.error(en));
    const current = { 'hotel-del-luna': { status: 'plan' as const } };
    expect(followsFromReview(current, result.rows, new Map())).toEqual({
      'hotel-del-luna': { status: 'plan' },
      nevertheless: { status: 'watching', episode: 2 },
    });
    expect(followsFromReview(current, result.rows, new Map([[3, 'remake-2004']]))).toMatchObject({
      'remake-2004': { status: 'completed' },
    });
  });

  it.each([
    ['an empty file', '', /empty/],
    ['no status column', 'title,rating\nNevertheless,10\n', /Line 1 must name the columns/],
    ['a row without a title', 'title,status\n,watching\n', /Line 2 has no title/],
    ['an unknown status', 'title,status\nNevertheless,binged\n', /Line 2: “binged” is not a status/],
    ['a bad episode count', 'title,status,episodes\nNevertheless,watching,six\n', /Line 2: “six” is not a number/],
    ['an unclosed quote', 'title,status\n"Nevertheless,watching\n', /not valid CSV/],
    ['a header and nothing else', 'title,status\n', /lists no dramas/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(error(text)).toMatch(message);
    expect(error(text)).toMatch(/Nothing was changed\.$/);
  });

  it('exports the followed dramas and reads its own export back to the same follows', () => {
    const follows = {
      nevertheless: { status: 'watching' as const, episode: 7 },
      'remake-2004': { status: 'dropped' as const },
    };
    const csv = watchlistCsv(follows, CATALOG);
    expect(csv).toBe(
      'title,hangul,year,status,episodes watched\nNevertheless,알고있지만,2021,Watching,7\nThe Remake,리메이크 (2004),2004,Dropped,\n',
    );
    const back = read(csv);
    if (!back.ok) throw new Error(back.error(en));
    expect(followsFromReview({}, back.rows, new Map())).toEqual(follows);
  });
});
