import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndexFiles, IndexBuildError, shippedIndex } from '../../scripts/index-builder/index';
import type { SourcedIndex } from '../../lib/index/types';
import { dramaCatalog, sourceLine } from '../../lib/index/drama-catalog';
import { decodeDictionary } from '../../lib/match/dictionary-binary';
import { loadDictionary } from '../../lib/match/matcher';
import { CARD_SHARD_COUNT } from '../../lib/index/card-shards';
import { episodeStarts } from '../../lib/schedule/next-air-time';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/index-data');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dramalens-index-'));
  await cp(FIXTURE, root, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string) {
  const full = path.join(root, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

async function buildErrors(): Promise<string[]> {
  try {
    await buildIndexFiles({ root });
  } catch (error) {
    expect(error).toBeInstanceOf(IndexBuildError);
    // Nothing, not even a temporary file, may be left behind.
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected the build to fail');
}

describe('index builder on valid data', () => {
  it('builds the index with mentions, stories, air facts and a dictionary', async () => {
    const { index } = (await buildIndexFiles({ root })) as { index: SourcedIndex };
    expect(index.dramas.map((d) => d.id)).toEqual(['moonlit-bakery', 'regardless']);
    const kim = index.people.find((p) => p.id === 'fixture-kim')!;
    expect(kim.dramaIds).toEqual(['moonlit-bakery', 'regardless']);
    const teaser = index.articles.find((a) => a.id === 'fixture-bakery-teaser')!;
    expect(teaser.mentions).toEqual([
      { entityId: 'fixture-kim', count: 2 },
      { entityId: 'moonlit-bakery', count: 2 },
    ]);
    // The quoted title counts; the sentence-initial adverb "Regardless," does not.
    const interview = index.articles.find((a) => a.id === 'fixture-regardless-interview')!;
    expect(interview.mentions).toContainEqual({ entityId: 'regardless', count: 1 });
    const written = JSON.parse(await readFile(path.join(root, 'generated/index.json'), 'utf8'));
    // The shipped file is the index without provenance, which stays with the builder.
    expect(index.dramas.every((d) => d.sources.length > 0)).toBe(true);
    expect(written).toEqual(shippedIndex(index));
    expect(JSON.stringify(written)).not.toContain('"sources"');
    const bytes = await readFile(path.join(root, 'generated/dictionary.bin'));
    const dictionary = decodeDictionary(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(dictionary.ids()).toContain('fixture-lee');
    // Each person is related to their dramas (context for names that are ordinary words, and
    // which names show when a drama is untracked).
    const matcher = loadDictionary(dictionary);
    const related = (id: string) => [...matcher.related(matcher.entityIndex(id)!)].map((e) => matcher.entityId(e));
    expect(related('fixture-kim')).toEqual(expect.arrayContaining(['moonlit-bakery', 'regardless']));
    expect(related('moonlit-bakery')).toContain('fixture-kim');
    // Only the generated files remain: temporary files are renamed or removed.
    expect((await readdir(path.join(root, 'generated'))).sort()).toEqual([
      'cards',
      'catalog.json',
      'dictionary.bin',
      'drama-sources.json',
      'index.json',
    ]);
    // The options page's catalog lists every drama with its cast's names; the sources file keeps
    // the provenance the calendar export cites.
    const catalog = JSON.parse(await readFile(path.join(root, 'generated/catalog.json'), 'utf8'));
    expect(catalog).toEqual(dramaCatalog(shippedIndex(index)));
    expect(catalog.dramas.map((d: { id: string }) => d.id).sort()).toEqual(index.dramas.map((d) => d.id).sort());
    const sources = JSON.parse(await readFile(path.join(root, 'generated/drama-sources.json'), 'utf8'));
    for (const drama of index.dramas) expect(sources[drama.id]).toEqual([...new Set(drama.sources.map(sourceLine))]);
    expect((await readdir(path.join(root, 'generated/cards'))).length).toBe(CARD_SHARD_COUNT);
  });

  it('is deterministic: the same input gives byte-identical files', async () => {
    await buildIndexFiles({ root });
    const first = await readFile(path.join(root, 'generated/index.json'));
    const firstDictionary = await readFile(path.join(root, 'generated/dictionary.bin'));
    await buildIndexFiles({ root });
    expect((await readFile(path.join(root, 'generated/index.json'))).equals(first)).toBe(true);
    expect((await readFile(path.join(root, 'generated/dictionary.bin'))).equals(firstDictionary)).toBe(true);
  });

  it('keeps the previous output when a later build fails', async () => {
    await buildIndexFiles({ root });
    const before = await readFile(path.join(root, 'generated/index.json'), 'utf8');
    await edit('data/people/fixture-lee.yaml', (t) => t.replace('name: Lee Test Case', 'name: ""'));
    await expect(buildIndexFiles({ root })).rejects.toThrow(IndexBuildError);
    expect(await readFile(path.join(root, 'generated/index.json'), 'utf8')).toBe(before);
  });
});

describe('index builder rejects bad data with path:line: message', () => {
  it('malformed YAML', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) => t.replace('network: FIXTURE-TV', 'network: [FIXTURE-TV'));
    const errors = await buildErrors();
    expect(errors[0]).toMatch(/^data\/dramas\/moonlit-bakery\.yaml:\d+: malformed YAML: /);
  });

  it('unknown field', async () => {
    await edit('data/people/fixture-lee.yaml', (t) =>
      t.replace('name: Lee Test Case', 'name: Lee Test Case\nbirthday: soon'),
    );
    expect(await buildErrors()).toEqual(['data/people/fixture-lee.yaml:4: unknown field "birthday"']);
  });

  it('duplicate id', async () => {
    // Ids are shared by dramas and people (pages and messages refer to both by id).
    await writeFile(
      path.join(root, 'data/dramas/fixture-kim.yaml'),
      'id: fixture-kim\ntitle: Another Show\nsources:\n  - url: https://example.org/x\n',
    );
    expect(await buildErrors()).toEqual([
      'data/people/fixture-kim.yaml:2: duplicate id "fixture-kim" (already used by data/dramas/fixture-kim.yaml)',
    ]);
  });

  it('dangling reference', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) => t.replace('person: fixture-lee', 'person: fixture-park'));
    expect(await buildErrors()).toEqual([
      'data/dramas/moonlit-bakery.yaml:20: cast refers to unknown person "fixture-park" (no data/people/fixture-park.yaml)',
    ]);
  });

  it('impossible date', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) => t.replace("finale: '2030-07-06'", "finale: '2030-02-30'"));
    expect(await buildErrors()).toEqual(['data/dramas/moonlit-bakery.yaml:15: finale is not a real calendar date']);
  });

  it('impossible partial date in an article', async () => {
    await edit('data/articles/fixture-bakery-teaser.md', (t) =>
      t.replace("published: '2030-05'", "published: '2030-13'"),
    );
    expect(await buildErrors()).toEqual([
      'data/articles/fixture-bakery-teaser.md:7: published is not a real calendar date',
    ]);
  });

  it('unknown time zone', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) => t.replace('timeZone: Asia/Seoul', 'timeZone: Asia/Busan'));
    expect(await buildErrors()).toEqual(['data/dramas/moonlit-bakery.yaml:10: unknown time zone "Asia/Busan"']);
  });

  it('a weekly schedule with neither a slot nor a premiere', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) =>
      t.replace("  slots:\n    - days: [sat]\n      time: '23:00'\n", '').replace(/  premiere: '[^']*'\n/, ''),
    );
    expect(await buildErrors()).toEqual([
      'data/dramas/moonlit-bakery.yaml:9: a weekly schedule needs at least one slot or a premiere',
    ]);
  });

  it('a schedule change without its source, or of no known kind', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) =>
      t.replace(
        '  episodes: 6\n',
        "  episodes: 6\n  changes:\n    - skip: '2030-06-08'\n      reason: Fixture holiday\n",
      ),
    );
    expect(await buildErrors()).toEqual([
      'data/dramas/moonlit-bakery.yaml:18: a schedule change is one of: skip (a date), special (a date and time), slotsFrom (a date and slots) or moved (an episode, date and time), each with a source',
    ]);
  });

  it('a skip that the finale and the episode count contradict', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) =>
      t.replace(
        '  episodes: 6\n',
        "  episodes: 6\n  changes:\n    - skip: '2030-06-08'\n      source: https://example.org/fixtures/moonlit-bakery-break\n",
      ),
    );
    expect(await buildErrors()).toEqual([
      'data/dramas/moonlit-bakery.yaml:17: the slots and changes give 5 episodes from the premiere to the finale, not the 6 stated',
    ]);
  });

  it('ships a stated skip without its source, and the schedule honours it', async () => {
    await edit('data/dramas/moonlit-bakery.yaml', (t) =>
      t
        .replace("  finale: '2030-07-06'\n", "  finale: '2030-07-13'\n")
        .replace(
          '  episodes: 6\n',
          "  episodes: 6\n  changes:\n    - skip: '2030-06-08'\n      reason: Fixture holiday\n      source: https://example.org/fixtures/moonlit-bakery-break\n",
        ),
    );
    await buildIndexFiles({ root });
    const written = JSON.parse(await readFile(path.join(root, 'generated/index.json'), 'utf8'));
    const bakery = written.dramas.find((d: { id: string }) => d.id === 'moonlit-bakery');
    expect(bakery.schedule.changes).toEqual([{ kind: 'skip', date: '2030-06-08', reason: 'Fixture holiday' }]);
    const starts = episodeStarts(bakery.schedule, Date.parse('2031-01-01'))!.map((e) => e.at);
    expect(starts).toHaveLength(6);
    expect(starts).not.toContain(Date.parse('2030-06-08T23:00:00+09:00'));
    expect(starts.at(-1)).toBe(Date.parse('2030-07-13T23:00:00+09:00'));
  });

  it('empty name', async () => {
    await edit('data/people/fixture-lee.yaml', (t) => t.replace('name: Lee Test Case', "name: '  '"));
    expect(await buildErrors()).toEqual(['data/people/fixture-lee.yaml:3: name is empty']);
  });

  it('missing required field', async () => {
    await edit('data/articles/fixture-bakery-teaser-2.md', (t) => t.replace('outlet: Other Fixture Outlet\n', ''));
    expect(await buildErrors()).toEqual([
      'data/articles/fixture-bakery-teaser-2.md:2: missing required field "outlet"',
    ]);
  });

  it('two entities whose names read the same', async () => {
    await edit('data/people/fixture-lee.yaml', (t) => t.replace('name: Lee Test Case', 'name: KIM FIX-TURE'));
    expect(await buildErrors()).toEqual([
      'data/people/fixture-lee.yaml:3: name "KIM FIX-TURE" reads the same as "Kim Fix Ture" of fixture-kim (data/people/fixture-kim.yaml); add a distinguishing alias instead',
    ]);
  });

  it('a file named differently from its id', async () => {
    await edit('data/people/fixture-lee.yaml', (t) => t.replace('id: fixture-lee', 'id: fixture-lee-2'));
    const errors = await buildErrors();
    expect(errors[0]).toBe(
      'data/people/fixture-lee.yaml:2: file is named "fixture-lee.yaml" but its id is "fixture-lee-2" (rename it to "fixture-lee-2.yaml")',
    );
  });

  it('npm run index prints the problem and exits non-zero', async () => {
    await edit('data/dramas/regardless.yaml', (t) =>
      t.replace('network: FIXTURE-TV', 'network: FIXTURE-TV\nnetwork: AGAIN'),
    );
    const run = promisify(execFile)('npx', ['tsx', 'scripts/build-index.ts', '--root', root], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    const failure = await run.then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('data/dramas/regardless.yaml:6: malformed YAML: a key appears twice');
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
  }, 60_000);
});
