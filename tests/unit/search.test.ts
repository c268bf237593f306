import { describe, expect, it } from 'vitest';
import { allowedTypos, createEntitySearch, type SearchableIndex } from '../../lib/search/entity-search';
import { hangulKeystrokes, searchKey } from '../../lib/search/search-key';

describe('searchKey', () => {
  it('folds case, spaces, hyphens and punctuation, so every spelling of a name is one key', () => {
    for (const spelling of ['Han So-hee', 'han sohee', 'HAN SO HEE', 'Han  So‐hee', 'hansohee']) {
      expect(searchKey(spelling).key).toBe('hansohee');
    }
    expect(searchKey('Kill Me, Heal Me').key).toBe('killmehealme');
  });

  it('drops accents, composed or typed separately, and reads full-width letters as ASCII', () => {
    expect(searchKey('Café').key).toBe('cafe');
    expect(searchKey('Cafe\u0301 Noir').key).toBe('cafenoir');
    expect(searchKey('ＩＵ').key).toBe('iu');
  });

  it('splits Hangul into the jamo a keyboard types, compound vowels and final clusters included', () => {
    expect(hangulKeystrokes('희')).toBe('ㅎㅡㅣ');
    expect(hangulKeystrokes('괜')).toBe('ㄱㅗㅐㄴ');
    expect(hangulKeystrokes('닭')).toBe('ㄷㅏㄹㄱ');
    expect(searchKey('한소희').key).toBe('ㅎㅏㄴㅅㅗㅎㅡㅣ');
    // "한솧" is what the input method shows halfway through typing "한소희".
    expect(searchKey('한소희').key.startsWith(searchKey('한솧').key)).toBe(true);
    expect(searchKey('ㅢ').key).toBe('ㅡㅣ');
  });

  it('records where each word starts', () => {
    expect(searchKey('Han So-hee')).toEqual({ key: 'hansohee', wordStarts: [0, 3, 5] });
    expect(searchKey('  알고 있지만').wordStarts).toEqual([0, 5]); // 알고 is five keystrokes
    expect(searchKey('—')).toEqual({ key: '', wordStarts: [] });
  });
});

const index: SearchableIndex = {
  dramas: [
    { id: 'nevertheless', title: 'Nevertheless', hangul: '알고있지만', aliases: ['알고 있지만'] },
    { id: 'hotel-del-luna', title: 'Hotel del Luna', hangul: '호텔 델루나', aliases: [] },
    { id: 'stranger', title: 'Stranger', hangul: '비밀의 숲', aliases: ['Secret Forest'] },
    { id: 'my-name', title: 'My Name', hangul: '마이 네임', aliases: [] },
  ],
  people: [
    { id: 'han-so-hee', name: 'Han So-hee', hangul: '한소희', aliases: [] },
    { id: 'song-kang', name: 'Song Kang', hangul: '송강', aliases: [] },
    { id: 'song-kang-ho', name: 'Song Kang-ho', hangul: '송강호', aliases: [] },
    { id: 'song-ha-yoon', name: 'Song Ha-yoon', hangul: '송하윤', aliases: [] },
    { id: 'kang-ha-neul', name: 'Kang Ha-neul', hangul: '강하늘', aliases: [] },
    { id: 'iu', name: 'IU', hangul: '아이유', aliases: ['Lee Ji-eun'] },
  ],
};
const search = createEntitySearch(index);
const ids = (query: string) => search.search(query).map((r) => r.entityId);

describe('entity search', () => {
  it('finds names however they are spaced, hyphenated or capitalised', () => {
    expect(ids('han sohee')[0]).toBe('han-so-hee');
    expect(ids('HanSoHee')[0]).toBe('han-so-hee');
    expect(ids('hotel delluna')[0]).toBe('hotel-del-luna');
  });

  it('finds Hangul names, whole or while the input method is still composing', () => {
    expect(ids('한소희')).toEqual(['han-so-hee']);
    expect(ids('한솧')).toEqual(['han-so-hee']);
    expect(ids('알고 있')[0]).toBe('nevertheless');
    expect(ids('송강')).toEqual(['song-kang', 'song-kang-ho']);
  });

  it('tolerates small typos in longer queries, and matches as the reader types', () => {
    expect(ids('nevertheles')[0]).toBe('nevertheless'); // a prefix
    expect(ids('nevertehless')[0]).toBe('nevertheless'); // two letters swapped
    expect(ids('nevertehl')[0]).toBe('nevertheless'); // a typo halfway through typing
    expect(ids('hotel del lune')[0]).toBe('hotel-del-luna');
    expect(ids('han sohe')[0]).toBe('han-so-hee');
  });

  it('ranks an exact name before a longer one, a prefix before a word inside, and that before a typo', () => {
    expect(ids('song kang')).toEqual(['song-kang', 'song-kang-ho']);
    // "Kang Ha-neul" starts with "kang"; "Song Kang" has it as a later word.
    expect(ids('kang').slice(0, 3)).toEqual(['kang-ha-neul', 'song-kang', 'song-kang-ho']);
  });

  it('lists typo matches beside real ones only for long queries', () => {
    expect(ids('song ka')).toEqual(['song-kang', 'song-kang-ho']); // not "song ha", one letter off
    expect(ids('my nane')).toEqual(['my-name']); // nothing matches as typed: the near miss
  });

  it('allows no typos in short queries, so a few letters do not match everything', () => {
    expect(allowedTypos(4)).toBe(0);
    expect(allowedTypos(5)).toBe(1);
    expect(allowedTypos(8)).toBe(2);
    expect(ids('kang')).not.toContain('stranger'); // "rang" is one letter off "kang"
    expect(ids('so')).toEqual(['song-kang', 'song-ha-yoon', 'song-kang-ho', 'han-so-hee']);
  });

  it('says which alias matched when it is not the title', () => {
    const [iu] = search.search('lee ji eun');
    expect(iu).toEqual({ entityId: 'iu', kind: 'person', label: 'IU', hangul: '아이유', matchedName: 'Lee Ji-eun' });
    expect(search.search('secret forest')[0]).toMatchObject({ entityId: 'stranger', matchedName: 'Secret Forest' });
    expect(search.search('아이유')[0].matchedName).toBeUndefined(); // the Hangul name is shown anyway
  });

  it('returns nothing for an empty or punctuation-only query, and caps results and query length', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search(' - ')).toEqual([]);
    expect(search.search('n', 2)).toHaveLength(2);
    expect(() => search.search('nevertheless '.repeat(500))).not.toThrow();
  });
});
