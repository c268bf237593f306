// Cross-checks data/ against a sourced reference: the Korean Wikipedia / Namuwiki infobox tables in
// ../shared/corpus/dramadb. Every drama whose Hangul title is in those tables must agree with them on
// premiere, finale, episode count and weekly slot wherever both sides state the value. Where they
// disagree and we know why, the case is listed below with the reason and the source we relied on;
// a listed case that no longer occurs fails too, so the list cannot go stale.
// Also checks the files' shapes (the builder's own schema) and that cast and people agree.
import { beforeAll, describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import {
  articleFrontMatterSchema,
  dramaFileSchema,
  personFileSchema,
  type DramaFile,
  type PersonFile,
} from '../../scripts/index-builder/schema';
import { loadDramadb, titleKey, type DramadbFile, type DramadbRow } from '../../scripts/index-builder/dramadb';
import { readChannel } from '../../scripts/index-builder/dramadb-import';
import { DRAMADB_TITLE_ALIASES } from '../../scripts/index-builder/merge-dramadb';
import { buildIndex, type BuildResult } from '../../scripts/index-builder/build';
import { loadData } from '../../scripts/index-builder/load';
import type { PersonEntry, SourcedDramaEntry } from '../../lib/index/types';

const DATA = resolve(import.meta.dirname, '../../data');

function readYamlDir(dir: string): { file: string; doc: unknown }[] {
  return readdirSync(join(DATA, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, doc: parse(readFileSync(join(DATA, dir, file), 'utf8')) }));
}

const dramaFiles = readYamlDir('dramas');
const personFiles = readYamlDir('people');
const dramas: DramaFile[] = dramaFiles.map(({ doc }) => v.parse(dramaFileSchema, doc));
const people: PersonFile[] = personFiles.map(({ doc }) => v.parse(personFileSchema, doc));

// ---------------------------------------------------------------------------------------------
// Matching our dramas to table rows

const hasHangul = (s: string) => /[\uac00-\ud7a3]/.test(s);

/**
 * Table titles that data/ deliberately does not carry as names (goblin: 도깨비, start-up: 스타트업),
 * shared with the index builder's merge, which maps them the same way.
 */
const EXTRA_TABLE_TITLES = DRAMADB_TITLE_ALIASES;

/** Table channel names, reduced to our network names by the importer's table. */
const channelOf = (row: DramadbRow) => readChannel(row.channel)?.network;

/** The tables end in 2020: every row with the title of a drama that premiered later is another drama. */
const TABLES_END = 2020;
const premiereYear = (d: DramaFile) =>
  d.year ?? (d.schedule?.premiere ? Number(d.schedule.premiere.slice(0, 4)) : undefined);
const afterTables = (d: DramaFile) => (premiereYear(d) ?? 0) > TABLES_END;

/**
 * A row with the title of one of our 2000–2020 dramas can still be another drama of the same
 * name: a premiere year more than a year off, or another channel. Such rows are not compared;
 * they must be listed here. (Rows with the title of a drama from 2021 on are all other dramas.)
 */
const EXPECTED_HOMONYMS: { drama: string; file: DramadbFile; title: string; reason: string }[] = [];

const rows = loadDramadb();
const rowsByTitle = new Map<string, DramadbRow[]>();
for (const row of rows) {
  const key = titleKey(row.title);
  if (!key) continue;
  const list = rowsByTitle.get(key) ?? [];
  list.push(row);
  rowsByTitle.set(key, list);
}

function tableRowsFor(d: DramaFile): { rows: DramadbRow[]; homonyms: DramadbRow[] } {
  const titles = [d.hangul, ...d.aliases, ...(EXTRA_TABLE_TITLES[d.id]?.titles ?? [])].filter(
    (t): t is string => !!t && hasHangul(t),
  );
  const found = new Set<DramadbRow>();
  for (const t of titles) for (const row of rowsByTitle.get(titleKey(t)) ?? []) found.add(row);
  const same: DramadbRow[] = [];
  const homonyms: DramadbRow[] = [];
  if (afterTables(d)) return { rows: [], homonyms: [...found] };
  for (const row of found) {
    const ourYear = d.schedule?.premiere ? Number(d.schedule.premiere.slice(0, 4)) : undefined;
    const theirYear = row.period?.premiere ? Number(row.period.premiere.slice(0, 4)) : undefined;
    const channel = channelOf(row);
    const otherYear = ourYear !== undefined && theirYear !== undefined && Math.abs(ourYear - theirYear) > 1;
    const otherChannel = d.network !== undefined && channel !== undefined && channel !== d.network;
    (otherYear || otherChannel ? homonyms : same).push(row);
  }
  return { rows: same, homonyms };
}

