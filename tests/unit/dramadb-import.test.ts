// The dramadb importer (scripts/index-builder/dramadb-import.ts) on the MADE-UP tables in
// tests/fixtures/dramadb (invented titles and names in the real tables' layout), plus its cast
// reader and channel table.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDramadbTexts } from '../../scripts/index-builder/dramadb';
import {
  CHANNEL_TABLE,
  DramadbImportError,
  importDramadb,
  parseCast,
  readChannel,
  serializeImported,
  type ImportedDataset,
  type ImportedDrama,
} from '../../scripts/index-builder/dramadb-import';

const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/dramadb');
const texts = readDramadbTexts(FIXTURE_DIR);
const data = importDramadb(texts);

const dramasTitled = (title: string) => data.dramas.filter((d) => d.title.replace(/\s+/g, '') === title);
const drama = (title: string): ImportedDrama => {
  const found = dramasTitled(title);
  expect(found, title).toHaveLength(1);
  return found[0];
};
const castNames = (d: ImportedDrama, dataset: ImportedDataset = data) =>
  d.cast.map((id) => {
    const p = dataset.people.find((x) => x.id === id)!;
    return p.disambiguation ? `${p.name} (${p.disambiguation})` : p.name;
  });

describe('importDramadb on made-up tables', () => {
  it('reads every field a row states plainly', () => {
    const garden = drama('가상의정원');
    expect(garden).toMatchObject({
      year: 2012,
      premiere: '2012-03-05',
      finale: '2012-04-24',
      episodes: 16,
      slots: [{ days: ['mon', 'tue'], time: '22:00' }],
      network: 'SBS', // wikipedia.csv says SBS TV, namuwiki.csv SBS
    });
    expect(garden.unsettled).toBeUndefined();
    expect(garden.id).toMatch(/^db-[0-9a-f]{8}$/);
  });

  it('gives each row its provenance: file, data row and line, and the fields it states', () => {
    const garden = drama('가상의정원');
    expect(garden.sources.map((s) => `${s.file}:${s.row}:${s.line}`)).toEqual([
      'wikipedia.csv:1:2',
      'namuwiki.csv:1:2',
      'results.csv:1:2',
      'results.csv:2:3',
    ]);
    expect(garden.sources[0].supports).toContain('schedule.slots');
    expect(garden.sources[2].supports).toContain('cast'); // the cast came from this row
    expect(garden.sources[3].supports).not.toContain('cast');
  });

  it('shows a title with its spacing only where a field of its rows writes it (《가상의 정원》)', () => {
    expect(drama('가상의정원').title).toBe('가상의 정원');
    // No field spaces 시험의밤: it stays as the tables write it, never spaced by guess.
    expect(drama('시험의밤').title).toBe('시험의밤');
  });

  it('leaves a field empty when the text does not state it plainly', () => {
    const night = drama('시험의밤');
    // wikipedia.csv: `9시 55분` (morning or evening?) and `16부작 (예정)` (planned): not facts;
    // namuwiki.csv states `오후 9:55` and `16부작`, which then stand alone.
    expect(night.slots).toEqual([{ days: ['wed', 'thu'], time: '21:55' }]);
    expect(night.episodes).toBe(16);
    const star = drama('떠도는별');
    expect(star.sources.find((s) => s.file === 'wikipedia.csv')!.supports).not.toContain('schedule.slots');
  });

  it('reads a slot after midnight as the next day (금요일 밤 12시 = Saturday 00:00)', () => {
    expect(drama('한밤의식당').slots).toEqual([{ days: ['sat'], time: '00:00' }]);
  });

  it('normalises channels with the table: 한국방송공사 alone names no channel, KBS 2TV does', () => {
    const night = drama('시험의밤');
    expect(night.network).toBe('KBS2');
    expect(night.sources.find((s) => s.file === 'wikipedia.csv')!.supports).not.toContain('network');
    expect(drama('떠도는별').network).toBe('TV Chosun');
    expect(drama('한밤의식당')).toMatchObject({ network: 'JTBC', platforms: ['Netflix'] });
  });

  it('joins rows whose premieres are a few days apart, and leaves the disputed premiere empty', () => {
    const night = drama('시험의밤');
    expect(night.premiere).toBeUndefined();
    expect(night.year).toBe(2015);
    expect(night.finale).toBe('2015-08-20');
    expect(night.unsettled).toEqual([
      {
        field: 'schedule.premiere',
        values: [
          { file: 'wikipedia.csv', row: 2, line: 3, value: '2015-07-01' },
          { file: 'namuwiki.csv', row: 2, line: 3, value: '2015-07-03' },
          { file: 'results.csv', row: 3, line: 4, value: '2015-07-01' },
          { file: 'results.csv', row: 4, line: 5, value: '2015-07-03' },
        ],
      },
    ]);
  });

  it('lets a row without a premiere join the one drama of its title, and no other', () => {
    const star = drama('떠도는별');
    expect(star.slots).toEqual([{ days: ['sat'], time: '21:00' }]); // from the undated namuwiki.csv row
    expect(star.sources).toHaveLength(4);
    // 같은제목 names two dramas (2004, 2016): its undated rows are left out.
    expect(dramasTitled('같은제목').map((d) => d.year)).toEqual([2016, 2004]);
    expect(data.leftOut.filter((r) => r.title === '같은제목').map((r) => `${r.file}:${r.row} ${r.reason}`)).toEqual([
      'namuwiki.csv:4 no premiere, and the title names several dramas',
      'results.csv:12 no premiere, and the title names several dramas',
    ]);
  });

  it('leaves out rows the tables disagree on (another drama scraped under the title)', () => {
    expect(dramasTitled('유령의집')).toEqual([]);
    expect(data.leftOut.filter((r) => r.title === '유령의집')).toEqual([
      {
        file: 'wikipedia.csv',
        row: 3,
        line: 4,
        title: '유령의집',
        premiere: '2010-01-04',
        reason: 'no row of results.csv has this title and premiere',
      },
      {
        file: 'results.csv',
        row: 5,
        line: 6,
        title: '유령의집',
        premiere: '2013-05-06',
        reason: 'no row of wikipedia.csv or namuwiki.csv has this title and premiere',
      },
    ]);
  });

  it('keeps only dramas that premiered 2000–2020', () => {
    expect(dramasTitled('옛날이야기')).toEqual([]); // 1999
    expect(dramasTitled('내일이야기')).toEqual([]); // 2021: the curated catalog's years
    expect(data.dramas.every((d) => d.year >= 2000 && d.year <= 2020)).toBe(true);
    expect(data.years).toEqual([2000, 2020]);
    expect(importDramadb(texts, { firstYear: 1990 }).dramas.some((d) => d.title === '옛날이야기')).toBe(true);
  });
});

