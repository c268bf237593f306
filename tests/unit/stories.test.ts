import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWords, groupStories, stem, type StoryCandidate } from '../../scripts/index-builder/stories';

// Three real fan-news articles about JTBC's "Nevertheless", kept outside the repository (they are
// outlets' text, not ours), read in place from ../shared (which every checkout and CI has); never copied.
const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds');
const NEVERTHELESS_ENTITIES = ['nevertheless', 'song-kang', 'han-so-hee'];

function seedCandidates(): StoryCandidate[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({
      id: name,
      text: readFileSync(path.join(SEEDS, name), 'utf8'),
      entityIds: NEVERTHELESS_ENTITIES,
    }));
}

// Made-up fixture summaries, written for these tests in deliberately different words.
const ALLEY_SUMMARY_1: StoryCandidate = {
  id: 'fixture-alley-a',
  text:
    'Making-of clip from the alley scene: Song Kang practises hand shadows (a biting dog, a squashed heart, ' +
    'an apple) and later jokes that the full moon has turned him into a wolf.',
  entityIds: NEVERTHELESS_ENTITIES,
};
const ALLEY_SUMMARY_2: StoryCandidate = {
  id: 'fixture-alley-b',
  text:
    'Behind-the-scenes footage shows the lead actor forming shadow puppets with his fingers against a wall ' +
    'in a back street, then howling that he has become a wolf beneath the full moon while Han So Hee laughs.',
  entityIds: ['song-kang', 'han-so-hee'],
};
const HAIR_SUMMARY_1: StoryCandidate = {
  id: 'fixture-hair-a',
  text:
    "A behind-the-scenes video of episode 4 shows Song Kang drying Han So Hee's hair and teasing her between " +
    'kiss-scene rehearsals, which fans took as a sign they are dating.',
  entityIds: NEVERTHELESS_ENTITIES,
};
const HAIR_SUMMARY_2: StoryCandidate = {
  id: 'fixture-hair-b',
  text:
    "Fans spotted Song Kang playfully drying Han So Hee's hair off camera, between rehearsals of their kiss " +
    "scenes, in JTBC's latest behind-the-scenes clip, fuelling talk that the two stars are dating.",
  entityIds: NEVERTHELESS_ENTITIES,
};
const RATINGS_SUMMARY: StoryCandidate = {
  id: 'fixture-ratings',
  text:
    'Nevertheless records its highest viewership rating yet as the drama enters its second half, while ' +
    'topping Netflix charts in several countries.',
  entityIds: ['nevertheless'],
};

