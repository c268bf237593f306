// The bootstrap asks the rough step about a frame's text in one request, where the engine asks
// slice by slice (and the page's strong cues carry from slice to slice). If any slicing the
// engine could make finds a window, the one request must find one too, or a page with a name
// would never load the engine. Random pages of fixture words, random slicings.
import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../lib/match/compile';
import { dictionaryInput } from '../../lib/match/dictionary-input';
import { BLOCK_BREAK, findMatches, loadDictionary } from '../../lib/match/matcher';
import { nameMayStand, roughWindows } from '../../lib/match/page-matching';

const matcher = loadDictionary(
  compileDictionary(
    dictionaryInput(
      [
        { id: 'nevertheless', title: 'Nevertheless', aliases: [], titleIsCommonWord: true, castIds: ['song-kang'] },
        { id: 'mouse', title: 'Mouse', aliases: [], titleIsCommonWord: true, castIds: [] },
        // Fixture: a Hangul title that is an ordinary word.
        { id: 'mouse-ko', title: '마우스', aliases: [], titleIsCommonWord: true, castIds: [] },
      ],
      [{ id: 'song-kang', name: 'Song Kang', aliases: ['송강'], dramaIds: ['nevertheless'] }],
    ),
  ),
);

// Text node strings as pages have them: names whole or split over inline elements, ordinary
// words that are titles (capitalised or not), weak and strong cues, filler.
const WORDS = [
  'Nevertheless ',
  'nevertheless, ',
  'Mouse',
  ' mouse ',
  'Song',
  ' Kang',
  'Song Kang ',
  '송강이 ',
  'episode ',
  'drama',
  ' JTBC ',
  'the weather ',
  'rain later. ',
  'Markets closed higher today. ',
  'x'.repeat(120),
];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the rough step over a whole frame', () => {
  it('finds a window whenever the engine would, slice by slice', () => {
    let pagesWithWindows = 0;
    let pagesWithout = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const next = random(seed);
      const parts = Array.from({ length: 1 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]);
      // The engine's slicing: cut points between parts, its page context carried along.
      const cuts = [0];
      for (let i = 1; i < parts.length; i++) if (next() < 0.4) cuts.push(i);
      cuts.push(parts.length);
      const engineContext = { kdrama: false };
      let engineFound = false;
      for (let c = 0; c + 1 < cuts.length; c++) {
        if (roughWindows(matcher, parts.slice(cuts[c], cuts[c + 1]), engineContext).length > 0) engineFound = true;
      }
      const wholeFound = roughWindows(matcher, parts, { kdrama: false }).length > 0;
      if (engineFound) {
        expect(wholeFound, JSON.stringify({ seed, parts, cuts })).toBe(true);
        pagesWithWindows++;
      } else if (!wholeFound) pagesWithout++;
    }
    // The generator makes both kinds of page, so the implication was put to the test.
    expect(pagesWithWindows).toBeGreaterThan(300);
    expect(pagesWithout).toBeGreaterThan(300);
  });
});