describe('cast and people', () => {
  it('reads the cast of the results.csv row that repeats the wikipedia.csv row', () => {
    expect(castNames(drama('가상의정원'))).toEqual(['김가상 (배우)', '이모의 (1987년)', '박예시 (1990년)', '최샘플']);
  });

  it('keeps disambiguated names as distinct people, the shown name without the bracket', () => {
    const byFull = new Map(data.people.map((p) => [p.disambiguation ? `${p.name} (${p.disambiguation})` : p.name, p]));
    const actor = byFull.get('김가상 (배우)')!;
    const bare = byFull.get('김가상')!;
    expect(actor.id).not.toBe(bare.id);
    expect(actor).toMatchObject({ name: '김가상', disambiguation: '배우' });
    expect(bare.disambiguation).toBeUndefined();
    // The same written name in two dramas is one person, with both rows as sources.
    expect(drama('떠도는별').cast).toContain(actor.id);
    expect(actor.sources.map((s) => `${s.file}:${s.row}`)).toEqual(['results.csv:1', 'results.csv:6']);
  });

  it('gives stable ids: the same name, the same id, whatever the row order', () => {
    const reversed = { ...texts };
    for (const file of ['wikipedia.csv', 'results.csv'] as const) {
      const [header, ...rows] = texts[file].trimEnd().split('\n');
      reversed[file] = [header, ...rows.reverse()].join('\n') + '\n';
    }
    const again = importDramadb(reversed);
    expect(again.dramas.map((d) => d.id).sort()).toEqual(data.dramas.map((d) => d.id).sort());
    expect(again.people.map((p) => p.id).sort()).toEqual(data.people.map((p) => p.id).sort());
  });

  it('serialises deterministically, one entry per line', () => {
    const text = serializeImported(data);
    expect(serializeImported(importDramadb(texts))).toBe(text);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
    const lines = text.split('\n');
    const first = lines.indexOf('"dramas": [');
    expect(JSON.parse(lines[first + 1].replace(/,$/, '')).id).toBe(data.dramas[0].id);
  });
});

