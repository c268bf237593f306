// Turns validated data files into the bundled index and the content script's compact dictionary.
// Problems that make the data wrong (dangling references, duplicate ids, clashing names) are
// errors; air-time statements that contradict the catalog are warnings.
import type {
  BreakFact,
  ScheduleChange,
  AirFact,
  ArticleEntry,
  Mention,
  SourcedDramaEntry,
  SourcedIndex,
  SourcedPersonEntry,
  Story,
} from '../../lib/index/types';
import { compileDictionary, type CompiledDictionary, type DictionaryEntityInput } from '../../lib/match/compile';
import { foldKey } from '../../lib/match/fold';
import { BLOCK_BREAK, findMatches, KIND_DRAMA, loadDictionary } from '../../lib/match/matcher';
import { dictionaryInput } from '../../lib/match/dictionary-input';
import { extractAirStatements } from './air-statements';
import { compareBreakWithSchedule, compareWithSchedule } from './schedule-check';
import { extractBreakStatements } from './break-statements';
import { episodeStarts } from '../../lib/schedule/next-air-time';
import { episodesDiscussed } from './episode-mentions';
import { groupStories } from './stories';
import type { DataProblem, LoadedData, Located } from './load';
import type { DramaFile } from './schema';
import { isOrdinaryName } from './ordinary-names';
import { mergeDramadb, type MergeStats } from './merge-dramadb';

/** What the imported tier added, for the build summary. */
export interface ImportStats extends MergeStats {
  /** Names of the imported tier left out of the matcher dictionary, by reason (see importedDictionaryNames). */
  sharedNames: SharedNameCounts;
}

export interface SharedNameCounts {
  /** An imported person's name is a curated person's name (different people). */
  personWithCurated: number;
  /** An imported person's name is an earlier imported person's (different people). */
  personWithImported: number;
  /** An imported title is a curated drama's title, Hangul title or alias (another drama). */
  titleWithCurated: number;
  /** An imported title is an earlier imported drama's (homonyms). */
  titleWithImported: number;
  /** An imported name reads the same as a name of the other kind (a title that is a person's name). */
  acrossKinds: number;
  /** Names of one character (`궁`, `W`, `비`): left out, they would match everywhere. */
  singleCharacter: number;
  /** Names that are also ordinary words ('비밀', 해피엔딩): matched only with context (ordinary-names.ts). */
  contextOnly: number;
}

export interface BuildResult {
  index: SourcedIndex;
  dictionary: CompiledDictionary;
  /** What the dictionary was compiled from (benchmarks build variants of it). */
  dictionaryInputs: DictionaryEntityInput[];
  warnings: DataProblem[];
  /** Present when data/imported/dramadb.json was read. */
  imported?: ImportStats;
}

