import { describe, expect, it } from 'vitest';
import { createNameMatchingService } from '../../lib/background/name-matching';
import { compileDictionary } from '../../lib/match/compile';
import { encodeDictionary } from '../../lib/match/dictionary-binary';
import { dictionaryInput } from '../../lib/match/dictionary-input';
import { KIND_DRAMA, KIND_PERSON } from '../../lib/match/kinds';
import { BLOCK_BREAK } from '../../lib/match/matcher';
import { packTexts, unpackTexts } from '../../lib/match/packed-texts';

const rough = (parts: string[], kdrama = false) => ({ ...packTexts(parts), kdrama });
const exact = (texts: string[], kdrama = false) => ({ ...packTexts(texts), kdrama });

// Made-up fixture entities (a drama whose title is an ordinary word, its cast, a cue).
const compiled = compileDictionary(
  dictionaryInput(
    [{ id: 'nevertheless', title: 'Nevertheless', aliases: [], titleIsCommonWord: true, castIds: ['song-kang'] }],
    [{ id: 'song-kang', name: 'Song Kang', aliases: ['송강'], dramaIds: ['nevertheless'] }],
  ),
);
const bytes = encodeDictionary(compiled);
const PAGE = 'https://fans.example/news';

function service(mayScan?: (url: string) => Promise<boolean>) {
  let reads = 0;
  const matching = createNameMatchingService(async () => {
    reads++;
    return bytes.slice().buffer;
  }, mayScan);
  return { matching, reads: () => reads };
}

describe('the background matcher for page text', () => {
  it('answers a rough slice with the runs of text nodes that may hold a name, and nothing for text without one', async () => {
    const { matching } = service();
    const parts = ['The weather today. ', 'Song ', 'Kang', ' waves at fans.', ' More weather.'];
    const answer = await matching.rough(rough(parts), PAGE);
    expect(answer).not.toBeNull();
    const windows = answer!.windows;
    expect(windows.length).toBe(2);
    // The window covers the name's two text nodes.
    expect(windows[0]).toBeLessThanOrEqual(1);
    expect(windows[1]).toBeGreaterThanOrEqual(2);
    expect(await matching.rough(rough(['Nothing here at all.']), PAGE)).toEqual({
      windows: [],
      kdrama: false,
      allowed: true,
    });
  });

  it("answers the bootstrap's question (nearCues) by the cue's distance, the rough step's by the slice", async () => {
    const { matching } = service();
    const far = ' The markets were quiet and the weather stayed mild across the region all day long. '.repeat(2);
    const parts = ['I said Nevertheless', far, 'and then the drama began.'];
    // The rough step: one cue anywhere in the slice keeps the ordinary-word title for the exact step.
    expect((await matching.rough(rough(parts), PAGE))!.windows.length).toBeGreaterThan(0);
    // The bootstrap's question: the cue is out of the exact step's reach, so nothing can stand.
    expect(await matching.rough({ ...rough(parts), nearCues: true }, PAGE)).toEqual({
      windows: [],
      kdrama: false,
      allowed: true,
    });
    const near = ['I said Nevertheless', ' and then the drama began.'];
    expect((await matching.rough({ ...rough(near), nearCues: true }, PAGE))!.windows.length).toBeGreaterThan(0);
    expect(await matching.rough({ ...rough(near), nearCues: 'yes' }, PAGE)).toBeNull();
  });

  it('finds the names of exact texts with their facts, and an ordinary-word title only with context', async () => {
    const { matching } = service();
    const text = `Song Kang returns.${BLOCK_BREAK}Nevertheless, it rained.${BLOCK_BREAK}Song Kang stars in “Nevertheless”.`;
    const answer = await matching.exact(exact([text, 'nevertheless, no name here']));
    expect(answer).not.toBeNull();
    const found = (flat: number[]) =>
      Array.from({ length: flat.length / 3 }, (_, i) => text.slice(flat[3 * i], flat[3 * i + 1]));
    expect(found(answer!.matches[0])).toEqual(['Song Kang', 'Song Kang', 'Nevertheless']);
    expect(answer!.matches[1]).toEqual([]);
    const facts = Object.fromEntries(answer!.facts.map((f) => [f.id, f]));
    expect(facts['song-kang']).toMatchObject({ kind: KIND_PERSON, dramaIds: ['nevertheless'] });
    expect(facts['nevertheless']).toMatchObject({ kind: KIND_DRAMA, dramaIds: [] });
    // A name that is not an ordinary word shows the page is about K-drama; the page keeps that.
    expect(answer!.kdrama).toBe(true);
  });

  it('answers a page the settings keep Dramalens off for with no windows and the word not to scan', async () => {
    const asked: string[] = [];
    const { matching, reads } = service(async (url) => {
      asked.push(url);
      return !url.startsWith('https://off.example/');
    });
    expect(await matching.rough(rough(['Song Kang waves.']), 'https://off.example/page')).toEqual({
      windows: [],
      kdrama: false,
      allowed: false,
    });
    // Nothing was matched for it: the dictionary was not even read.
    expect(reads()).toBe(0);
    expect((await matching.rough(rough(['Song Kang waves.']), PAGE))!.allowed).toBe(true);
    expect(asked).toEqual(['https://off.example/page', PAGE]);
  });

  it('refuses malformed requests and reads the dictionary once', async () => {
    const { matching, reads } = service();
    expect(await matching.rough({ parts: ['Song Kang'], kdrama: false }, PAGE)).toBeNull();
    expect(await matching.rough({ text: 'Song Kang', lengths: 7, kdrama: false }, PAGE)).toBeNull();
    expect(await matching.exact({ ...packTexts(['Song Kang']) })).toBeNull();
    expect(await matching.exact({ ...exact(['Song Kang']), extra: 1 })).toBeNull();
    // Lengths that do not add up to the text.
    expect(await matching.rough({ text: 'Song Kang', lengths: '\u0000\u0004', kdrama: false }, PAGE)).toBeNull();
    expect(await matching.rough({ text: 'Song Kang', lengths: '\u0000', kdrama: false }, PAGE)).toBeNull();
    expect(await matching.rough({ text: 'x'.repeat(20_000_001), lengths: '', kdrama: false }, PAGE)).toBeNull();
    await matching.rough(rough(['Song Kang']), PAGE);
    await matching.exact(exact(['Song Kang']));
    expect(reads()).toBe(1);
  });
});

describe('packed texts (how a page’s text crosses to the background)', () => {
  it('gives back exactly the strings it packed, empty and long ones included', () => {
    const parts = ['Song ', '', 'Kang', 'x'.repeat(70_000), '송강 ', BLOCK_BREAK];
    expect(unpackTexts(packTexts(parts))).toEqual(parts);
    expect(unpackTexts(packTexts([]))).toEqual([]);
    const many = Array.from({ length: 20_000 }, (_, i) => `part ${i} `);
    expect(unpackTexts(packTexts(many))).toEqual(many);
  });

  it('refuses lengths that do not add up', () => {
    const packed = packTexts(['ab', 'cd']);
    expect(unpackTexts({ ...packed, text: 'abc' })).toBeUndefined();
    expect(unpackTexts({ ...packed, text: 'abcde' })).toBeUndefined();
    expect(unpackTexts({ ...packed, lengths: packed.lengths.slice(1) })).toBeUndefined();
  });
});
