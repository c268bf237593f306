// The imported tier merged into the catalog by the index builder (merge-dramadb.ts, build.ts),
// on MADE-UP data: the builder fixture (tests/fixtures/index-data) plus an invented
// data/imported/dramadb.json written below. No title or name here is a real drama or person.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndexFiles, IndexBuildError } from '../../scripts/index-builder/index';
import type { BuildResult } from '../../scripts/index-builder/build';
import { serializeImported, type ImportedDataset } from '../../scripts/index-builder/dramadb-import';
import { findMatches, loadDictionary } from '../../lib/match/matcher';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/index-data');
let root: string;

const src = (file: 'wikipedia.csv' | 'namuwiki.csv' | 'results.csv', row: number, supports: string[]) => ({
  file,
  row,
  line: row + 1,
  supports,
});
const ALL = [
  'hangul',
  'network',
  'schedule.episodes',
  'schedule.finale',
  'schedule.premiere',
  'schedule.slots',
  'title',
];

/** A made-up imported tier. */
function fixtureImport(): ImportedDataset {
  return {
    dataset: 'MaybeS/DramaDatabase',
    url: 'https://github.com/MaybeS/DramaDatabase',
    licence: 'MIT',
    years: [2000, 2020],
    dramas: [
      // The curated Moonlit Bakery (달빛제과점, 2030-06-01): two conflicts (episodes, slot).
      {
        id: 'db-00000001',
        title: '달빛제과점',
        year: 2030,
        premiere: '2030-06-01',
        finale: '2030-07-06',
        episodes: 8,
        slots: [{ days: ['sat'], time: '23:10' }],
        network: 'FIXTURE-TV',
        cast: ['db-p-0000000001', 'db-p-0000000002'],
        sources: [src('wikipedia.csv', 10, ALL), src('results.csv', 20, [...ALL, 'cast'])],
      },
      // Another drama of that title, years later: kept apart, its title shared.
      {
        id: 'db-00000002',
        title: '달빛 제과점',
        year: 2031,
        premiere: '2031-03-01',
        network: 'OTHER-TV',
        cast: ['db-p-0000000003'],
        sources: [src('wikipedia.csv', 11, ALL)],
      },
      // The same title and year as the curated one but another premiere: not merged, a warning.
      {
        id: 'db-00000003',
        title: '달빛제과점',
        year: 2030,
        premiere: '2030-06-08',
        cast: [],
        sources: [src('namuwiki.csv', 3, ALL)],
      },
      // Two imported dramas of one title; the merged person 김픽스 is cast in the first.
      {
        id: 'db-00000004',
        title: '별빛식당',
        year: 2012,
        cast: ['db-p-0000000001', 'db-p-0000000004', 'db-p-0000000005'],
        sources: [src('results.csv', 30, ['cast', 'hangul', 'title'])],
      },
      {
        id: 'db-00000005',
        title: '별빛식당',
        year: 2015,
        premiere: '2015-01-01',
        cast: ['db-p-0000000004'],
        sources: [src('results.csv', 31, ['cast', 'hangul', 'schedule.premiere', 'title'])],
      },
      // The curated Regardless (given a Hangul title and only a year below): merged by the year.
      {
        id: 'db-00000006',
        title: '무관하게',
        year: 2029,
        premiere: '2029-04-04',
        episodes: 12,
        network: 'OTHER-TV',
        cast: [],
        sources: [src('wikipedia.csv', 12, ALL)],
      },
      { id: 'db-00000007', title: '궁', year: 2006, cast: [], sources: [src('wikipedia.csv', 13, ALL)] },
      { id: 'db-00000008', title: '비밀', year: 2013, cast: [], sources: [src('wikipedia.csv', 14, ALL)] },
    ],
    people: [
      { id: 'db-p-0000000001', name: '김픽스', sources: [src('results.csv', 20, ['cast', 'name'])] },
      { id: 'db-p-0000000002', name: '박새롬', sources: [src('results.csv', 20, ['cast', 'name'])] },
      {
        id: 'db-p-0000000003',
        name: '김픽스',
        disambiguation: '1990년',
        sources: [src('wikipedia.csv', 11, ['cast', 'name'])],
      },
      {
        id: 'db-p-0000000004',
        name: '이동명',
        sources: [src('results.csv', 30, ['cast', 'name']), src('results.csv', 31, ['cast', 'name'])],
      },
      {
        id: 'db-p-0000000005',
        name: '이동명',
        disambiguation: '배우',
        sources: [src('results.csv', 30, ['cast', 'name'])],
      },
    ],
    leftOut: [],
  };
}