export interface BuildFailure {
  problems: DataProblem[];
  warnings: DataProblem[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

export function buildIndex(data: LoadedData): BuildResult | BuildFailure {
  const problems: DataProblem[] = [...data.problems];
  const warnings: DataProblem[] = [];

  // Ids are unique across dramas and people: the dictionary and messages share one id space.
  const firstSeen = new Map<string, Located<{ id: string }>>();
  for (const located of [...data.dramas, ...data.people, ...data.articles] as Located<{ id: string }>[]) {
    const previous = firstSeen.get(located.value.id);
    if (previous) {
      problems.push({
        file: located.file,
        line: located.lineOf(['id']),
        message: `duplicate id "${located.value.id}" (already used by ${previous.file})`,
      });
    } else firstSeen.set(located.value.id, located);
  }

  if (data.imported) {
    const imported = data.imported;
    (['dramas', 'people'] as const).forEach((list) =>
      imported.value[list].forEach((entry, i) => {
        const previous = firstSeen.get(entry.id);
        if (previous) {
          problems.push({
            file: imported.file,
            line: imported.lineOf([list, i]),
            message: `duplicate id "${entry.id}" (already used by ${previous.file})`,
          });
        } else firstSeen.set(entry.id, { value: entry, file: imported.file, lineOf: () => imported.lineOf([list, i]) });
      }),
    );
  }

  const personIds = new Set(data.people.map((p) => p.value.id));
  // A person file that failed to load would make every cast entry naming it look dangling.
  const checkReferences = data.problems.length === 0;
  for (const drama of checkReferences ? data.dramas : []) {
    drama.value.cast.forEach((member, i) => {
      if (!personIds.has(member.person)) {
        problems.push({
          file: drama.file,
          line: drama.lineOf(['cast', i, 'person']),
          message: `cast refers to unknown person "${member.person}" (no data/people/${member.person}.yaml)`,
        });
      }
    });
    const seen = new Set<string>();
    drama.value.cast.forEach((member, i) => {
      if (seen.has(member.person)) {
        problems.push({
          file: drama.file,
          line: drama.lineOf(['cast', i, 'person']),
          message: `"${member.person}" is listed twice in the cast`,
        });
      }
      seen.add(member.person);
    });
    const problem = scheduleChangesProblem(drama.value.schedule);
    if (problem) problems.push({ file: drama.file, line: drama.lineOf(['schedule', 'changes']), message: problem });
  }

  // Two entities that read the same once folded would be indistinguishable on a page.
  const nameOwner = new Map<string, { id: string; file: string; text: string }>();
  const peopleById = new Map(data.people.map((p) => [p.value.id, p]));
  const checkName = (located: Located<{ id: string }>, text: string, keyPath: (string | number)[]) => {
    const key = foldKey(text);
    if (key.length === 0) {
      problems.push({ file: located.file, line: located.lineOf(keyPath), message: `name "${text}" has no letters` });
      return;
    }
    const owner = nameOwner.get(key);
    // People who really share a name are told apart by a disambiguation on each.
    const disambiguated = (id: string) => peopleById.get(id)?.value.disambiguation !== undefined;
    if (owner && owner.id !== located.value.id && disambiguated(owner.id) && disambiguated(located.value.id)) return;
    if (owner && owner.id !== located.value.id) {
      problems.push({
        file: located.file,
        line: located.lineOf(keyPath),
        message: `name "${text}" reads the same as "${owner.text}" of ${owner.id} (${owner.file}); add a distinguishing alias instead`,
      });
    } else nameOwner.set(key, { id: located.value.id, file: located.file, text });
  };
  for (const d of data.dramas) {
    checkName(d, d.value.title, ['title']);
    if (d.value.hangul) checkName(d, d.value.hangul, ['hangul']);
    d.value.aliases.forEach((a, i) => checkName(d, a, ['aliases', i]));
  }
  for (const p of data.people) {
    checkName(p, p.value.name, ['name']);
    if (p.value.hangul) checkName(p, p.value.hangul, ['hangul']);
    p.value.aliases.forEach((a, i) => checkName(p, a, ['aliases', i]));
  }

  if (problems.length > 0) return { problems, warnings };

  const indexSource = (s: { url: string; supports?: string[] }) => ({
    url: s.url,
    ...(s.supports ? { supports: s.supports } : {}),
  });
  const curatedDramas: SourcedDramaEntry[] = [...data.dramas]
    .map((d) => d.value)
    .sort(byId)
    .map((d) => ({
      id: d.id,
      kind: 'drama',
      title: d.title,
      ...(d.hangul ? { hangul: d.hangul } : {}),
      aliases: d.aliases,
      titleIsCommonWord: d.titleIsCommonWord,
      ...(d.network ? { network: d.network } : {}),
      platforms: d.platforms,
      ...(d.year !== undefined || d.schedule?.premiere
        ? { year: d.year ?? Number(d.schedule!.premiere!.slice(0, 4)) }
        : {}),
      ...(d.schedule
        ? {
            schedule: {
              timeZone: d.schedule.timeZone,
              ...(d.schedule.release === 'all-at-once' ? { release: 'all-at-once' as const } : {}),
              slots: d.schedule.slots.map((s) => ({ days: s.days, time: s.time })),
              ...(d.schedule.premiere ? { premiere: d.schedule.premiere } : {}),
              ...(d.schedule.finale ? { finale: d.schedule.finale } : {}),
              ...(d.schedule.episodes ? { episodes: d.schedule.episodes } : {}),
              ...(d.schedule.runtimeMinutes ? { runtimeMinutes: d.schedule.runtimeMinutes } : {}),
              ...(d.schedule.changes?.length ? { changes: d.schedule.changes.map(indexScheduleChange) } : {}),
            },
          }
        : {}),
      cast: d.cast.map((c) => ({
        personId: c.person,
        ...(c.character ? { character: c.character } : {}),
        role: c.role,
      })),
      sources: d.sources.map(indexSource),
      articleIds: [],
    }));
  const curatedPeople: SourcedPersonEntry[] = [...data.people]
    .map((p) => p.value)
    .sort(byId)
    .map((p) => ({
      id: p.id,
      kind: 'person',
      name: p.name,
      ...(p.hangul ? { hangul: p.hangul } : {}),
      ...(p.disambiguation ? { disambiguation: p.disambiguation } : {}),
      aliases: sortedUnique(p.aliases),
      dramaIds: [],
      sources: p.sources.map(indexSource),
      articleIds: [],
    }));

  // The imported tier, merged into the catalog (merge-dramadb.ts).
  let dramas = curatedDramas;
  let people = curatedPeople;
  let mergeStats: MergeStats | undefined;
  if (data.imported) {
    const imported = data.imported;
    const dramaFiles = new Map(data.dramas.map((d) => [d.value.id, d]));
    const merged = mergeDramadb(curatedDramas, curatedPeople, imported.value, {
      locate: (id, keyPath) => {
        const located = dramaFiles.get(id)!;
        return { file: located.file, line: located.lineOf(keyPath) };
      },
      importedFile: imported.file,
      importedLine: (list, i) => imported.lineOf([list, i]),
    });
    dramas = merged.dramas;
    people = merged.people;
    warnings.push(...merged.warnings);
    mergeStats = merged.stats;
  }

  const premiereOf = new Map(dramas.map((d) => [d.id, d.schedule?.premiere ?? (d.year ? String(d.year) : '')]));
  const dramaIdsByPerson = new Map<string, string[]>();
  for (const d of dramas) {
    for (const member of d.cast) {
      const list = dramaIdsByPerson.get(member.personId) ?? [];
      list.push(d.id);
      dramaIdsByPerson.set(member.personId, list);
    }
  }
  // A filmography reads newest first; unknown premieres go last.
  for (const list of dramaIdsByPerson.values()) {
    list.sort((a, b) => (premiereOf.get(b)! || '0').localeCompare(premiereOf.get(a)! || '0') || a.localeCompare(b));
  }
  for (const p of people) p.dramaIds = dramaIdsByPerson.get(p.id) ?? [];

  const castOf = new Map(dramas.map((d) => [d.id, d.cast.map((c) => c.personId)]));
  const curatedInputs = dictionaryInput(
    curatedDramas.map((d) => ({
      id: d.id,
      title: d.title,
      hangul: d.hangul,
      aliases: d.aliases,
      titleIsCommonWord: d.titleIsCommonWord,
      castIds: castOf.get(d.id)!,
    })),
    curatedPeople.map((p) => ({
      id: p.id,
      name: p.name,
      hangul: p.hangul,
      aliases: p.aliases,
      // The merged filmography (the merge returns new entries, so not `p.dramaIds`).
      dramaIds: dramaIdsByPerson.get(p.id) ?? [],
    })),
    isOrdinaryName,
  );
  const imported = importedDictionaryNames(
    curatedInputs,
    dramas.filter((d) => d.tier === 'dramadb'),
    people.filter((p) => p.tier === 'dramadb'),
  );
  const dictionary = compileDictionary([...curatedInputs, ...imported.inputs]);
  const matcher = loadDictionary(dictionary);
  const dramaById = new Map(dramas.map((d) => [d.id, d]));

  const articles: ArticleEntry[] = [];
  const articleFiles = new Map(data.articles.map((a) => [a.value.id, a]));
  for (const located of [...data.articles].sort((a, b) => byId(a.value, b.value))) {
    const a = located.value;
    const text = `${a.headline}${BLOCK_BREAK}${a.summary}`;
    // Every article is K-drama news: its ordinary-word names need no more than quotes or capitals.
    const matches = findMatches(matcher, text, { kdrama: true });
    const counts = new Map<string, number>();
    for (const m of matches) {
      const id = matcher.entityId(m.entity);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const mentions: Mention[] = [...counts]
      .map(([entityId, count]) => ({ entityId, count }))
      .sort((x, y) => y.count - x.count || x.entityId.localeCompare(y.entityId));

    const mentionedDramas = mentions.filter((m) => dramaById.has(m.entityId));
    const discussed = episodesDiscussed(text);
    const airFacts: AirFact[] = [];
    for (const statement of extractAirStatements(text)) {
      // The drama named last before the statement, else the article's most-mentioned drama.
      const before = matches.filter((m) => m.end <= statement.start && matcher.kinds[m.entity] === KIND_DRAMA);
      const dramaId = before.length > 0 ? matcher.entityId(before.at(-1)!.entity) : mentionedDramas[0]?.entityId;
      const { start: _start, end: _end, zoneSource: _zoneSource, ...claim } = statement;
      const fact: AirFact = { articleId: a.id, ...(dramaId ? { dramaId } : {}), ...claim };
      airFacts.push(fact);
      const contradiction = dramaId ? compareWithSchedule(statement, dramaById.get(dramaId)!.schedule) : undefined;
      if (contradiction) {
        warnings.push({
          file: located.file,
          line: 1,
          message: `air time "${statement.phrase}" contradicts the catalog for ${dramaId}: ${contradiction}`,
        });
      }
    }
    const breakFacts: BreakFact[] = [];
    for (const statement of extractBreakStatements(text)) {
      const before = matches.filter((m) => m.end <= statement.start && matcher.kinds[m.entity] === KIND_DRAMA);
      const dramaId = before.length > 0 ? matcher.entityId(before.at(-1)!.entity) : mentionedDramas[0]?.entityId;
      const date = statement.monthDay ? datedInYearOf(statement.monthDay, a.published) : undefined;
      breakFacts.push({
        articleId: a.id,
        ...(dramaId ? { dramaId } : {}),
        kind: statement.kind,
        phrase: statement.phrase,
        ...(date ? { date } : {}),
      });
      const contradiction =
        dramaId && date && statement.kind === 'skip'
          ? compareBreakWithSchedule(date, dramaById.get(dramaId)!.schedule)
          : undefined;
      if (contradiction) {
        warnings.push({
          file: located.file,
          line: 1,
          message: `schedule break "${statement.phrase}" contradicts the catalog for ${dramaId}: ${contradiction}`,
        });
      }
    }
    articles.push({
      id: a.id,
      headline: a.headline,
      outlet: a.outlet,
      ...(a.url ? { url: a.url } : {}),
      ...(a.published ? { published: a.published } : {}),
      summary: a.summary,
      mentions,
      storyId: '',
      airFacts,
      ...(breakFacts.length > 0 ? { breakFacts } : {}),
      ...(discussed.latest !== undefined ? { episode: discussed.latest } : {}),
      ...(discussed.finale ? { finale: true as const } : {}),
    });
  }

  const groups = groupStories(
    articles.map((a) => ({
      id: a.id,
      text: `${a.headline}\n${a.summary}`,
      entityIds: a.mentions.map((m) => m.entityId),
      published: a.published,
      story: articleFiles.get(a.id)!.value.story,
    })),
  );
  const stories: Story[] = groups.map((ids) => {
    const explicit = ids.map((id) => articleFiles.get(id)!.value.story).find((s) => s);
    return { id: explicit ?? `story-${ids[0]}`, articleIds: ids };
  });
  const storyOf = new Map<string, string>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story.id);
  for (const article of articles) article.storyId = storyOf.get(article.id) ?? `story-${article.id}`;

  // Per entity, the most relevant articles first: named in the headline, then stories more
  // outlets reported, then more mentions, then newest.
  const storySize = new Map(stories.map((story) => [story.id, story.articleIds.length]));
  const headlineMentions = new Map<string, Set<string>>();
  for (const article of articles) {
    const ids = findMatches(matcher, article.headline, { kdrama: true }).map((m) => matcher.entityId(m.entity));
    headlineMentions.set(article.id, new Set(ids));
  }
  const articleIdsByEntity = new Map<string, { id: string; rank: number[]; published: string }[]>();
  for (const article of articles) {
    for (const m of article.mentions) {
      const list = articleIdsByEntity.get(m.entityId) ?? [];
      list.push({
        id: article.id,
        rank: [headlineMentions.get(article.id)!.has(m.entityId) ? 1 : 0, storySize.get(article.storyId) ?? 1, m.count],
        published: article.published ?? '',
      });
      articleIdsByEntity.set(m.entityId, list);
    }
  }
  const rankedArticles = (entityId: string) =>
    (articleIdsByEntity.get(entityId) ?? [])
      .sort(
        (x, y) =>
          y.rank[0] - x.rank[0] ||
          y.rank[1] - x.rank[1] ||
          y.rank[2] - x.rank[2] ||
          y.published.localeCompare(x.published) ||
          x.id.localeCompare(y.id),
      )
      .map((x) => x.id);

  for (const d of dramas) d.articleIds = rankedArticles(d.id);
  for (const p of people) p.articleIds = rankedArticles(p.id);

  return {
    index: { version: 1, dramas: [...dramas].sort(byId), people: [...people].sort(byId), articles, stories },
    dictionary,
    dictionaryInputs: [...curatedInputs, ...imported.inputs],
    warnings,
    ...(mergeStats ? { imported: { ...mergeStats, sharedNames: imported.counts } } : {}),
  };
}

const characters = (text: string) => [...text.replace(/\s+/g, '')].length;

/**
 * The imported tier's names for the matcher dictionary. The curated names come first and keep
 * theirs; an imported name that reads the same as a name already taken is left out (two people
 * who share a name are still two people; the first keeps the name, as compileDictionary does for
 * people) and counted. Among imported dramas the newest keeps a shared title; among imported
 * people the one cast most often keeps a shared name. Names of one character are left out; names
 * of two characters match only in quotes (most are ordinary words: 비밀, 약속, 엄마).
 */
export function importedDictionaryNames(
  curated: DictionaryEntityInput[],
  dramas: SourcedDramaEntry[],
  people: SourcedPersonEntry[],
): { inputs: DictionaryEntityInput[]; counts: SharedNameCounts } {
  const counts: SharedNameCounts = {
    personWithCurated: 0,
    personWithImported: 0,
    titleWithCurated: 0,
    titleWithImported: 0,
    acrossKinds: 0,
    singleCharacter: 0,
    contextOnly: 0,
  };
  const owner = new Map<string, { kind: 'drama' | 'person' | 'cue'; curated: boolean }>();
  for (const input of curated)
    for (const name of input.names) {
      const key = foldKey(name.text);
      if (key.length > 0 && !owner.has(key)) owner.set(key, { kind: input.kind, curated: true });
    }
  const inputs: DictionaryEntityInput[] = [];
  const add = (id: string, kind: 'drama' | 'person', text: string, related: string[]) => {
    const key = foldKey(text);
    if (characters(text) <= 1 || key.length <= 1) {
      counts.singleCharacter++;
      return;
    }
    const taken = owner.get(key);
    if (taken && taken.kind !== 'cue') {
      if (taken.kind !== kind) counts.acrossKinds++;
      else if (kind === 'person') counts[taken.curated ? 'personWithCurated' : 'personWithImported']++;
      else counts[taken.curated ? 'titleWithCurated' : 'titleWithImported']++;
      return;
    }
    owner.set(key, { kind, curated: false });
    const needsContext = isOrdinaryName(text, kind === 'drama' ? 'title' : 'person');
    if (needsContext) counts.contextOnly++;
    inputs.push({ id, kind, names: [{ text, ...(needsContext ? { needsContext } : {}) }], related });
  };
  const newestFirst = [...dramas].sort(
    (a, b) =>
      (b.schedule?.premiere ?? String(b.year ?? '')).localeCompare(a.schedule?.premiere ?? String(a.year ?? '')) ||
      a.id.localeCompare(b.id),
  );
  for (const d of newestFirst)
    add(
      d.id,
      'drama',
      d.title,
      d.cast.map((c) => c.personId),
    );
  const mostCastFirst = [...people].sort((a, b) => b.dramaIds.length - a.dramaIds.length || a.id.localeCompare(b.id));
  for (const p of mostCastFirst) add(p.id, 'person', p.name, p.dramaIds);
  return { inputs, counts };
}

type ScheduleChangeInput = NonNullable<NonNullable<DramaFile['schedule']>['changes']>[number];

/** A stated schedule change as the index ships it: its source stays with the builder and data/. */
function indexScheduleChange(change: ScheduleChangeInput): ScheduleChange {
  if ('skip' in change) return { kind: 'skip', date: change.skip, ...(change.reason ? { reason: change.reason } : {}) };
  if ('special' in change) {
    return {
      kind: 'special',
      date: change.special,
      time: change.time,
      ...(change.title ? { title: change.title } : {}),
    };
  }
  if ('slotsFrom' in change) {
    return { kind: 'slots', from: change.slotsFrom, slots: change.slots.map((s) => ({ days: s.days, time: s.time })) };
  }
  return { kind: 'moved', episode: change.moved, date: change.date, time: change.time };
}

/**
 * Stated changes must add up: with a finale and an episode count, the slots, skips and moves
 * have to give exactly that many episodes by the finale (else one of the facts is wrong).
 */
function scheduleChangesProblem(schedule: DramaFile['schedule']): string | undefined {
  if (!schedule?.changes?.length || !schedule.finale || !schedule.episodes || !schedule.premiere) return undefined;
  // Counted up to the finale alone (not stopped at the stated count), so too many shows as well as too few.
  const { episodes: _stated, ...untilFinale } = schedule;
  const shipped = { ...untilFinale, changes: schedule.changes.map(indexScheduleChange) };
  const counted = episodeStarts(shipped, Date.parse(`${schedule.finale}T00:00:00Z`));
  if (!counted) return 'the schedule changes cannot be placed on its slots';
  if (counted.length !== schedule.episodes) {
    return `the slots and changes give ${counted.length} episodes from the premiere to the finale, not the ${schedule.episodes} stated`;
  }
  return undefined;
}

/**
 * `MM-DD` in the year of an article's date: the year it was published, or the next one for a
 * January date in an article from the last months of a year. Undefined without a year.
 */
function datedInYearOf(monthDay: string, published: string | undefined): string | undefined {
  if (!published) return undefined;
  let year = Number(published.slice(0, 4));
  const publishedMonth = published.length >= 7 ? Number(published.slice(5, 7)) : undefined;
  if (publishedMonth !== undefined && Number(monthDay.slice(0, 2)) + 6 < publishedMonth) year += 1;
  return `${year}-${monthDay}`;
}
