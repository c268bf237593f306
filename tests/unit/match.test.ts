import { describe, expect, it } from 'vitest';
import { compileDictionary, type DictionaryEntityInput } from '../../lib/match/compile';
import { DROP, foldKey, foldUnit, TABLE_END } from '../../lib/match/fold';
import { BLOCK_BREAK, findMatches, loadDictionary, type MatchContext, type Matcher } from '../../lib/match/matcher';
import { isOrdinaryName } from '../../scripts/index-builder/ordinary-names';
import { dictionaryInput } from '../../lib/match/dictionary-input';

// A small dictionary with the names the product cares about (real names, made-up ids).
const DICTIONARY = dictionaryInput(
  [
    {
      id: 'nevertheless',
      title: 'Nevertheless',
      hangul: '알고있지만',
      aliases: [],
      titleIsCommonWord: true,
      castIds: ['song-kang', 'han-so-hee'],
    },
    {
      id: 'hotel-del-luna',
      title: 'Hotel Del Luna',
      hangul: '호텔 델루나',
      aliases: [],
      titleIsCommonWord: false,
      castIds: [],
    },
    {
      id: 'kill-me-heal-me',
      title: 'Kill Me, Heal Me',
      aliases: ['Kill Me Heal Me'],
      titleIsCommonWord: false,
      castIds: [],
    },
  ],
  [
    { id: 'song-kang', name: 'Song Kang', hangul: '송강', aliases: [], dramaIds: ['nevertheless'] },
    { id: 'song-kang-ho', name: 'Song Kang-ho', hangul: '송강호', aliases: [], dramaIds: [] },
    { id: 'han-so-hee', name: 'Han So-hee', hangul: '한소희', aliases: [], dramaIds: ['nevertheless'] },
    { id: 'lee-ho-jung', name: 'Lee Ho-jung', hangul: '이호정', aliases: [], dramaIds: [] },
  ],
);

const matcher = loadDictionary(compileDictionary(DICTIONARY));

function found(text: string, m: Matcher = matcher, context?: MatchContext): string[] {
  return findMatches(m, text, context).map((x) => `${m.entityId(x.entity)}:${text.slice(x.start, x.end)}`);
}

/** A page that has shown it is about K-drama (a strong cue or a distinctive name elsewhere). */
const KDRAMA_PAGE = (): MatchContext => ({ kdrama: true });

describe('normalisation', () => {
  it('finds romanised names whatever the spacing, hyphens and case', () => {
    for (const variant of ['Han So Hee', 'Han So-hee', 'Han Sohee', 'HAN SO HEE', 'han so-Hee']) {
      expect(found(`I love ${variant} so much`)).toEqual([`han-so-hee:${variant}`]);
    }
  });

  it('folds diacritics, curly quotes and full-width forms, mapping offsets back to the original', () => {
    expect(found('Hôtel Dél Luna is great')).toEqual(['hotel-del-luna:Hôtel Dél Luna']);
    expect(found('Ｈａｎ Ｓｏ Ｈｅｅ on set')).toEqual(['han-so-hee:Ｈａｎ Ｓｏ Ｈｅｅ']);
    // Decomposed accents (e + U+0301) are dropped like precomposed ones.
    expect(found('Hote\u0301l Del Luna')).toEqual(['hotel-del-luna:Hote\u0301l Del Luna']);
    expect(found('Song Kang’s new drama')).toEqual(['song-kang:Song Kang']);
  });

  it('keeps punctuation that is part of a title', () => {
    expect(found('She loved Kill Me, Heal Me and more')).toEqual(['kill-me-heal-me:Kill Me, Heal Me']);
    expect(found('She loved Kill Me Heal Me and more')).toEqual(['kill-me-heal-me:Kill Me Heal Me']);
  });

  it('fills the fold table block by block with the same rules everywhere', () => {
    // The table fills 128-unit blocks on first use, starting here from the last block: no unit
    // may be left unfilled (0), and units from many blocks follow the rules (accents and case
    // go, separators drop, quotes unify).
    for (let c = TABLE_END - 1; c > 0; c--) expect(foldUnit(c)).not.toBe(0);
    const samples: [string, string | typeof DROP][] = [
      ['É', 'e'],
      ['ñ', 'n'],
      ['Ж', 'ж'],
      ['Ω', 'ω'],
      ['Ẩ', 'a'],
      ['’', "'"],
      ['«', '"'],
      ['\u0301', DROP],
      ['\u00a0', DROP],
      ['\u200b', DROP],
      ['—', '—'],
    ];
    for (const [unit, folded] of samples) {
      expect(foldUnit(unit.charCodeAt(0)), unit).toBe(folded === DROP ? DROP : (folded as string).charCodeAt(0));
    }
  });

  it('foldKey drops separators so keys compare across spellings', () => {
    expect(foldKey('Han So-hee')).toBe(foldKey('HAN SOHEE'));
    expect(foldKey('호텔 델루나')).toBe('호텔델루나');
  });
});

