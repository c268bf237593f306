// Merges the imported Korean-Wikipedia tier (data/imported/dramadb.json) into the curated
// catalog (data/dramas, data/people). Rules:
// - Same drama: the same Hangul title (compared without spaces and punctuation) and the same
//   premiere date, or the same premiere year when one side does not give the day. A curated
//   drama that gives neither (no source at hand stated it) is the imported one of its title
//   when both name the same network and share a cast member's Hangul name.
// - The curated drama wins field by field; a field it leaves empty is filled from the import.
//   Every field both give and disagree on is a conflict, returned as a warning naming both.
// - The imported rows become extra sources of the curated drama.
// - An imported person with the Hangul name of a curated person cast in the same (merged) drama
//   is that person: every drama the import casts them in is theirs. Others stay separate people.
import type {
  CastMember,
  SourcedDramaEntry,
  DramaSchedule,
  SourcedPersonEntry,
  Source,
  WeeklySlot,
} from '../../lib/index/types';
import { titleKey } from './dramadb';
import type { DataProblem } from './load';
import type { ImportedDatasetFile } from './schema';

type ImportedDrama = ImportedDatasetFile['dramas'][number];
type ImportedPerson = ImportedDatasetFile['people'][number];
type ImportedSource = ImportedDrama['sources'][number];

/**
 * Titles the tables use for a curated drama that data/ deliberately does not carry as a name
 * (each would be matched on Korean pages as an ordinary word). Keyed by the curated drama's id.
 */
export const DRAMADB_TITLE_ALIASES: Record<string, { titles: string[]; reason: string }> = {
  goblin: {
    titles: ['도깨비'],
    reason:
      'wikipedia.csv lists the drama under its short title 도깨비, an everyday word ("goblin"); data/ keeps the full title 쓸쓸하고 찬란하神 – 도깨비',
  },
  'start-up': {
    titles: ['스타트업'],
    reason: '스타트업 is the everyday word for a startup company, so data/ leaves the Hangul title out',
  },
};

/** Person names compare without spaces. */
export const nameKey = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const hasHangul = (s: string) => /[\uac00-\ud7a3]/.test(s);

export interface MergeOptions {
  /** The curated file and line of a drama's field, for warnings. */
  locate: (dramaId: string, keyPath: (string | number)[]) => { file: string; line: number };
  /** The imported file and the line of an entry. */
  importedFile: string;
  importedLine: (list: 'dramas' | 'people', index: number) => number;
}

export interface MergeStats {
  /** Imported dramas that became dramas of their own (tier `dramadb`). */
  importedDramas: number;
  importedPeople: number;
  /** Imported dramas merged into a curated one. */
  mergedDramas: number;
  /** Curated dramas that imported ones were merged into. */
  curatedDramasMerged: number;
  /** Imported people merged into a curated person. */
  mergedPeople: number;
  /** Curated people that imported ones were merged into. */
  curatedPeopleMerged: number;
  conflicts: number;
  /** Imported dramas with a curated drama's title and year but another premiere: kept apart. */
  keptApart: number;
}

export interface MergeResult {
  dramas: SourcedDramaEntry[];
  people: SourcedPersonEntry[];
  /** Imported drama id → the curated drama it was merged into. */
  mergedInto: Map<string, string>;
  warnings: DataProblem[];
  stats: MergeStats;
}

const slotText = (slots: WeeklySlot[]) =>
  slots
    .map((s) => `${s.days.join(',')} ${s.time}`)
    .sort()
    .join('; ');