describe('nameMayStand: the bootstrap question, cues judged by distance', () => {
  // Filler long enough to put a cue out of the exact step's reach.
  const FAR = ' The markets were quiet and the weather stayed mild across the region all day long today. ';
  // And strings whose own characters decide the exact step's rules: names run into words,
  // capitalised runs, shouting, quotes, Hangul with and without particles or quotes.
  const IN_PART_WORDS = [
    'Mousetrap ',
    'Songbirds ',
    'The Mouse Club ',
    'Big Mouse',
    'MOUSE ',
    'NEVERTHELESS',
    '“Mouse” ',
    '"Mouse',
    "'Nevertheless', ",
    'Mouse, ',
    '마우스',
    '마우스가 ',
    '빅마우스 ',
    '「마우스」 ',
    '송강',
    'Kang-',
    'mega',
  ];
  const BLOCK_WORDS = [...WORDS, ...IN_PART_WORDS, FAR, FAR, '“Mouse”', 'Nevertheless', ' returns'];

  /** Blocks of text nodes: the exact text joins a block's nodes and breaks between blocks. */
  function randomBlockPage(seed: number) {
    const next = random(seed);
    const blocks = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
      Array.from({ length: 1 + Math.floor(next() * 5) }, () => BLOCK_WORDS[Math.floor(next() * BLOCK_WORDS.length)]),
    );
    return { blocks, parts: blocks.flat(), exactText: blocks.map((b) => b.join('')).join(BLOCK_BREAK) };
  }

  it('says yes whenever the exact step finds a name in the same text', () => {
    let named = 0;
    let tighter = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const { blocks, parts, exactText } = randomBlockPage(seed);
      const found = findMatches(matcher, exactText, { kdrama: false }).length > 0;
      const mayStand = nameMayStand(matcher, parts, { kdrama: false });
      if (found) {
        expect(mayStand, JSON.stringify({ seed, blocks })).toBe(true);
        named++;
      }
      if (!mayStand && roughWindows(matcher, parts, { kdrama: false }).length > 0) tighter++;
    }
    expect(named).toBeGreaterThan(300);
    // And it is a tighter question than the rough step's: many pages the rough step would send
    // on to the exact step are answered here.
    expect(tighter).toBeGreaterThan(20);
  });

  it('the rough step keeps a window around every name the exact step finds', () => {
    let names = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const { blocks, parts, exactText } = randomBlockPage(seed);
      // Which part each character of the exact text comes from (-1 for a block break).
      const partAt: number[] = [];
      let p = 0;
      blocks.forEach((block, b) => {
        if (b > 0) partAt.push(-1);
        for (const part of block) {
          for (let i = 0; i < part.length; i++) partAt.push(p);
          p++;
        }
      });
      const windows = roughWindows(matcher, parts, { kdrama: false });
      for (const match of findMatches(matcher, exactText, { kdrama: false })) {
        const first = partAt[match.start];
        const last = partAt[match.end - 1];
        let inside = false;
        for (let w = 0; w < windows.length; w += 2) if (windows[w] <= first && last <= windows[w + 1]) inside = true;
        expect(inside, JSON.stringify({ seed, blocks, match })).toBe(true);
        names++;
      }
    }
    expect(names).toBeGreaterThan(1000);
    // A distinctive name run into a word in its own string opens no window.
    expect(roughWindows(matcher, ['Song Kangaroo sanctuary'], { kdrama: false })).toEqual([]);
    expect(roughWindows(matcher, ['Song Kang', 'aroo'], { kdrama: false })).not.toEqual([]);
  });

  it('counts a cue near an ordinary-word title, not one far from it, and any strong cue', () => {
    expect(nameMayStand(matcher, ['Mouse', ' is a new drama'], { kdrama: false })).toBe(true);
    expect(nameMayStand(matcher, ['Mouse', FAR, FAR, 'a drama'], { kdrama: false })).toBe(false);
    expect(nameMayStand(matcher, ['Mouse', FAR, FAR, 'on JTBC'], { kdrama: false })).toBe(true);
    expect(nameMayStand(matcher, ['a mouse', ' in the drama'], { kdrama: false })).toBe(false);
    expect(nameMayStand(matcher, ['Song Kang', FAR], { kdrama: false })).toBe(true);
    expect(nameMayStand(matcher, ['Mouse', FAR], { kdrama: true })).toBe(true);
  });

  it("reads the exact step's rules inside one string, and leaves a string's edges open", () => {
    // Run into a word: no match at all, whatever the cues.
    expect(nameMayStand(matcher, ['Mousetrap sales on JTBC'], { kdrama: false })).toBe(false);
    // A capitalised run or shouting stands only beside a related name: a cue is not enough.
    expect(nameMayStand(matcher, ['The Mouse Club', ' drama'], { kdrama: false })).toBe(false);
    expect(nameMayStand(matcher, ['The MOUSE', ' drama'], { kdrama: true })).toBe(false);
    expect(nameMayStand(matcher, ['The Nevertheless Club', ' with Song Kang'], { kdrama: false })).toBe(true);
    // Quoted, it stands through the cue again; unquoted Hangul needs a related name.
    expect(nameMayStand(matcher, ['The “Mouse” Club', ' drama'], { kdrama: false })).toBe(true);
    expect(nameMayStand(matcher, ['마우스 드라마'], { kdrama: true })).toBe(false);
    expect(nameMayStand(matcher, ['「마우스」 드라마'], { kdrama: true })).toBe(true);
    // At a string's edge the neighbour may be anything in the exact text: left open.
    expect(nameMayStand(matcher, ['Mouse', 'trap drama'], { kdrama: false })).toBe(true);
    expect(nameMayStand(matcher, ['Club', 'Mouse drama'], { kdrama: false })).toBe(true);
    // "Big" may be the end of a longer lowercase word ("megaBig"): not surely a capitalised run.
    expect(nameMayStand(matcher, ['Big Mouse', ' drama'], { kdrama: false })).toBe(true);
  });
});
