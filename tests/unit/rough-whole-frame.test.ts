// The bootstrap asks the rough step about a frame's text in one request, where the engine asks
// slice by slice (and the page's strong cues carry from slice to slice). If any slicing the
// engine could make finds a window, the one request must find one too, or a page with a name
// would never load the engine. Random pages of fixture words, random slicings.
import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../lib/match/compile';
import { dictionaryInput } from '../../lib/match/dictionary-input';
import { loadDictionary } from '../../lib/match/matcher';
import { roughWindows } from '../../lib/match/page-matching';

const matcher = loadDictionary(
  compileDictionary(
    dictionaryInput(
      [
        { id: 'nevertheless', title: 'Nevertheless', aliases: [], titleIsCommonWord: true, castIds: ['song-kang'] },
        { id: 'mouse', title: 'Mouse', aliases: [], titleIsCommonWord: true, castIds: [] },
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
