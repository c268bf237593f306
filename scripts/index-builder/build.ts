// Turns validated data files into the bundled index and the content script's compact dictionary.
// Problems that make the data wrong (dangling references, duplicate ids, clashing names) are
// errors; air-time statements that contradict the catalog are warnings.
import type { AirFact, ArticleEntry, DramaEntry, DramaIndex, Mention, PersonEntry, Story } from '../../lib/index/types';
import { compileDictionary, type CompiledDictionary } from '../../lib/match/compile';
import { foldKey } from '../../lib/match/fold';
import { BLOCK_BREAK, findMatches, KIND_DRAMA, loadDictionary } from '../../lib/match/matcher';
import { dictionaryInput } from '../../lib/match/dictionary-input';
import { extractAirStatements } from './air-statements';
import { compareWithSchedule } from './schedule-check';
import { groupStories } from './stories';
import type { DataProblem, LoadedData, Located } from './load';
import { isOrdinaryName } from './ordinary-names';

export interface BuildResult {
  index: DramaIndex;
  dictionary: CompiledDictionary;
  warnings: DataProblem[];
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

  const dramas = [...data.dramas].map((d) => d.value).sort(byId);
  const people = [...data.people].map((p) => p.value).sort(byId);
  const premiereOf = new Map(dramas.map((d) => [d.id, d.schedule?.premiere ?? '']));
  const dramaIdsByPerson = new Map<string, string[]>();
  for (const d of dramas) {
    for (const member of d.cast) {
      const list = dramaIdsByPerson.get(member.person) ?? [];
      list.push(d.id);
      dramaIdsByPerson.set(member.person, list);
    }
  }
  // A filmography reads newest first; unknown premieres go last.
  for (const list of dramaIdsByPerson.values()) {
    list.sort((a, b) => (premiereOf.get(b)! || '0').localeCompare(premiereOf.get(a)! || '0') || a.localeCompare(b));
  }

  const dictionary = compileDictionary(
    dictionaryInput(
      dramas.map((d) => ({
        id: d.id,
        title: d.title,
        hangul: d.hangul,
        aliases: d.aliases,
        titleIsCommonWord: d.titleIsCommonWord,
        castIds: d.cast.map((c) => c.person),
      })),
      people.map((p) => ({
        id: p.id,
        name: p.name,
        hangul: p.hangul,
        aliases: p.aliases,
        dramaIds: dramaIdsByPerson.get(p.id) ?? [],
      })),
      isOrdinaryName,
    ),
  );
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

  const dramaEntries: DramaEntry[] = dramas.map((d) => ({
    id: d.id,
    kind: 'drama',
    title: d.title,
    ...(d.hangul ? { hangul: d.hangul } : {}),
    aliases: d.aliases,
    titleIsCommonWord: d.titleIsCommonWord,
    ...(d.network ? { network: d.network } : {}),
    platforms: d.platforms,
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
          },
        }
      : {}),
    cast: d.cast.map((c) => ({
      personId: c.person,
      ...(c.character ? { character: c.character } : {}),
      role: c.role,
    })),
    sources: d.sources.map((s) => ({ url: s.url, ...(s.supports ? { supports: s.supports } : {}) })),
    articleIds: rankedArticles(d.id),
  }));
  const personEntries: PersonEntry[] = people.map((p) => ({
    id: p.id,
    kind: 'person',
    name: p.name,
    ...(p.hangul ? { hangul: p.hangul } : {}),
    aliases: sortedUnique(p.aliases),
    dramaIds: dramaIdsByPerson.get(p.id) ?? [],
    sources: p.sources.map((s) => ({ url: s.url, ...(s.supports ? { supports: s.supports } : {}) })),
    articleIds: rankedArticles(p.id),
  }));

  return {
    index: { version: 1, dramas: dramaEntries, people: personEntries, articles, stories },
    dictionary,
    warnings,
  };
}