describe('boundaries', () => {
  it('needs word boundaries for Latin names', () => {
    expect(found('Song Kangaroo is not an actor')).toEqual([]);
    expect(found('Song Kang’s smile')).toEqual(['song-kang:Song Kang']);
    expect(found("Song Kang's smile")).toEqual(['song-kang:Song Kang']);
    expect(found('(Song Kang)')).toEqual(['song-kang:Song Kang']);
    expect(found('BigSong Kang')).toEqual([]);
  });

  it('lets Hangul names carry particles but not other syllables', () => {
    expect(found('한소희가 웃었다')).toEqual(['han-so-hee:한소희']);
    expect(found('송강은 배우다')).toEqual(['song-kang:송강']);
    expect(found('송강이랑 한소희의 케미')).toEqual(['song-kang:송강', 'han-so-hee:한소희']);
    expect(found('한소희씨')).toEqual(['han-so-hee:한소희']);
    expect(found('대한소희망')).toEqual([]);
    expect(found('IU가 나왔다'.replace('IU', 'Song Kang'))).toEqual(['song-kang:Song Kang']);
  });

  it('prefers the longest name: Song Kang-ho / 송강호 is another actor', () => {
    expect(found('Song Kang-ho starred in Parasite')).toEqual(['song-kang-ho:Song Kang-ho']);
    expect(found('송강호가 출연했다')).toEqual(['song-kang-ho:송강호']);
    expect(found('Song Kang and Song Kang-ho')).toEqual(['song-kang:Song Kang', 'song-kang-ho:Song Kang-ho']);
  });

  it('never matches across a block break', () => {
    expect(found(`Han So${BLOCK_BREAK}Hee`)).toEqual([]);
    expect(found(`Han So Hee${BLOCK_BREAK}Song Kang`)).toEqual(['han-so-hee:Han So Hee', 'song-kang:Song Kang']);
  });
});

describe('ordinary-word titles ("Nevertheless")', () => {
  const nevertheless = (text: string, context?: MatchContext) =>
    found(text, matcher, context).filter((f) => f.startsWith('nevertheless:'));

  it('is the drama when quoted, on a page about K-drama', () => {
    expect(nevertheless('I watched “Nevertheless” last night.', KDRAMA_PAGE())).toHaveLength(1);
    expect(nevertheless("Sets of 'Nevertheless'", KDRAMA_PAGE())).toHaveLength(1);
    expect(nevertheless('The drama "Nevertheless," she said.')).toHaveLength(1); // "drama" is near
  });

  it('is the drama when capitalised mid-sentence, on a page about K-drama', () => {
    expect(nevertheless('Fans of Nevertheless are waiting.', KDRAMA_PAGE())).toHaveLength(1);
  });

  it('needs more than quotes or capitals on a page that is not about K-drama', () => {
    expect(nevertheless('I watched “Nevertheless” last night.')).toHaveLength(0);
    expect(nevertheless('Fans of Nevertheless are waiting.')).toHaveLength(0);
    // Options > General > Startup: a menu path is not a sentence start.
    expect(nevertheless('Settings > Nevertheless > Advanced')).toHaveLength(0);
  });

  it('learns what the page is about from the text: a strong cue or a distinctive name', () => {
    const page: MatchContext = { kdrama: false };
    expect(nevertheless('The tvN schedule is out. Fans of Nevertheless are waiting.', page)).toHaveLength(1);
    expect(page.kdrama).toBe(true);
    const other: MatchContext = { kdrama: false };
    found('Han So-hee smiled.', matcher, other);
    expect(other.kdrama).toBe(true);
    expect(nevertheless('Fans of Nevertheless are waiting.', other)).toHaveLength(1);
  });

  it('is the drama at a sentence start only with a cue or related name nearby', () => {
    expect(nevertheless('Nevertheless released a making video with Song Kang.')).toHaveLength(1);
    expect(nevertheless('Nevertheless has ten episodes.')).toHaveLength(1);
    expect(nevertheless('Nevertheless remains true.', KDRAMA_PAGE())).toHaveLength(0);
  });

  it('is never the adverb', () => {
    for (const context of [undefined, KDRAMA_PAGE()]) {
      expect(nevertheless('Nevertheless, the vote passed.', context)).toHaveLength(0);
      expect(nevertheless('The vote nevertheless passed.', context)).toHaveLength(0);
      expect(nevertheless('It rained. Nevertheless, the episode aired on JTBC.', context)).toHaveLength(0);
      expect(nevertheless('and nevertheless the drama continued', context)).toHaveLength(0);
    }
  });

  it('its Hangul title needs no context', () => {
    expect(nevertheless('알고있지만 재밌다')).toHaveLength(1);
    expect(nevertheless('알고 있지만 재밌다')).toHaveLength(1);
  });
});