describe('parseCast', () => {
  const names = (text: string) => parseCast(text).names.map((n) => n.full);

  it('reads comma lists ending in 외, 外 or 등, with disambiguators', () => {
    expect(names(' 김가상 (배우), 이이경, 김예시 (1987년) 외')).toEqual(['김가상 (배우)', '이이경', '김예시 (1987년)']);
    expect(names('  박일, 최이 外 ')).toEqual(['박일', '최이']);
    expect(names('정삼, 한사 등')).toEqual(['정삼', '한사']);
  });

  it('writes a disambiguator one way: a space before the bracket, a bare year as 년', () => {
    expect(parseCast('이정가(1970), 김소가(배우)').names).toEqual([
      { full: '이정가 (1970년)', name: '이정가', disambiguation: '1970년' },
      { full: '김소가 (배우)', name: '김소가', disambiguation: '배우' },
    ]);
  });

  it('reads line-separated lists, wiki links and templates', () => {
    expect(names('{{단순목록}}\n 고가상 (배우)\n 김가짜 (1982년)\n{{단순목록끝}}')).toEqual([
      '고가상 (배우)',
      '김가짜 (1982년)',
    ]);
    expect(names('[[공가상 (배우)|공가상]], [[최가짜]]')).toEqual(['공가상 (배우)', '최가짜']);
    expect(names('박가 · 김가짜 · 전가상')).toEqual(['박가', '김가짜', '전가상']);
  });

  it('skips what is not plainly one Hangul name', () => {
    const { names: found, skipped } = parseCast(
      '문가상 고가짜, 이가상송가짜, 다니엘 가상, BoA, 비, 김가상 (배우)(중도하차)',
    );
    expect(found).toEqual([]);
    expect(skipped).toEqual(['문가상 고가짜', '이가상송가짜', '다니엘 가상', 'BoA', '비', '김가상 (배우)(중도하차)']);
    // one syllable with its disambiguator is a name
    expect(names('비 (가수)')).toEqual(['비 (가수)']);
  });

  it('skips a cell that describes characters instead of listing names', () => {
    expect(parseCast('염가상 : 강가짜 역, 김가상 (배우) : 김역 역')).toEqual({
      names: [],
      skipped: ['염가상 : 강가짜 역, 김가상 (배우) : 김역 역'],
    });
    expect(parseCast('《가상》은 2000년에 방영된 드라마이다.').names).toEqual([]);
  });

  it('reads nothing from an empty cell', () => {
    expect(parseCast('')).toEqual({ names: [], skipped: [] });
    expect(parseCast(undefined)).toEqual({ names: [], skipped: [] });
  });

  it('keeps one entry per written name in a cell', () => {
    expect(names('김가상, 김가상, 김가상 (배우)')).toEqual(['김가상', '김가상 (배우)']);
  });

  it('in the fixture: a single syllable only with its bracket; a character list gives nobody', () => {
    expect(castNames(drama('한밤의식당'))).toEqual(['비 (가수)', '선우가상']);
    expect(dramasTitled('같은제목').find((d) => d.year === 2016)!.cast).toEqual([]);
  });
});

describe('the channel table', () => {
  it('maps the tables’ channel names to the catalog’s network names', () => {
    const cases: [string, string | undefined][] = [
      ['KBS 2TV', 'KBS2'],
      ['KBS 제2TV', 'KBS2'],
      ['KBS2TV', 'KBS2'],
      ['한국방송공사 KBS 2TV', 'KBS2'],
      ['KBS 1TV', 'KBS1'],
      ['한국방송공사', undefined], // KBS1 or KBS2: some dramas listed so aired on KBS1
      ['KBS', undefined],
      ['문화방송', 'MBC'],
      ['MBC TV', 'MBC'],
      ['SBS TV', 'SBS'],
      ['서울방송', 'SBS'],
      ['SBS (대한민국의 방송사)', 'SBS'],
      ['TV CHOSUN', 'TV Chosun'],
      ['TV조선', 'TV Chosun'],
      ['채널A', 'Channel A'],
      ['OCN (방송)', 'OCN'],
      ['OCN_LOGO.png', 'OCN'],
      ['TvN', 'tvN'],
      ['JTBC(종합편성채널)', 'JTBC'],
      ['MBN | Dramax', undefined], // two broadcasters
      ['', undefined],
    ];
    for (const [text, network] of cases) {
      expect(readChannel(text), text).toBeDefined();
      expect(readChannel(text)!.network, text).toBe(network);
    }
    expect(readChannel('  SBS   TV ')!.network).toBe('SBS'); // whitespace collapsed
    expect(readChannel('KBS 2TV | 넷플릭스')).toEqual({ network: 'KBS2', platforms: ['Netflix'] });
  });

  it('uses only known network and platform names, and says why when it gives none', () => {
    const NETWORKS = new Set(['KBS1', 'KBS2', 'KBS W', 'MBC', 'SBS', 'tvN', 'JTBC', 'OCN', 'TV Chosun', 'Channel A']);
    NETWORKS.add('MBN').add('Olive').add('Fuji TV');
    const PLATFORMS = new Set(['Netflix', 'Wavve', 'Watcha', 'Naver TV']);
    for (const [text, reading] of Object.entries(CHANNEL_TABLE)) {
      if (reading.network) expect(NETWORKS, text).toContain(reading.network);
      for (const p of reading.platforms ?? []) expect(PLATFORMS, text).toContain(p);
      if (!reading.network && !reading.platforms) expect(reading.note, text).toBeTruthy();
      expect(text, 'keys are whitespace-collapsed').toBe(text.replace(/\s+/g, ' ').trim());
    }
  });

  it('fails on a channel text the table does not know, naming the row', () => {
    const unknown = { ...texts, 'namuwiki.csv': texts['namuwiki.csv'].replace('  SBS ,2012', '  가짜방송 ,2012') };
    expect(() => importDramadb(unknown)).toThrow(DramadbImportError);
    expect(() => importDramadb(unknown)).toThrow(/namuwiki\.csv:2: "가짜방송"/);
  });
});
