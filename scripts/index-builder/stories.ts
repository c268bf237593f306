// Groups articles that report the same story ("2 sources" on a card), deterministically.
//
// Each article becomes a TF-IDF vector of its content words (lowercased, stop words and entity
// names removed, lightly stemmed). Two articles are the same story when their cosine similarity
// reaches SAME_STORY_SIMILARITY, they share at least one entity, and their dates (when both are
// known) are at most MAX_STORY_SPAN_DAYS apart. Pairs are merged strongest first with union-find,
// which refuses merges that would join two different explicit stories or stretch a group's dates.
// Candidate pairs come from an inverted index of the rarer words, so 10,000 articles never go
// through all ~50 million pairs. Pure: no I/O and no imports.

export interface StoryCandidate {
  id: string;
  /** Headline and body text. */
  text: string;
  entityIds: string[];
  published?: string;
  /** An editor's explicit story id, which always wins. */
  story?: string;
}

/**
 * Cosine similarity from which two articles count as the same story. Two reports of one event
 * share its specific words (alley, shadow, wolf, full moon) and score about 0.3–0.4, paraphrased
 * summaries included; different stories about the same couple share only generic words and
 * score about 0.1 even as long full texts, 0 as summaries.
 */
export const SAME_STORY_SIMILARITY = 0.2;

/** Very short texts (headlines) can reach the threshold with one shared word; a story needs more. */
export const MIN_SHARED_WORDS = 3;

/** Reports of one story appear within weeks; a month apart they are different stories. */
export const MAX_STORY_SPAN_DAYS = 30;

// Words this common carry little IDF weight, and their posting lists are what would make pair
// generation quadratic, so they never propose a pair; they still count in the similarity, and a
// Cauchy–Schwarz bound on what they can add skips most candidates without a full comparison.
// (300 measured fastest on a synthetic 10,000-article corpus: ~0.8 s.)
const MIN_PROPOSING_DOCUMENT_FREQUENCY_CAP = 300;
const PROPOSING_DOCUMENT_FREQUENCY_SHARE = 0.03;

const STOP_WORDS = new Set(
  (
    'a about above after again against all almost also although am among an and another any are aren as at be ' +
    'because been before being below between both but by can cannot could did didn do does doesn doing don done ' +
    'down during each either else even ever every few for from further get gets getting got had has hasn have ' +
    'having he her here hers herself him himself his how however i if in into is isn it its itself just let me ' +
    'might more most much must my myself neither no nor not now of off on once only or other others our ours ' +
    'ourselves out over own per quite rather really said same say says she should since so some still such ' +
    'than that the their theirs them themselves then there these they this those though through thus to too ' +
    'under until up upon us very via was wasn we were weren what when where whether which while who whom whose ' +
    'why will with within without won would yet you your yours yourself yourselves ' +
    // Reporting filler that says nothing about which event is reported.
    'according also already always around became become becomes day days early finally first just last later ' +
    'latest many may meanwhile new next often one onto recent recently seen show shows shown two took way well ' +
    // K-drama news vocabulary that every kind of story uses, so it cannot tell two stories apart.
    'actor actors actress actresses behind cast character characters clip clips drama dramas episode episodes ' +
    'fan fans film filming footage jtbc kbs kdrama making mbc netflix scene scenes series sbs star stars tvn ' +
    'video videos viewers watch'
  ).split(' '),
);

/** Groups of article ids, each sorted, groups sorted by their first id. */
export function groupStories(articles: StoryCandidate[]): string[][] {
  // Input order must not matter: everything below works on the id-sorted list.
  const sorted = [...articles].sort((a, b) => compareStrings(a.id, b.id));
  const count = sorted.length;
  const groups = new UnionFind(count);
  const dates = sorted.map((a) => parsePartialDate(a.published));
  for (let i = 0; i < count; i++) groups.setDates(i, dates[i]);

  // Explicit stories first: they always hold together, and carry their label into the merges.
  const explicitRoot = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const story = sorted[i].story;
    if (!story) continue;
    const first = explicitRoot.get(story);
    if (first === undefined) {
      explicitRoot.set(story, i);
      groups.setStory(i, story);
    } else groups.union(first, i, true);
  }
  // The same id twice is the same article.
  for (let i = 1; i < count; i++) if (sorted[i].id === sorted[i - 1].id) groups.union(i - 1, i, true);

  for (const pair of similarPairs(sorted, dates)) groups.union(pair.a, pair.b, false);

  const members = new Map<number, string[]>();
  for (let i = 0; i < count; i++) {
    const root = groups.find(i);
    const ids = members.get(root) ?? [];
    if (ids.at(-1) !== sorted[i].id) ids.push(sorted[i].id);
    members.set(root, ids);
  }
  // Ids were added in sorted order, so each group is already sorted.
  return [...members.values()].sort((a, b) => compareStrings(a[0], b[0]));
}

interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/** Pairs at or above the threshold that may be one story, strongest first, ties by position. */
function similarPairs(articles: StoryCandidate[], dates: (DateRange | undefined)[]): SimilarPair[] {
  const count = articles.length;
  const entityWords = new Set<string>();
  for (const article of articles) {
    for (const id of article.entityIds) for (const part of id.split('-')) entityWords.add(stem(part));
  }
  // Term ids in order of first appearance over the id-sorted list: deterministic.
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const termCounts: Map<number, number>[] = [];
  for (const article of articles) {
    const counts = new Map<number, number>();
    for (const word of contentWords(article.text, entityWords)) {
      let termId = termIds.get(word);
      if (termId === undefined) {
        termId = termIds.size;
        termIds.set(word, termId);
        documentFrequency.push(0);
      }
      counts.set(termId, (counts.get(termId) ?? 0) + 1);
    }
    for (const termId of counts.keys()) documentFrequency[termId]++;
    termCounts.push(counts);
  }

  // Unit-length vectors as parallel sorted arrays. IDF counts the *other* articles using a word,
  // ln((N + 1) / max(1, df - 1)): a word two articles share and no third uses is as telling as a
  // unique one, which keeps small corpora (a handful of summaries) usable, while a word every
  // article uses (an entity name in a one-drama corpus) weighs ~2/N, i.e. nothing at scale.
  const vectors = termCounts.map((counts) => {
    const terms = [...counts.keys()].sort((x, y) => x - y);
    const weights = terms.map(
      (t) => (1 + Math.log(counts.get(t)!)) * Math.log((count + 1) / Math.max(1, documentFrequency[t] - 1)),
    );
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
    return { terms, weights: weights.map((w) => w / norm) };
  });

  const proposingCap = Math.max(
    MIN_PROPOSING_DOCUMENT_FREQUENCY_CAP,
    Math.ceil(count * PROPOSING_DOCUMENT_FREQUENCY_SHARE),
  );
  // How much the common (non-proposing) words can still add: by Cauchy–Schwarz the dot product
  // over them is at most the product of their norms, so many candidates are dropped unchecked.
  const commonNorm = vectors.map(({ terms, weights }) => {
    let sum = 0;
    for (let k = 0; k < terms.length; k++)
      if (documentFrequency[terms[k]] > proposingCap) sum += weights[k] * weights[k];
    return Math.sqrt(sum);
  });

  const entitySets = articles.map((a) => new Set(a.entityIds));
  // Inverted index of the rarer words, filled as we go so each pair is met once (j < i).
  const postingDocs = new Map<number, number[]>();
  const postingWeights = new Map<number, number[]>();
  const partialScore = new Float64Array(count);
  const seenBy = new Int32Array(count).fill(-1);
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < count; i++) {
    const { terms, weights } = vectors[i];
    const candidates: number[] = [];
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k];
      const df = documentFrequency[term];
      if (df < 2 || df > proposingCap) continue;
      let docs = postingDocs.get(term);
      let docWeights = postingWeights.get(term);
      if (!docs || !docWeights) {
        postingDocs.set(term, (docs = []));
        postingWeights.set(term, (docWeights = []));
      }
      for (let p = 0; p < docs.length; p++) {
        const j = docs[p];
        if (seenBy[j] !== i) {
          seenBy[j] = i;
          partialScore[j] = 0;
          candidates.push(j);
        }
        partialScore[j] += weights[k] * docWeights[p];
      }
      docs.push(i);
      docWeights.push(weights[k]);
    }
    for (const j of candidates) {
      if (partialScore[j] + commonNorm[i] * commonNorm[j] < SAME_STORY_SIMILARITY) continue;
      if (!sharesEntity(entitySets[i], articles[j].entityIds)) continue;
      if (daysApart(dates[i], dates[j]) > MAX_STORY_SPAN_DAYS) continue;
      const { similarity, sharedWords } = dot(vectors[j], vectors[i]);
      if (similarity >= SAME_STORY_SIMILARITY && sharedWords >= MIN_SHARED_WORDS)
        pairs.push({ a: j, b: i, similarity });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}