describe('names that are ordinary words, decided per name (made-up sentences)', () => {
  // The builder's decision (scripts/index-builder/ordinary-names.ts) with real names.
  const m = loadDictionary(
    compileDictionary(
      dictionaryInput(
        [
          {
            id: 'the-world-of-the-married',
            title: 'The World of the Married',
            hangul: '부부의 세계',
            aliases: [],
            titleIsCommonWord: false,
            castIds: ['kim-hee-ae'],
          },
          { id: 'mouse', title: 'Mouse', hangul: '마우스', aliases: [], titleIsCommonWord: false, castIds: [] },
          {
            id: 'queen-of-tears',
            title: 'Queen of Tears',
            hangul: '눈물의 여왕',
            aliases: [],
            titleIsCommonWord: false,
            castIds: [],
          },
          {
            id: 'hotel-del-luna',
            title: 'Hotel Del Luna',
            hangul: '호텔델루나',
            aliases: [],
            titleIsCommonWord: false,
            castIds: [],
          },
        ],
        [
          {
            id: 'kim-hee-ae',
            name: 'Kim Hee-ae',
            hangul: '김희애',
            aliases: [],
            dramaIds: ['the-world-of-the-married'],
          },
          { id: 'rain', name: 'Rain', hangul: '비', aliases: [], dramaIds: [] },
          { id: 'suho', name: 'Suho', hangul: '수호', aliases: [], dramaIds: [] },
        ],
        isOrdinaryName,
      ),
    ),
  );
  const names = (text: string, context?: MatchContext) => found(text, m, context).map((f) => f.split(':')[1]);

  it('decides English names: one-word titles and all-common-word titles, one-word stage names', () => {
    expect(isOrdinaryName('Mouse', 'title')).toBe(true);
    expect(isOrdinaryName('Vincenzo', 'title')).toBe(true);
    expect(isOrdinaryName('Queen of Tears', 'title')).toBe(true);
    expect(isOrdinaryName('Hotel Del Luna', 'title')).toBe(false);
    expect(isOrdinaryName('Rain', 'person')).toBe(true);
    expect(isOrdinaryName('Song Kang', 'person')).toBe(false);
    // One word is always someone's word or given name: IU, like Rain, needs context.
    expect(isOrdinaryName('IU', 'person')).toBe(true);
    expect(isOrdinaryName('Junho', 'person')).toBe(true);
  });

  it('decides Hangul names: short or spaced titles, one- or two-syllable people', () => {
    expect(isOrdinaryName('부부의 세계', 'title')).toBe(true);
    expect(isOrdinaryName('마우스', 'title')).toBe(true);
    expect(isOrdinaryName('알고있지만', 'title')).toBe(false);
    expect(isOrdinaryName('비', 'person')).toBe(true);
    expect(isOrdinaryName('수호', 'person')).toBe(true);
    expect(isOrdinaryName('김희애', 'person')).toBe(false);
  });

  it('does not light an ordinary Korean phrase, but does the quoted title or the title with its cast', () => {
    expect(names('두 부부의 세계가 달랐다.')).toEqual([]);
    expect(names('오늘 비가 온다.')).toEqual([]);
    expect(names('우리는 수호를 맹세했다.')).toEqual([]);
    expect(names("드라마 '부부의 세계'가 화제다.")).toEqual(['부부의 세계']);
    expect(names('김희애 주연의 부부의 세계가 끝났다.')).toEqual(['김희애', '부부의 세계']);
    expect(names('<눈물의 여왕>이 방송된다.')).toEqual(['눈물의 여왕']);
  });

  it('does not light everyday English, but does the drama and the singer where the page is about K-drama', () => {
    expect(names('Weather: sunny, then rain.')).toEqual([]);
    expect(names('Rain stopped play at Lords.')).toEqual([]);
    expect(names('The mouse ran under the desk.')).toEqual([]);
    expect(names('A Mouse is a small rodent.')).toEqual([]);
    expect(names('Fans of Mouse and Queen of Tears', KDRAMA_PAGE())).toEqual(['Mouse', 'Queen of Tears']);
    expect(names('the queen of tears in the old song', KDRAMA_PAGE())).toEqual([]);
    expect(names('The drama stars Rain as a detective.')).toEqual(['Rain']);
  });
});