// ---------------------------------------------------------------------------------------------
// Known disagreements, each with the reason and the source data/ follows

type Field = 'premiere' | 'finale' | 'episodes' | 'slot' | 'network';
interface KnownDisagreement {
  drama: string;
  file: DramadbFile;
  field: Field;
  /** The table's value and ours, as this test prints them. */
  table: string;
  ours: string;
  reason: string;
  source: string;
}

const KNOWN_DISAGREEMENTS: KnownDisagreement[] = [
  ...(['wikipedia.csv', 'namuwiki.csv'] as const).map((file): KnownDisagreement => ({
    drama: 'hotel-del-luna',
    file,
    field: 'slot',
    table: 'sat,sun 21:10',
    ours: 'sat,sun 21:00',
    reason:
      'Both tables give 9:10 p.m., but the slot tvN announced is 9 p.m.: reports of the premiere (오는 13일 오후 9시 첫 방송) and of episode 2 (2회는 이날 오후 9시 방송) name 9 p.m., as do English fan sites (every Saturday and Sunday at 9:00 PM KST).',
    source: 'https://www.newsis.com/view/NISX20190714_0000709973',
  })),
  ...(['wikipedia.csv', 'namuwiki.csv'] as const).map((file): KnownDisagreement => ({
    drama: 'crash-landing-on-you',
    file,
    field: 'slot',
    table: 'sat,sun 21:10',
    ours: 'sat,sun 21:00',
    reason:
      'As with Hotel del Luna in the same tvN weekend slot: both tables give 9:10 p.m., while the premiere announcements (14일 밤 9시 첫 방송) and the slot notice after episode 1 (매주 토, 일요일 밤 9시에 방송된다) say 9 p.m.',
    source: 'https://m2.etoday.co.kr/view.php?idxno=1834292',
  })),
  {
    drama: 'reply-1988',
    file: 'namuwiki.csv',
    field: 'slot',
    table: 'fri,sat 19:40',
    ours: 'fri,sat 19:50',
    reason:
      "Namuwiki gives 7:40 p.m.; Korean Wikipedia (wikipedia.csv) gives 7:50 p.m., which the premiere reports and a report from the run's last weeks (매주 금, 토 오후 7시 50분 방송된다) confirm.",
    source: 'https://newspim.com/news/view/20151106000565',
  },
];

interface Disagreement {
  drama: string;
  file: DramadbFile;
  line: number;
  field: Field;
  table: string;
  ours: string;
}

const slotText = (days: readonly string[], time: string) => `${days.join(',')} ${time}`;

function compare(d: DramaFile, row: DramadbRow): { compared: Field[]; disagreements: Disagreement[] } {
  const compared: Field[] = [];
  const disagreements: Disagreement[] = [];
  const s = d.schedule;
  if (!s) return { compared, disagreements };
  const check = (field: Field, table: string | undefined, ours: string | undefined) => {
    if (table === undefined || ours === undefined) return;
    compared.push(field);
    if (table !== ours) disagreements.push({ drama: d.id, file: row.file, line: row.line, field, table, ours });
  };
  check('premiere', row.period?.premiere, s.premiere);
  check('finale', row.period?.finale, s.finale);
  check('episodes', row.episodes?.toString(), s.episodes?.toString());
  // The tables state one slot; compare it when we have exactly one.
  if (row.slot && s.slots.length === 1) {
    check('slot', slotText(row.slot.days, row.slot.time), slotText(s.slots[0].days, s.slots[0].time));
  }
  return { compared, disagreements };
}

// ---------------------------------------------------------------------------------------------