/** Lowercased, stemmed content words, without stop words, numbers or entity-name parts. */
export function contentWords(text: string, excluded: ReadonlySet<string> = new Set()): string[] {
  const words: string[] = [];
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)) {
    let word = match[0].replace(/'s$/, '').replace(/'/g, '');
    if (STOP_WORDS.has(word) || /^\p{N}+$/u.test(word)) continue;
    // Latin words need three letters to mean something; a two-syllable Hangul word is a word.
    if (word.length < (/^[a-z0-9]+$/.test(word) ? 3 : 2)) continue;
    word = stem(word);
    if (!excluded.has(word)) words.push(word);
  }
  return words;
}

/** A light suffix stripper so "shadows"/"shadow" and "rehearsing"/"rehearse" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if ((w.endsWith('ies') || w.endsWith('ied')) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith('ing') && w.length >= 6) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length >= 5) {
    w = w.slice(0, -2);
    stripped = true;
  }
  // "running" → "runn" → "run"; "stopped" → "stop".
  if (stripped && /([^aeiouyls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

interface TermVector {
  terms: number[];
  weights: number[];
}

function dot(x: TermVector, y: TermVector): { similarity: number; sharedWords: number } {
  let similarity = 0;
  let sharedWords = 0;
  for (let i = 0, j = 0; i < x.terms.length && j < y.terms.length;) {
    if (x.terms[i] === y.terms[j]) {
      similarity += x.weights[i++] * y.weights[j++];
      sharedWords++;
    } else if (x.terms[i] < y.terms[j]) i++;
    else j++;
  }
  return { similarity, sharedWords };
}

function sharesEntity(entities: ReadonlySet<string>, others: string[]): boolean {
  return others.some((id) => entities.has(id));
}

// Code-unit order, not locale order: the same on every machine.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A partial date as the range of days it may mean: `2021-07` is July 1 to July 31. */
interface DateRange {
  first: number;
  last: number;
}

const DAY_MS = 86_400_000;

export function parsePartialDate(value: string | undefined): DateRange | undefined {
  const match = value?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month === undefined) return { first: Date.UTC(year, 0, 1) / DAY_MS, last: Date.UTC(year, 11, 31) / DAY_MS };
  if (day === undefined)
    return { first: Date.UTC(year, month - 1, 1) / DAY_MS, last: Date.UTC(year, month, 0) / DAY_MS };
  const at = Date.UTC(year, month - 1, day) / DAY_MS;
  return { first: at, last: at };
}

/** Days between the closest days two partial dates may mean; 0 when unknown or overlapping. */
function daysApart(x: DateRange | undefined, y: DateRange | undefined): number {
  if (!x || !y) return 0;
  return Math.max(0, x.first - y.last, y.first - x.last);
}

class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  private readonly story: (string | undefined)[];
  // Per group, over its known dates: the latest first day and the earliest last day. Their
  // difference is the widest gap between two members.
  private readonly latestFirst: Float64Array;
  private readonly earliestLast: Float64Array;

  constructor(count: number) {
    this.parent = new Int32Array(count).map((_, i) => i);
    this.size = new Int32Array(count).fill(1);
    this.story = Array.from<string | undefined>({ length: count });
    this.latestFirst = new Float64Array(count).fill(-Infinity);
    this.earliestLast = new Float64Array(count).fill(Infinity);
  }

  setDates(i: number, range: DateRange | undefined): void {
    if (!range) return;
    this.latestFirst[i] = range.first;
    this.earliestLast[i] = range.last;
  }

  setStory(i: number, story: string): void {
    this.story[this.find(i)] = story;
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  /** Joins the groups of a and b; unless forced, refuses two explicit stories or a too-wide date span. */
  union(a: number, b: number, force: boolean): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return true;
    const storyA = this.story[rootA];
    const storyB = this.story[rootB];
    const latestFirst = Math.max(this.latestFirst[rootA], this.latestFirst[rootB]);
    const earliestLast = Math.min(this.earliestLast[rootA], this.earliestLast[rootB]);
    if (!force) {
      if (storyA && storyB && storyA !== storyB) return false;
      if (latestFirst - earliestLast > MAX_STORY_SPAN_DAYS) return false;
    }
    if (this.size[rootA] < this.size[rootB]) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] += this.size[rootB];
    this.story[rootA] = storyA ?? storyB;
    this.latestFirst[rootA] = latestFirst;
    this.earliestLast[rootA] = earliestLast;
    return true;
  }
}