describe('general news pages (what lit on the corpus pages before these rules)', () => {
  const drama = (id: string, title: string) => ({ id, title, aliases: [], titleIsCommonWord: false, castIds: [] });
  const m = loadDictionary(
    compileDictionary(
      dictionaryInput(
        [drama('times', 'Times'), drama('s-line', 'S Line')],
        [
          { id: 'l', name: 'L', aliases: [], dramaIds: [] },
          { id: 'junho', name: 'Junho', aliases: [], dramaIds: [] },
          { id: 'krystal', name: 'Krystal', aliases: [], dramaIds: [] },
        ],
        isOrdinaryName,
      ),
    ),
  );
  const names = (text: string, context?: MatchContext) => found(text, m, context).map((f) => f.split(':')[1]);

  it('a US streamer says TV, not K-drama: the page does not become a K-drama page', () => {
    const page: MatchContext = { kdrama: false };
    expect(names('Disney+ glitches blamed on heavy demand - Los Angeles Times', page)).toEqual([]);
    expect(page.kdrama).toBe(false);
    expect(names('Why L.A. Times?', page)).toEqual([]);
    expect(names('Copyright © 2019, Los Angeles Times', page)).toEqual([]);
    expect(names('The manager swore 58 TIMES in a rant on TV.', { kdrama: true })).toEqual([]);
  });

  it('a name that is a whole block (a menu item) needs a related name, not the cue words of its neighbours', () => {
    const B = BLOCK_BREAK;
    expect(names(`Weather${B}Connect${B}Series${B}Stars${B}Times`, { kdrama: true })).toEqual([]);
    expect(names(`Weather${B}  L  ${B}Times`)).toEqual([]);
    // Inside a sentence the same cue is context.
    expect(names(`Menu${B}The series Times is back.`)).toEqual(['Times']);
  });

  it('one-word stage names and letter-and-word titles need context', () => {
    expect(names('Junho (170)')).toEqual([]); // a Portuguese month in a calendar widget
    expect(names('Krystal Ball issues warning to voters')).toEqual([]);
    expect(names('Audi will have an S line model, which has 20-inch wheels.')).toEqual([]);
    // With a cue nearby they are the people and the drama.
    expect(names('The drama Times stars L and Junho.')).toEqual(['Times', 'L', 'Junho']);
    expect(names('Krystal joins the cast of S Line.')).toEqual(['Krystal', 'S Line']);
  });
});