/** A deterministic shuffle (mulberry32), so "any input order" is tested reproducibly. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('groupStories on the raw seed articles', () => {
  it('groups the two reports of the alley making-of video; the dating-rumour video stands alone', () => {
    const groups = groupStories(seedCandidates());
    const byPrefix = groups.map((group) => group.map((id) => id.slice(0, 3)));
    expect(byPrefix).toEqual([['000'], ['001', '002']]);
  });

  it('still does with fixture summaries of both stories mixed in', () => {
    const groups = groupStories([...seedCandidates(), HAIR_SUMMARY_1, HAIR_SUMMARY_2, RATINGS_SUMMARY]);
    expect(groups.map((group) => group.map((id) => id.slice(0, 14)))).toContainEqual([
      '001_d3619e2f62',
      '002_cc418dbe72',
    ]);
    expect(groups).toContainEqual(['fixture-hair-a', 'fixture-hair-b']);
    expect(groups).toContainEqual(['fixture-ratings']);
    expect(groups.find((g) => g.some((id) => id.startsWith('000_')))).not.toContainEqual(
      expect.stringMatching(/^00[12]_/),
    );
  });
});

describe('groupStories on short summaries', () => {
  it('groups paraphrased summaries of the same story and keeps different stories apart', () => {
    expect(groupStories([ALLEY_SUMMARY_1, ALLEY_SUMMARY_2, HAIR_SUMMARY_1])).toEqual([
      ['fixture-alley-a', 'fixture-alley-b'],
      ['fixture-hair-a'],
    ]);
    expect(groupStories([ALLEY_SUMMARY_1, ALLEY_SUMMARY_2, HAIR_SUMMARY_1, HAIR_SUMMARY_2, RATINGS_SUMMARY])).toEqual([
      ['fixture-alley-a', 'fixture-alley-b'],
      ['fixture-hair-a', 'fixture-hair-b'],
      ['fixture-ratings'],
    ]);
  });

  it('works for a corpus of just two articles', () => {
    expect(groupStories([ALLEY_SUMMARY_1, ALLEY_SUMMARY_2])).toEqual([['fixture-alley-a', 'fixture-alley-b']]);
    expect(groupStories([ALLEY_SUMMARY_1, HAIR_SUMMARY_1])).toEqual([['fixture-alley-a'], ['fixture-hair-a']]);
  });

  it('never groups articles that share no entity, however alike their text', () => {
    const other = { ...ALLEY_SUMMARY_1, id: 'fixture-other-drama', entityIds: ['moonlit-bakery', 'fixture-kim'] };
    expect(groupStories([ALLEY_SUMMARY_1, other])).toEqual([['fixture-alley-a'], ['fixture-other-drama']]);
    const noEntities = { ...ALLEY_SUMMARY_1, id: 'fixture-no-entities', entityIds: [] };
    expect(groupStories([ALLEY_SUMMARY_1, noEntities])).toEqual([['fixture-alley-a'], ['fixture-no-entities']]);
  });

  it('does not group articles that share only a word or two', () => {
    const a = { id: 'fixture-short-a', text: 'Song Kang in a wolf costume', entityIds: ['song-kang'] };
    const b = { id: 'fixture-short-b', text: 'Wolf pictorial for Song Kang', entityIds: ['song-kang'] };
    expect(groupStories([a, b])).toEqual([['fixture-short-a'], ['fixture-short-b']]);
  });

  it('keeps reports more than 30 days apart in different stories, as precise as the dates are', () => {
    const dated = (candidate: StoryCandidate, published: string) => ({ ...candidate, published });
    expect(groupStories([dated(ALLEY_SUMMARY_1, '2021-07-10'), dated(ALLEY_SUMMARY_2, '2021-07-30')])).toHaveLength(1);
    expect(groupStories([dated(ALLEY_SUMMARY_1, '2021-07-10'), dated(ALLEY_SUMMARY_2, '2021-09-01')])).toHaveLength(2);
    // July and August touch; July and September do not.
    expect(groupStories([dated(ALLEY_SUMMARY_1, '2021-07'), dated(ALLEY_SUMMARY_2, '2021-08')])).toHaveLength(1);
    expect(groupStories([dated(ALLEY_SUMMARY_1, '2021-07'), dated(ALLEY_SUMMARY_2, '2021-09')])).toHaveLength(2);
    // A year overlaps any day in it; an unknown date never separates.
    expect(groupStories([dated(ALLEY_SUMMARY_1, '2021'), dated(ALLEY_SUMMARY_2, '2021-12-30')])).toHaveLength(1);
    expect(groupStories([dated(ALLEY_SUMMARY_1, '2021-07-10'), ALLEY_SUMMARY_2])).toHaveLength(1);
  });

  it('does not chain a story across more than 30 days', () => {
    const july = { ...ALLEY_SUMMARY_1, published: '2021-07-01' };
    const lateJuly = { ...ALLEY_SUMMARY_2, published: '2021-07-25' };
    const august = { ...ALLEY_SUMMARY_1, id: 'fixture-alley-c', published: '2021-08-20' };
    const groups = groupStories([july, lateJuly, august]);
    expect(groups.some((g) => g.includes('fixture-alley-a') && g.includes('fixture-alley-c'))).toBe(false);
  });
});

describe('explicit stories', () => {
  it('always groups candidates with the same story, however different', () => {
    const groups = groupStories([
      { ...ALLEY_SUMMARY_1, story: 'editor-pick' },
      { ...RATINGS_SUMMARY, story: 'editor-pick', entityIds: ['other-drama'], published: '2019' },
      HAIR_SUMMARY_1,
    ]);
    expect(groups).toEqual([['fixture-alley-a', 'fixture-ratings'], ['fixture-hair-a']]);
  });

  it('never merges two different explicit stories by similarity, even through a third article', () => {
    const alley3: StoryCandidate = {
      id: 'fixture-alley-c',
      text:
        'Song Kang clowns around between takes in the alley, making shadow animals on the wall with his hands ' +
        'and declaring himself a wolf when he spots the full moon.',
      entityIds: NEVERTHELESS_ENTITIES,
    };
    const corpus = [HAIR_SUMMARY_1, HAIR_SUMMARY_2, RATINGS_SUMMARY];
    // Unlabelled, the three retellings are one story.
    expect(groupStories([ALLEY_SUMMARY_1, ALLEY_SUMMARY_2, alley3, ...corpus])).toContainEqual([
      'fixture-alley-a',
      'fixture-alley-b',
      'fixture-alley-c',
    ]);
    const groups = groupStories([
      { ...ALLEY_SUMMARY_1, story: 'story-one' },
      { ...ALLEY_SUMMARY_2, story: 'story-two' },
      alley3,
      ...corpus,
    ]);
    const groupOf = (id: string) => groups.find((g) => g.includes(id))!;
    expect(groupOf('fixture-alley-a')).not.toContain('fixture-alley-b');
    // The unlabelled retelling joins one of them (its closer match), not both.
    expect(groupOf('fixture-alley-c')).toHaveLength(2);
  });

  it('lets an unlabelled report join a labelled story', () => {
    expect(groupStories([{ ...ALLEY_SUMMARY_1, story: 'alley' }, ALLEY_SUMMARY_2])).toEqual([
      ['fixture-alley-a', 'fixture-alley-b'],
    ]);
  });
});

describe('output', () => {
  const corpus = [ALLEY_SUMMARY_1, ALLEY_SUMMARY_2, HAIR_SUMMARY_1, HAIR_SUMMARY_2, RATINGS_SUMMARY];

  it('is the same for every input order', () => {
    const expected = groupStories(corpus);
    for (let seed = 1; seed <= 20; seed++) expect(groupStories(shuffled(corpus, seed))).toEqual(expected);
  });

  it('is the same for every input order of the seeds', () => {
    const seeds = seedCandidates();
    const expected = groupStories(seeds);
    for (let seed = 1; seed <= 6; seed++) expect(groupStories(shuffled(seeds, seed))).toEqual(expected);
  });

  it('sorts ids within groups and groups by their first id; every id appears once', () => {
    const groups = groupStories(shuffled(corpus, 7));
    for (const group of groups) expect(group).toEqual([...group].sort());
    expect(groups.map((g) => g[0])).toEqual(groups.map((g) => g[0]).sort());
    expect(groups.flat().sort()).toEqual(corpus.map((c) => c.id).sort());
  });

  it('handles no articles', () => {
    expect(groupStories([])).toEqual([]);
  });
});

describe('text handling', () => {
  it('drops stop words, numbers and entity-name parts, and stems lightly', () => {
    expect(contentWords('Song Kang makes 2 shadows of a dog', new Set(['song', 'kang']))).toEqual([
      'mak',
      'shadow',
      'dog',
    ]);
    expect(stem('shadows')).toBe(stem('shadow'));
    expect(stem('rehearsing')).toBe(stem('rehearse'));
    expect(stem('running')).toBe(stem('run'));
    expect(stem('worried')).toBe(stem('worry'));
  });
});

describe('scale', () => {
  // A synthetic corpus: 10,000 articles of random words from a long-tailed vocabulary (so many
  // words are shared by chance), with 200 planted pairs that retell the same story.
  function syntheticCorpus(entityCount: number): { articles: StoryCandidate[]; planted: [string, string][] } {
    let state = 12345;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const word = () => vocabulary[Math.floor(random() ** 2.5 * vocabulary.length)];
    const articles: StoryCandidate[] = [];
    const planted: [string, string][] = [];
    for (let i = 0; i < 10_000; i++) {
      const entity = Math.floor(random() * entityCount);
      const id = `synthetic-${String(i).padStart(5, '0')}`;
      const words = Array.from({ length: 40 }, word);
      const article = {
        id,
        text: words.join(' '),
        entityIds: [`drama-${entity}`, `person-${entity}`],
        published: `2021-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
      };
      articles.push(article);
      if (i % 50 === 0) {
        // The retelling keeps half the words and the entities, and rewords the rest.
        const retold = words.map((w, k) => (k % 2 === 0 ? w : word()));
        const copyId = `synthetic-retold-${String(i).padStart(5, '0')}`;
        articles.push({ ...article, id: copyId, text: shuffled(retold, i).join(' ') });
        planted.push([id, copyId]);
      }
    }
    return { articles, planted };
  }

  it.each([300, 1])(
    'groups a 10,000-article corpus: every planted pair, nothing else (%i entities)',
    (entityCount) => {
      const { articles, planted } = syntheticCorpus(entityCount);
      // Its speed at this size is measured by the popup benchmark, not asserted here.
      const groups = groupStories(articles);
      const groupOf = new Map(groups.flatMap((group, index) => group.map((id) => [id, index] as const)));
      for (const [original, retold] of planted) expect(groupOf.get(retold)).toBe(groupOf.get(original));
      // Chance overlaps between random texts do not make stories.
      expect(groups.filter((g) => g.length > 1)).toHaveLength(planted.length);
    },
    20_000,
  );
});
