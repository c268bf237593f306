// Cross-checks data/ against a sourced reference: the Korean Wikipedia / Namuwiki infobox tables in
// ../shared/corpus/dramadb. Every drama whose Hangul title is in those tables must agree with them on
// premiere, finale, episode count and weekly slot wherever both sides state the value. Where they
// disagree and we know why, the case is listed below with the reason and the source we relied on;
// a listed case that no longer occurs fails too, so the list cannot go stale.
// Also checks the files' shapes (the builder's own schema) and that cast and people agree.
import { describe, it, expect } from 'vitest';
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
import { loadDramadb, type DramadbFile, type DramadbRow } from '../support/dramadb';

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

/** Titles compare without spaces and punctuation: 쌈, 마이웨이 = 쌈마이웨이, 또 오해영 = 또!오해영. */
const titleKey = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
const hasHangul = (s: string) => /[\uac00-\ud7a3]/.test(s);

/**
 * Table titles that data/ deliberately does not carry as names (each would be matched on Korean
 * pages as an ordinary word), so the test maps them by hand.
 */
const EXTRA_TABLE_TITLES: Record<string, { titles: string[]; reason: string }> = {
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

/** Table channel names, reduced to our network names. */
const CHANNELS: [RegExp, string][] = [
  [/tvN/i, 'tvN'],
  [/JTBC/, 'JTBC'],
  [/KBS ?2|한국방송공사/, 'KBS2'],
  [/MBC|문화방송/, 'MBC'],
  [/SBS/, 'SBS'],
];
const channelOf = (row: DramadbRow) => CHANNELS.find(([re]) => re.test(row.channel))?.[1];

/**
 * A row with our title can still be another drama of the same name: a premiere year more than a
 * year off, or another channel. Such rows are not compared; they must be listed here.
 */
const EXPECTED_HOMONYMS: { drama: string; file: DramadbFile; title: string; reason: string }[] = [
  { drama: 'dark-hole', file: 'results.csv', title: '다크홀', reason: 'another drama of that title: 2001 SBS TV' },
  { drama: 'dark-hole', file: 'wikipedia.csv', title: '다크홀', reason: 'a row with that title, 2019 tvN' },
  { drama: 'little-women', file: 'results.csv', title: '작은아씨들', reason: 'another drama of that title: 2004 SBS' },
  {
    drama: 'little-women',
    file: 'wikipedia.csv',
    title: '작은아씨들',
    reason: 'another drama of that title: 2004 SBS',
  },
  {
    drama: 'lovers-of-the-red-sky',
    file: 'results.csv',
    title: '홍천기',
    reason: 'another drama of that title: 1989 KBS2',
  },
  {
    drama: 'lovers-of-the-red-sky',
    file: 'wikipedia.csv',
    title: '홍천기',
    reason: 'another drama of that title: 1991 MBC',
  },
  { drama: 'my-dearest', file: 'namuwiki.csv', title: '연인', reason: 'another drama of that title: 2006 SBS' },
  { drama: 'my-dearest', file: 'results.csv', title: '연인', reason: 'another drama of that title: 2006 SBS TV' },
  {
    drama: 'my-dearest',
    file: 'wikipedia.csv',
    title: '연인',
    reason: 'another drama of that title: 1993 한국방송공사',
  },
  { drama: 'taxi-driver', file: 'results.csv', title: '모범택시', reason: 'another drama of that title: 2019 JTBC' },
  {
    drama: 'taxi-driver',
    file: 'wikipedia.csv',
    title: '모범택시',
    reason: 'another drama of that title: 2008 SBS TV',
  },
];

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

type Field = 'premiere' | 'finale' | 'episodes' | 'slot';
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
    const homonyms = results.flatMap((r) =>
      r.homonyms.map((row) => ({ drama: r.drama.id, file: row.file, title: row.title })),
    );
    // One entry per drama, table and title (a table may list the other drama twice).
    const key = (h: { drama: string; file: string; title: string }) => `${h.drama} ${h.file} ${h.title}`;
    expect([...new Set(homonyms.map(key))].sort()).toEqual(EXPECTED_HOMONYMS.map(key).sort());
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