export function mergeDramadb(
  curatedDramas: SourcedDramaEntry[],
  curatedPeople: SourcedPersonEntry[],
  imported: ImportedDatasetFile,
  options: MergeOptions,
): MergeResult {
  const warnings: DataProblem[] = [];
  const stats: MergeStats = {
    importedDramas: 0,
    importedPeople: 0,
    mergedDramas: 0,
    curatedDramasMerged: 0,
    mergedPeople: 0,
    curatedPeopleMerged: 0,
    conflicts: 0,
    keptApart: 0,
  };
  const datasetSource = (s: ImportedSource): Source => ({
    url: imported.url,
    supports: s.supports,
    dataset: imported.dataset,
    file: s.file,
    row: s.row,
    line: s.line,
  });
  const rowsText = (sources: ImportedSource[]) =>
    sources.map((s) => `${s.file} row ${s.row}, line ${s.line}`).join('; ');

  // Curated dramas by title key.
  const curatedByTitle = new Map<string, SourcedDramaEntry[]>();
  for (const d of curatedDramas) {
    const titles = [d.hangul, ...d.aliases, ...(DRAMADB_TITLE_ALIASES[d.id]?.titles ?? [])].filter(
      (t): t is string => !!t && hasHangul(t),
    );
    for (const key of new Set(titles.map(titleKey))) {
      const list = curatedByTitle.get(key) ?? [];
      list.push(d);
      curatedByTitle.set(key, list);
    }
  }
  const curatedYear = (d: SourcedDramaEntry) =>
    d.year ?? (d.schedule?.premiere ? Number(d.schedule.premiere.slice(0, 4)) : undefined);
  const importedPeopleById = new Map(imported.people.map((p) => [p.id, p]));
  const curatedHangul = new Map(curatedPeople.filter((p) => p.hangul).map((p) => [p.id, nameKey(p.hangul!)]));
  const sameDrama = (c: SourcedDramaEntry, i: ImportedDrama) => {
    const cp = c.schedule?.premiere;
    if (cp && i.premiere) return cp === i.premiere;
    const year = curatedYear(c);
    if (year !== undefined) return year === i.year;
    // The catalog gives no date at all (announced, or no source at hand): the same network and
    // a cast member of the same Hangul name say it is the same drama.
    if (!c.network || c.network !== i.network) return false;
    const names = new Set(c.cast.map((m) => curatedHangul.get(m.personId)).filter((n) => n !== undefined));
    return i.cast.some((id) => names.has(nameKey(importedPeopleById.get(id)?.name ?? '')));
  };

  // 1. Which imported dramas are curated ones.
  const mergedInto = new Map<string, SourcedDramaEntry>();
  imported.dramas.forEach((i, index) => {
    const candidates = curatedByTitle.get(titleKey(i.title)) ?? [];
    const same = candidates.filter((c) => sameDrama(c, i));
    if (same.length === 1) {
      mergedInto.set(i.id, same[0]);
      return;
    }
    if (same.length > 1) {
      warnings.push({
        file: options.importedFile,
        line: options.importedLine('dramas', index),
        message: `${i.id} (${i.title}, ${i.year}) could be any of ${same.map((c) => c.id).join(', ')}: kept apart`,
      });
      stats.keptApart++;
      return;
    }
    const sameYear = candidates.filter((c) => curatedYear(c) === i.year);
    for (const c of sameYear) {
      const at = options.locate(c.id, ['schedule', 'premiere']);
      warnings.push({
        ...at,
        message: `${imported.dataset} has ${i.title} (${i.id}) premiering ${i.premiere}, the catalog ${c.schedule?.premiere}: not merged, kept as two dramas (${rowsText(i.sources)})`,
      });
      stats.keptApart++;
    }
  });

  // 2. Which imported people are curated ones: the same Hangul name in the same drama.
  const curatedPeopleById = new Map(curatedPeople.map((p) => [p.id, p]));
  const candidatesOf = new Map<string, Set<string>>();
  for (const i of imported.dramas) {
    const c = mergedInto.get(i.id);
    if (!c) continue;
    const castByName = new Map<string, string[]>();
    for (const member of c.cast) {
      const hangul = curatedPeopleById.get(member.personId)?.hangul;
      if (!hangul) continue;
      const list = castByName.get(nameKey(hangul)) ?? [];
      list.push(member.personId);
      castByName.set(nameKey(hangul), list);
    }
    for (const personId of i.cast) {
      const person = importedPeopleById.get(personId);
      if (!person) continue;
      for (const curatedId of castByName.get(nameKey(person.name)) ?? []) {
        const set = candidatesOf.get(personId) ?? new Set();
        set.add(curatedId);
        candidatesOf.set(personId, set);
      }
    }
  }
  const personMap = new Map<string, string>();
  imported.people.forEach((p, index) => {
    const candidates = [...(candidatesOf.get(p.id) ?? [])].sort();
    if (candidates.length === 1) personMap.set(p.id, candidates[0]);
    else if (candidates.length > 1)
      warnings.push({
        file: options.importedFile,
        line: options.importedLine('people', index),
        message: `${p.id} (${p.name}) shares a name with ${candidates.join(', ')} in their dramas: kept apart`,
      });
  });
  stats.mergedPeople = personMap.size;
  stats.curatedPeopleMerged = new Set(personMap.values()).size;

  // 3. Entries.
  const finalPersonId = (id: string) => personMap.get(id) ?? id;
  const dramas = curatedDramas.map((d) => ({
    ...d,
    cast: [...d.cast],
    sources: [...d.sources],
    platforms: [...d.platforms],
    ...(d.schedule ? { schedule: { ...d.schedule, slots: [...d.schedule.slots] } } : {}),
  }));
  const dramaById = new Map(dramas.map((d) => [d.id, d]));
  const importedPeopleUsed = new Set<string>();
  for (const i of imported.dramas) {
    const curated = mergedInto.get(i.id);
    if (!curated) {
      stats.importedDramas++;
      const cast: CastMember[] = i.cast.map((personId) => ({ personId: finalPersonId(personId), role: 'main' }));
      for (const personId of i.cast) if (!personMap.has(personId)) importedPeopleUsed.add(personId);
      const hasSchedule = i.premiere || i.finale || i.episodes || i.slots;
      const entry: SourcedDramaEntry = {
        id: i.id,
        kind: 'drama',
        tier: 'dramadb',
        // The title is the Hangul title: no separate `hangul`, which a card would show again.
        title: i.title,
        aliases: [],
        titleIsCommonWord: false,
        ...(i.network ? { network: i.network } : {}),
        platforms: i.platforms ?? [],
        year: i.year,
        ...(hasSchedule
          ? {
              schedule: {
                timeZone: 'Asia/Seoul',
                slots: i.slots ?? [],
                ...(i.premiere ? { premiere: i.premiere } : {}),
                ...(i.finale ? { finale: i.finale } : {}),
                ...(i.episodes ? { episodes: i.episodes } : {}),
              },
            }
          : {}),
        cast,
        sources: i.sources.map(datasetSource),
        articleIds: [],
      };
      dramas.push(entry);
      dramaById.set(entry.id, entry);
      continue;
    }

    stats.mergedDramas++;
    const d = dramaById.get(curated.id)!;
    const rowsStating = (field: string) => i.sources.filter((s) => s.supports.includes(field));
    const conflict = (field: string, keyPath: (string | number)[], ours: string, theirs: string) => {
      stats.conflicts++;
      warnings.push({
        ...options.locate(d.id, keyPath),
        message: `${field}: the catalog says ${ours}, ${imported.dataset} says ${theirs} (${rowsText(rowsStating(field))}); the catalog's value is kept`,
      });
    };
    if (i.network) {
      if (!d.network) d.network = i.network;
      else if (d.network !== i.network) conflict('network', ['network'], d.network, i.network);
    }
    if (d.platforms.length === 0 && i.platforms) d.platforms = [...i.platforms];
    const schedule: DramaSchedule = d.schedule ?? { timeZone: 'Asia/Seoul', slots: [] };
    const fill = <F extends 'premiere' | 'finale' | 'episodes'>(field: F, theirs: DramaSchedule[F]) => {
      if (theirs === undefined) return;
      const ours = schedule[field];
      if (ours === undefined) schedule[field] = theirs;
      else if (String(ours) !== String(theirs))
        conflict(`schedule.${field}`, ['schedule', field], String(ours), String(theirs));
    };
    fill('premiere', i.premiere);
    // A drama released all at once has no finale or slots to compare.
    if (schedule.release !== 'all-at-once') {
      fill('finale', i.finale);
      if (i.slots) {
        if (schedule.slots.length === 0) schedule.slots = i.slots;
        else if (slotText(schedule.slots) !== slotText(i.slots))
          conflict('schedule.slots', ['schedule', 'slots'], slotText(schedule.slots), slotText(i.slots));
      }
    }
    fill('episodes', i.episodes);
    if (!d.schedule && (schedule.premiere || schedule.finale || schedule.episodes || schedule.slots.length > 0))
      d.schedule = schedule;
    if (d.year === undefined) d.year = i.year;
    for (const personId of i.cast) {
      const id = finalPersonId(personId);
      if (d.cast.some((c) => c.personId === id)) continue;
      d.cast.push({ personId: id, role: 'supporting' });
      if (!personMap.has(personId)) importedPeopleUsed.add(personId);
    }
    d.sources.push(...i.sources.map(datasetSource));
  }

  // People: curated ones gain the rows of the imported people merged into them.
  const people = curatedPeople.map((p) => ({ ...p, sources: [...p.sources] }));
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const personSources = (p: ImportedPerson) => p.sources.map(datasetSource);
  for (const p of imported.people) {
    const curatedId = personMap.get(p.id);
    if (curatedId) {
      peopleById.get(curatedId)!.sources.push(...personSources(p));
      continue;
    }
    if (!importedPeopleUsed.has(p.id)) continue;
    stats.importedPeople++;
    people.push({
      id: p.id,
      kind: 'person',
      tier: 'dramadb',
      name: p.name, // Hangul, as the tables write it (no separate `hangul`)
      ...(p.disambiguation ? { disambiguation: p.disambiguation } : {}),
      aliases: [],
      dramaIds: [],
      sources: personSources(p),
      articleIds: [],
    });
  }
  const merged = new Map([...mergedInto].map(([importedId, c]) => [importedId, c.id]));
  stats.curatedDramasMerged = new Set(merged.values()).size;
  return { dramas, people, mergedInto: merged, warnings, stats };
}