describe('data files', () => {
  it('match the builder schema and are named after their ids', () => {
    for (const { file, doc } of dramaFiles) {
      const result = v.safeParse(dramaFileSchema, doc);
      expect(
        result.issues?.map((i) => i.message),
        `data/dramas/${file}`,
      ).toBeUndefined();
      expect(file, 'file name').toBe(`${(doc as { id: string }).id}.yaml`);
    }
    for (const { file, doc } of personFiles) {
      const result = v.safeParse(personFileSchema, doc);
      expect(
        result.issues?.map((i) => i.message),
        `data/people/${file}`,
      ).toBeUndefined();
      expect(file, 'file name').toBe(`${(doc as { id: string }).id}.yaml`);
    }
    const articles = readdirSync(join(DATA, 'articles')).filter((f) => f.endsWith('.md'));
    expect(articles.length).toBeGreaterThanOrEqual(13);
    for (const file of articles) {
      const text = readFileSync(join(DATA, 'articles', file), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      expect(m, `data/articles/${file} has front matter`).not.toBeNull();
      const result = v.safeParse(articleFrontMatterSchema, parse(m![1]));
      expect(
        result.issues?.map((i) => i.message),
        `data/articles/${file}`,
      ).toBeUndefined();
      expect(file).toBe(`${(result.output as { id: string }).id}.md`);
      const body = m![2].trim().replace(/\b(?:[ap]\.m|Mr|Mrs|Ms|Dr|St|No|vs)\./g, (abbr) => abbr.replaceAll('.', ''));
      const sentences = body.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length, `data/articles/${file}: a summary of 1-3 sentences`).toBeLessThanOrEqual(3);
    }
  });

  it('hold enough dramas, each with a source for its facts', () => {
    expect(dramas.length).toBeGreaterThanOrEqual(32);
    for (const d of [...dramas, ...people]) {
      expect(d.sources.length, d.id).toBeGreaterThan(0);
      for (const s of d.sources) expect(s.supports?.length, `${d.id}: ${s.url} supports`).toBeGreaterThan(0);
    }
  });

  it('give Song Kang and Song Kang-ho separate entries', () => {
    const byId = new Map(people.map((p) => [p.id, p]));
    expect(byId.get('song-kang')?.hangul).toBe('송강');
    expect(byId.get('song-kang-ho')?.hangul).toBe('송강호');
    expect(byId.get('song-kang-ho')?.name).toBe('Song Kang-ho');
  });
});

describe('cast and people', () => {
  const personIds = new Set(people.map((p) => p.id));
  // People who may stand without a cast entry, and why.
  const UNCAST_ALLOWED: Record<string, string> = {
    'song-kang-ho': 'the matcher tests need him next to Song Kang even when none of his dramas is in data/',
  };

  it('names only people that have a file', () => {
    for (const d of dramas) {
      for (const member of d.cast) expect(personIds.has(member.person), `${d.id} casts ${member.person}`).toBe(true);
    }
  });

  it('casts every person somewhere, or says why not', () => {
    const cast = new Set(dramas.flatMap((d) => d.cast.map((m) => m.person)));
    const uncast = people.map((p) => p.id).filter((id) => !cast.has(id) && !(id in UNCAST_ALLOWED));
    expect(uncast).toEqual([]);
  });

  it('lists each person once per drama', () => {
    for (const d of dramas) {
      const ids = d.cast.map((m) => m.person);
      expect(new Set(ids).size, d.id).toBe(ids.length);
    }
  });
});