async function build(data: ImportedDataset = fixtureImport()) {
  await writeFile(path.join(root, 'data/imported/dramadb.json'), serializeImported(data));
  const lines: string[] = [];
  const result = (await buildIndexFiles({ root, log: (line) => lines.push(line) })) as BuildResult;
  return { result, lines, index: result.index };
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dramalens-dramadb-'));
  await cp(FIXTURE, root, { recursive: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(root, 'data/imported')));
  const regardless = path.join(root, 'data/dramas/regardless.yaml');
  await writeFile(
    regardless,
    (await readFile(regardless, 'utf8')).replace(
      'titleIsCommonWord: true',
      'titleIsCommonWord: true\nhangul: 무관하게\nyear: 2029',
    ),
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('merging the imported tier', () => {
  it('merges the same drama (same title, same premiere); the catalog wins field by field', async () => {
    const { index } = await build();
    const bakery = index.dramas.find((d) => d.id === 'moonlit-bakery')!;
    expect(bakery.tier).toBeUndefined();
    expect(bakery.title).toBe('Moonlit Bakery');
    expect(bakery.schedule).toMatchObject({
      premiere: '2030-06-01',
      finale: '2030-07-06',
      episodes: 6,
      slots: [{ days: ['sat'], time: '23:00' }],
    });
    expect(index.dramas.some((d) => d.id === 'db-00000001')).toBe(false);
    // The imported rows are extra sources, with their provenance.
    expect(bakery.sources.slice(1)).toEqual([
      {
        url: 'https://github.com/MaybeS/DramaDatabase',
        supports: ALL,
        dataset: 'MaybeS/DramaDatabase',
        file: 'wikipedia.csv',
        row: 10,
        line: 11,
      },
      expect.objectContaining({ dataset: 'MaybeS/DramaDatabase', file: 'results.csv', row: 20, line: 21 }),
    ]);
  });

  it('merges on the premiere year when one side gives no day, filling what the catalog lacks', async () => {
    const { index } = await build();
    const regardless = index.dramas.find((d) => d.id === 'regardless')!;
    expect(regardless.schedule).toMatchObject({ timeZone: 'Asia/Seoul', premiere: '2029-04-04', episodes: 12 });
    expect(regardless.network).toBe('FIXTURE-TV'); // the catalog's
    expect(regardless.sources.at(-1)).toMatchObject({ file: 'wikipedia.csv', row: 12 });
  });

  it('prints every conflict as a warning naming both sources, and counts them in the summary', async () => {
    const { lines, result } = await build();
    const warnings = lines.filter((l) => l.startsWith('warning:'));
    expect(warnings).toContain(
      'warning: data/dramas/moonlit-bakery.yaml:16: schedule.episodes: the catalog says 6, MaybeS/DramaDatabase says 8 ' +
        "(wikipedia.csv row 10, line 11; results.csv row 20, line 21); the catalog's value is kept",
    );
    expect(warnings).toContain(
      "warning: data/dramas/moonlit-bakery.yaml:11: schedule.slots: the catalog says sat 23:00, MaybeS/DramaDatabase says sat 23:10 (wikipedia.csv row 10, line 11; results.csv row 20, line 21); the catalog's value is kept",
    );
    expect(warnings).toContain(
      "warning: data/dramas/regardless.yaml:7: network: the catalog says FIXTURE-TV, MaybeS/DramaDatabase says OTHER-TV (wikipedia.csv row 12, line 13); the catalog's value is kept",
    );
    expect(result.imported?.conflicts).toBe(3);
    const summary = lines.find((l) => l.startsWith('index:'))!;
    expect(summary).toContain('3 conflicts with dramadb');
    expect(summary).toContain('8 dramas (2 curated, 6 imported; 2 more imported merged into 2 curated)');
  });

  it('keeps a same-title drama of the same year but another premiere apart, with a warning', async () => {
    const { index, lines, result } = await build();
    expect(index.dramas.find((d) => d.id === 'db-00000003')?.tier).toBe('dramadb');
    expect(lines).toContain(
      'warning: data/dramas/moonlit-bakery.yaml:14: MaybeS/DramaDatabase has 달빛제과점 (db-00000003) premiering 2030-06-08, the catalog 2030-06-01: not merged, kept as two dramas (namuwiki.csv row 3, line 4)',
    );
    expect(result.imported?.keptApart).toBe(1);
  });

  it('gives imported entries the tier and their rows as sources', async () => {
    const { index } = await build();
    const star = index.dramas.find((d) => d.id === 'db-00000005')!;
    expect(star).toMatchObject({
      kind: 'drama',
      tier: 'dramadb',
      title: '별빛식당',
      year: 2015,
      schedule: { timeZone: 'Asia/Seoul', slots: [], premiere: '2015-01-01' },
      cast: [{ personId: 'db-p-0000000004', role: 'main' }],
      sources: [
        {
          url: 'https://github.com/MaybeS/DramaDatabase',
          dataset: 'MaybeS/DramaDatabase',
          file: 'results.csv',
          row: 31,
          line: 32,
          supports: ['cast', 'hangul', 'schedule.premiere', 'title'],
        },
      ],
    });
    const lee = index.people.find((p) => p.id === 'db-p-0000000005')!;
    expect(lee).toMatchObject({ tier: 'dramadb', name: '이동명', disambiguation: '배우' });
    expect(lee.hangul).toBeUndefined(); // the name is the Hangul name; a card shows it once
    expect(star.hangul).toBeUndefined();
    expect(lee.sources[0]).toMatchObject({ dataset: 'MaybeS/DramaDatabase', file: 'results.csv', row: 30 });
  });

  it('merges an imported person into the curated one of the same Hangul name in the same drama', async () => {
    const { index, result } = await build();
    expect(index.people.some((p) => p.id === 'db-p-0000000001')).toBe(false);
    const kim = index.people.find((p) => p.id === 'fixture-kim')!;
    // Every drama the import casts 김픽스 in is now fixture-kim's.
    expect(kim.dramaIds).toEqual(['moonlit-bakery', 'regardless', 'db-00000004']);
    expect(kim.sources.at(-1)).toMatchObject({ dataset: 'MaybeS/DramaDatabase', file: 'results.csv', row: 20 });
    const bakery = index.dramas.find((d) => d.id === 'moonlit-bakery')!;
    expect(bakery.cast.map((c) => `${c.personId}:${c.role}`)).toEqual([
      'fixture-kim:main',
      'fixture-lee:supporting',
      'db-p-0000000002:supporting', // 박새롬: new to the drama, after the catalog's cast
    ]);
    expect(result.imported?.mergedPeople).toBe(1);
  });

  it('keeps people apart who share a name but not a drama (김픽스 (1990년) is someone else)', async () => {
    const { index } = await build();
    const other = index.people.find((p) => p.id === 'db-p-0000000003')!;
    expect(other).toMatchObject({ name: '김픽스', disambiguation: '1990년', dramaIds: ['db-00000002'] });
  });
});

describe('imported names in the matcher dictionary', () => {
  it('does not fail on shared names, and counts them', async () => {
    const { result, lines } = await build();
    expect(result.imported?.sharedNames).toEqual({
      personWithCurated: 1, // 김픽스 (1990년) and fixture-kim
      personWithImported: 1, // 이동명 and 이동명 (배우)
      titleWithCurated: 2, // 달빛 제과점 (2031) and 달빛제과점 (2030-06-08)
      titleWithImported: 1, // 별빛식당 (2012, after the 2015 one)
      acrossKinds: 0,
      singleCharacter: 1, // 궁
      contextOnly: 2, // 비밀, 별빛식당: Hangul titles of four syllables or fewer are ordinary words too
    });
    expect(lines.find((l) => l.startsWith('dramadb names:'))).toBe(
      'dramadb names: shared by different people 2 (1 with a curated person, 1 among imported people), titles shared 3 ' +
        '(2 with a curated name, 1 among imported dramas), 0 shared between a title and a person, 1 of one character ' +
        'left out, 2 matched only with context (ordinary words); 1 same-title dramas kept apart',
    );
  });

  it('matches imported names; the curated entity, the newest drama and the most-cast person keep a shared name', async () => {
    const { result } = await build();
    const matcher = loadDictionary(result.dictionary);
    const found = (text: string) => findMatches(matcher, text).map((m) => matcher.entityId(m.entity));
    expect(found("박새롬이 출연한 '별빛식당'")).toEqual(['db-p-0000000002', 'db-00000005']);
    expect(found('달빛제과점')).toEqual(['moonlit-bakery']);
    expect(found('김픽스')).toEqual(['fixture-kim']);
    // A curated person is related to the dramas of the merged filmography (the dictionary's ones).
    const related = (id: string) => [...matcher.related(matcher.entityIndex(id)!)].map((e) => matcher.entityId(e));
    expect(related('fixture-kim')).toEqual(expect.arrayContaining(['moonlit-bakery', 'regardless']));
    expect(found('이동명')).toEqual(['db-p-0000000004']); // in two dramas
    // 무관하게 ("regardless") is an ordinary word: only with context (a cue, quotes on a drama page).
    expect(found('무관하게')).toEqual([]);
    expect(found("드라마 '무관하게'")).toEqual(['regardless']);
    // Two-character titles only with context; one character never.
    expect(found("드라마 '비밀' 속 비밀")).toEqual(['db-00000008']);
    expect(found('궁')).toEqual([]);
  });
});

describe('the imported file is checked like the rest of data/', () => {
  it('reports a bad entry with its line', async () => {
    const data = fixtureImport();
    (data.dramas[1] as { year: unknown }).year = 'soon';
    await writeFile(path.join(root, 'data/imported/dramadb.json'), serializeImported(data));
    const error = await buildIndexFiles({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexBuildError);
    expect((error as Error).message).toBe(
      'data/imported/dramadb.json:8: year must be a number (run npm run import:dramadb)',
    );
  });

  it('reports malformed JSON and an id used twice', async () => {
    await writeFile(path.join(root, 'data/imported/dramadb.json'), '{\n"dataset": \n');
    expect(String(await buildIndexFiles({ root }).catch((e: unknown) => e))).toMatch(
      /data\/imported\/dramadb\.json:\d+: malformed JSON/,
    );
    const data = fixtureImport();
    data.dramas[1].id = 'db-00000001';
    await writeFile(path.join(root, 'data/imported/dramadb.json'), serializeImported(data));
    expect(((await buildIndexFiles({ root }).catch((e: unknown) => e)) as Error).message).toBe(
      'data/imported/dramadb.json:8: duplicate id "db-00000001" (already used by data/imported/dramadb.json)',
    );
  });
});