describe('a hyphen continues a romanised name', () => {
  // No Song Kang-hyun in this dictionary: only the rule keeps "Song Kang" out of his name.
  const m = loadDictionary(
    compileDictionary(dictionaryInput([], [{ id: 'song-kang', name: 'Song Kang', aliases: [], dramaIds: [] }])),
  );
  it('does not find Song Kang inside Song Kang-hyun, but does before other punctuation', () => {
    expect(found('Actor Song Kang-hyun joined.', m)).toEqual([]);
    expect(found('Actor Song Kang-Hyun joined.', m)).toEqual([]);
    expect(found('Song Kang - the actor - joined.', m)).toEqual(['song-kang:Song Kang']);
    expect(found('Song Kang-led drama', m)).toEqual([]);
    expect(found('Song Kang, Han So-hee', m)).toEqual(['song-kang:Song Kang']);
  });
});

describe('automaton against an obviously correct oracle', () => {
  // Random dictionaries over a tiny alphabet make overlaps, shared prefixes and suffixes common.
  function random(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  const ALPHABET = ['a', 'b', 'c', ' ', '.', 'ab', '한', '소'];

  function oracle(names: { id: string; key: string }[], text: string) {
    // Fold the text by hand (lowercase, drop spaces), remembering original offsets.
    const units: { ch: string; at: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === ' ') continue;
      units.push({ ch: text[i].toLowerCase(), at: i });
    }
    const folded = units.map((u) => u.ch).join('');
    const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9\p{L}]/iu.test(ch);
    const isHangul = (ch: string | undefined) => ch !== undefined && /[\uac00-\ud7a3]/.test(ch);
    const candidates: { start: number; end: number; id: string }[] = [];
    for (const { id, key } of names) {
      for (let i = folded.indexOf(key); i !== -1; i = folded.indexOf(key, i + 1)) {
        const start = units[i].at;
        const end = units[i + key.length - 1].at + 1;
        const before = text[start - 1];
        const after = text[end];
        const hangul = isHangul(text[start]);
        if (hangul ? isHangul(before) : isWord(before)) continue;
        if (isWord(after)) continue;
        candidates.push({ start, end, id });
      }
    }
    candidates.sort((x, y) => x.start - y.start || y.end - x.end);
    const chosen: string[] = [];
    let lastEnd = -1;
    for (const c of candidates) {
      if (c.start >= lastEnd) {
        chosen.push(`${c.id}@${c.start}-${c.end}`);
        lastEnd = c.end;
      }
    }
    return chosen;
  }

  it('agrees on 1000 random dictionaries and texts', () => {
    const rand = random(42);
    let compared = 0;
    for (let round = 0; round < 1000; round++) {
      const pick = () => ALPHABET[Math.floor(rand() * ALPHABET.length)];
      const names = new Map<string, string>();
      const count = 1 + Math.floor(rand() * 6);
      for (let n = 0; n < count; n++) {
        let name = '';
        const length = 1 + Math.floor(rand() * 4);
        for (let k = 0; k < length; k++) name += pick();
        const key = foldKey(name);
        // Hangul particles are covered above; the oracle keeps to plain boundaries.
        if (key.length === 0 || /[.]/.test(key) || /[\uac00-\ud7a3]/.test(key) || names.has(key)) continue;
        names.set(key, `e${n}`);
      }
      if (names.size === 0) continue;
      // Texts mix dictionary names (in any case) with noise, so matches, overlaps and near misses are common.
      const keys = [...names.keys()];
      let text = '';
      const length = Math.floor(rand() * 30);
      for (let k = 0; k < length; k++) {
        const r = rand();
        if (r < 0.35) text += keys[Math.floor(rand() * keys.length)];
        else if (r < 0.45) text += keys[Math.floor(rand() * keys.length)].toUpperCase();
        else text += pick();
        if (rand() < 0.5) text += rand() < 0.7 ? ' ' : '.';
      }
      const inputs: DictionaryEntityInput[] = [...names].map(([key, id]) => ({
        id,
        kind: 'person',
        names: [{ text: key }],
      }));
      const m = loadDictionary(compileDictionary(inputs));
      const actual = findMatches(m, text).map((x) => `${m.entityId(x.entity)}@${x.start}-${x.end}`);
      const expected = oracle(
        [...names].map(([key, id]) => ({ id, key })),
        text,
      );
      compared += expected.length;
      expect(actual, `text ${JSON.stringify(text)} names ${JSON.stringify([...names.keys()])}`).toEqual(expected);
    }
    // The random cases must actually contain matches, or the comparison proves nothing.
    expect(compared).toBeGreaterThan(1500);
  });
});