describe('dramas against the Korean Wikipedia / Namuwiki tables', () => {
  const results = dramas.map((d) => ({ drama: d, ...tableRowsFor(d) }));

  it('finds exactly the expected homonyms (rows with our title that are another drama)', () => {
    const homonyms = results
      .filter((r) => !afterTables(r.drama))
      .flatMap((r) => r.homonyms.map((row) => ({ drama: r.drama.id, file: row.file, title: row.title })));
    expect(homonyms).toEqual(EXPECTED_HOMONYMS.map(({ drama, file, title }) => ({ drama, file, title })));
    const later = results.filter((r) => afterTables(r.drama) && r.homonyms.length > 0);
    console.info(
      `dramadb homonyms of our dramas from ${TABLES_END + 1} on (other dramas of the same title, not compared): ` +
        later.map((r) => `${r.drama.id} (${r.homonyms.length} rows)`).join(', '),
    );
  });

  it('agrees on premiere, finale, episodes and slot, except for the documented cases', () => {
    const found: Disagreement[] = [];
    for (const r of results) for (const row of r.rows) found.push(...compare(r.drama, row).disagreements);

    const isKnown = (x: Disagreement) =>
      KNOWN_DISAGREEMENTS.some(
        (k) =>
          k.drama === x.drama && k.file === x.file && k.field === x.field && k.table === x.table && k.ours === x.ours,
      );
    const unexplained = found.filter((x) => !isKnown(x));
    expect(unexplained, 'disagreements with no documented reason').toEqual([]);

    const stale = KNOWN_DISAGREEMENTS.filter(
      (k) =>
        !found.some(
          (x) =>
            k.drama === x.drama && k.file === x.file && k.field === x.field && k.table === x.table && k.ours === x.ours,
        ),
    );
    expect(
      stale.map((k) => `${k.drama} ${k.file} ${k.field}`),
      'documented disagreements that no longer occur',
    ).toEqual([]);
    for (const k of KNOWN_DISAGREEMENTS) {
      expect(k.reason.length).toBeGreaterThan(20);
      expect(k.source).toMatch(/^https?:\/\//);
    }
  });

  it('compared at least 15 dramas, so it cannot pass vacuously', () => {
    const comparedDramas = results.filter((r) => r.rows.some((row) => compare(r.drama, row).compared.length > 0));
    expect(comparedDramas.length).toBeGreaterThanOrEqual(15);
    // and most of those on every field
    const fields = new Set(results.flatMap((r) => r.rows.flatMap((row) => compare(r.drama, row).compared)));
    expect([...fields].sort()).toEqual(['episodes', 'finale', 'premiere', 'slot']);
  });
});

// ---------------------------------------------------------------------------------------------
// The overlap with the imported tier: our 2000–2020 dramas are also in data/imported/dramadb.json,
// and the index builder merges them. Compared field by field, every disagreement must be a
// documented one above and must be printed by the build as a conflict warning.

describe('our 2000–2020 dramas against the imported tier (data/imported/dramadb.json)', () => {
  type ImportedDrama = NonNullable<Awaited<ReturnType<typeof loadData>>['imported']>['value']['dramas'][number];
  let built: BuildResult;
  let imported: ImportedDrama[];
  let importedPeople: Map<string, { name: string; disambiguation?: string }>;
  beforeAll(async () => {
    const data = await loadData(resolve(import.meta.dirname, '../..'));
    expect(data.imported, 'data/imported/dramadb.json is read').toBeDefined();
    imported = data.imported!.value.dramas;
    importedPeople = new Map(data.imported!.value.people.map((p) => [p.id, p]));
    const result = buildIndex(data);
    if ('problems' in result) throw new Error(result.problems.map((p) => p.message).join('\n'));
    built = result;
  }, 60_000);

  const rowKey = (s: { file?: string; row?: number }) => `${s.file}:${s.row}`;
  /** The imported entries the build merged into a drama: their rows are among its sources. */
  const mergedInto = (entry: SourcedDramaEntry) => {
    const rows = new Set(entry.sources.filter((s) => s.dataset).map(rowKey));
    return imported.filter((i) => i.sources.every((s) => rows.has(rowKey(s))));
  };
  const overlap = () =>
    dramas
      .filter((d) => !afterTables(d) && tableRowsFor(d).rows.length > 0)
      .map((d) => ({ drama: d, entry: built.index.dramas.find((e) => e.id === d.id)! }));

  /** Our dramas the tables have that the import leaves out, and why. */
  const NOT_MERGED: Record<string, string> = {
    'start-up':
      'the tables list 스타트업 before it aired, with no premiere (wikipedia.csv row 648, results.csv row 1362): the importer leaves undated rows of a drama out',
  };

  it('merges each of our dramas the tables have with its imported entry, and no other', () => {
    const unmerged = overlap()
      .filter(({ entry }) => mergedInto(entry).length === 0)
      .map(({ drama }) => drama.id);
    expect(unmerged).toEqual(Object.keys(NOT_MERGED));
    const withImportedRows = built.index.dramas.filter((e) => !e.tier && e.sources.some((s) => s.dataset));
    expect(withImportedRows.map((e) => e.id).sort()).toEqual(
      overlap()
        .filter(({ entry }) => mergedInto(entry).length > 0)
        .map(({ drama }) => drama.id)
        .sort(),
    );
    // 2021 on: the import holds none of our dramas.
    for (const d of dramas.filter(afterTables)) {
      expect(
        built.index.dramas.find((e) => e.id === d.id)!.sources.some((s) => s.dataset),
        d.id,
      ).toBe(false);
    }
  });

  it('agrees field by field, except for the documented cases, which the build prints as conflicts', () => {
    const compared = new Map<Field, number>();
    const found: { drama: string; field: Field; ours: string; table: string }[] = [];
    const report: string[] = [];
    for (const { drama: d, entry } of overlap()) {
      for (const i of mergedInto(entry)) {
        const s = d.schedule;
        const pairs: [Field, string | undefined, string | undefined][] = [
          ['network', d.network, i.network],
          ['premiere', s?.premiere, i.premiere],
          ['finale', s?.finale, i.finale],
          ['episodes', s?.episodes?.toString(), i.episodes?.toString()],
          [
            'slot',
            s?.slots.length ? s.slots.map((x) => slotText(x.days, x.time)).join('; ') : undefined,
            i.slots?.map((x) => slotText(x.days, x.time)).join('; '),
          ],
        ];
        const agreed: string[] = [];
        const differed: string[] = [];
        for (const [field, ours, table] of pairs) {
          if (ours === undefined || table === undefined) continue;
          compared.set(field, (compared.get(field) ?? 0) + 1);
          if (ours === table) agreed.push(field);
          else {
            differed.push(`${field} ${ours} / ${table}`);
            found.push({ drama: d.id, field, ours, table });
          }
        }
        const cast = i.cast.map((id) => importedPeople.get(id)!.name);
        const ourHangul = new Set(
          d.cast.map((m) => people.find((p) => p.id === m.person)?.hangul?.replace(/\s+/g, '')).filter(Boolean),
        );
        const sharedCast = cast.filter((n) => ourHangul.has(n)).length;
        report.push(
          `  ${d.id} = ${i.id} (${i.title}): agree ${agreed.join(', ') || '-'}` +
            (differed.length ? `; differ ${differed.join(', ')}` : '') +
            (i.unsettled ? `; unsettled in the tables: ${i.unsettled.map((u) => u.field).join(', ')}` : '') +
            `; cast ${sharedCast}/${cast.length} imported names are ours`,
        );
      }
    }
    console.info(
      `overlap with the imported tier: ${report.length} imported entries of ${overlap().length} dramas; compared ` +
        `${[...compared].map(([f, n]) => `${f} ${n}`).join(', ')}; ${found.length} disagreements\n${report.join('\n')}`,
    );

    // Each disagreement is documented (against one of the tables) ...
    const undocumented = found.filter(
      (x) =>
        !KNOWN_DISAGREEMENTS.some(
          (k) => k.drama === x.drama && k.field === x.field && k.table === x.table && k.ours === x.ours,
        ),
    );
    expect(undocumented, 'disagreements with the imported tier with no documented reason').toEqual([]);
    // ... and the build prints each one as a conflict warning naming both sides, and no others.
    const FIELD_NAME: Record<Field, string> = {
      network: 'network',
      premiere: 'schedule.premiere',
      finale: 'schedule.finale',
      episodes: 'schedule.episodes',
      slot: 'schedule.slots',
    };
    const conflictWarnings = built.warnings.filter((w) => / the catalog says /.test(w.message));
    expect(conflictWarnings.length).toBe(built.imported!.conflicts);
    expect(conflictWarnings.map((w) => `${w.file} ${w.message.split(' (')[0]}`).sort()).toEqual(
      found
        .map(
          (x) =>
            `data/dramas/${x.drama}.yaml ${FIELD_NAME[x.field]}: the catalog says ${x.ours}, MaybeS/DramaDatabase says ${x.table}`,
        )
        .sort(),
    );
    // Not vacuous: most of the overlap compared on every field.
    expect(overlap().length).toBeGreaterThanOrEqual(20);
    for (const field of ['network', 'premiere', 'finale', 'episodes', 'slot'] as Field[])
      expect(compared.get(field) ?? 0, field).toBeGreaterThanOrEqual(10);
  });

  it('merges imported people only into ours of the same Hangul name', () => {
    const ours = new Map(people.map((p) => [p.id, p]));
    let merged = 0;
    for (const p of built.index.people.filter((x: PersonEntry) => !x.tier)) {
      const rows = new Set(p.sources.filter((s) => s.dataset).map(rowKey));
      if (rows.size === 0) continue;
      merged++;
      expect(p.hangul, p.id).toBeDefined();
      expect(ours.get(p.id)!.hangul).toBe(p.hangul);
    }
    expect(merged).toBeGreaterThan(20);
  });
});
