// The importer of the Korean-Wikipedia tier: MaybeS/DramaDatabase's three tables (read by
// dramadb.ts) → catalog entries for the dramas that premiered 2000–2020 and their cast, each
// with the rows it comes from. `npm run import:dramadb` writes the result to
// data/imported/dramadb.json, which the index builder reads like the rest of data/.
//
// The tables repeat each other: results.csv holds the rows of wikipedia.csv and namuwiki.csv
// again, with the cast (`출연자`) added. Rules:
// - A row counts only when results.csv and wikipedia.csv / namuwiki.csv agree on it (same
//   title, same premiere). Where they do not, the scraper had landed on another drama's page
//   for that title (results.csv's 카이로스 row is 별에서 온 그대 with 전지현 and 김수현), so such
//   rows are left out and listed in the file's `leftOut`.
// - Rows with the same title whose premieres are at most CLUSTER_DAYS apart are one drama
//   (Korean Wikipedia and Namuwiki sometimes differ by a few days). A row without a premiere
//   joins a drama only when its title names one drama in the tables.
// - A field is kept when every row that states it states the same value; when rows differ it
//   stays empty and the values are kept in the entry's `unsettled`, so nothing is guessed.
// - Only dramas whose rows agree on a premiere year from 2000 to 2020 are kept.
import { createHash } from 'node:crypto';
import { readDramadbRows, titleKey, type DramadbFile, type DramadbRow, type Weekday } from './dramadb';

export const DATASET = 'MaybeS/DramaDatabase';
export const DATASET_URL = 'https://github.com/MaybeS/DramaDatabase';
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2020;
/** Rows of one title whose premieres are this close are the same drama. */
export const CLUSTER_DAYS = 45;

// ---------------------------------------------------------------------------------------------
// Channels: the tables' channel text → the catalog's network names (data/dramas `network`)

export interface ChannelReading {
  network?: string;
  platforms?: string[];
  /** Why the text gives no network (two broadcasters, an unclear note). */
  note?: string;
}

const net = (network: string, ...platforms: string[]): ChannelReading =>
  platforms.length > 0 ? { network, platforms } : { network };
const unclear = (note: string): ChannelReading => ({ note });

/**
 * Every channel text of the rows the importer reads, whitespace collapsed, exactly as written.
 * The importer fails on a text that is not here, so the table is always complete.
 */
export const CHANNEL_TABLE: Record<string, ChannelReading> = {
  // KBS: the corporation (한국방송공사) runs two channels; only a text naming one gives a network.
  'KBS 2TV': net('KBS2'),
  'KBS 제2TV': net('KBS2'),
  KBS2TV: net('KBS2'),
  'KBS 2TV(지상파)': net('KBS2'),
  'KBS 제2TV(지상파)': net('KBS2'),
  'KBS 제2TV (지상파)': net('KBS2'),
  '[KBS 2TV': net('KBS2'), // a broken wiki link
  'KBS 2TV뉴스 인용': net('KBS2'), // a citation template's name run into the field
  '한국방송공사 KBS 2TV': net('KBS2'),
  '한국방송공사 KBS 제2TV': net('KBS2'),
  'KBS 2TV | 넷플릭스': net('KBS2', 'Netflix'),
  'KBS 2TV | wavve': net('KBS2', 'Wavve'),
  'KBS 1TV': net('KBS1'),
  'KBS 제1TV': net('KBS1'),
  KBS1: net('KBS1'),
  'KBS 1TV (본방송)KBS 2TV (재방송)': net('KBS1'), // first run (본방송) on KBS1, reruns on KBS2
  // Some dramas listed as 한국방송공사 alone aired on KBS1 (the daily drama 별난여자별난남자, 2005).
  KBS: unclear('KBS runs two channels (KBS1, KBS2); the text does not say which'),
  한국방송공사: unclear('한국방송공사 (KBS) runs two channels (KBS1, KBS2); the text does not say which'),
  'KBS W': net('KBS W'),
  'KBS 2TV KBS W': unclear('two channels named without saying which aired first'),
  'KBS 제2TV KBS 조이, KBS 드라마, KBS W, 폭스 채널': unclear('several channels'),
  'KBS 2TV. 중국중앙텔레비전': unclear('two broadcasters (KBS2 and China Central Television)'),
  '후지 테레비 KBS 2TV': unclear('two broadcasters (Fuji TV and KBS2)'),
  // MBC (문화방송) has one terrestrial channel.
  문화방송: net('MBC'),
  '문화방송 문화방송': net('MBC'),
  MBC: net('MBC'),
  'MBC TV': net('MBC'),
  'MBC TV(지상파)': net('MBC'),
  'MBC TV뉴스 인용': net('MBC'),
  '문화방송 | Netflix': net('MBC', 'Netflix'),
  'MBC, 넷플릭스': net('MBC', 'Netflix'),
  '문화방송(지상파) 오리온 시네마 네트워크, 슈퍼 액션(대한민국의 케이블TV 방송)': unclear(
    'a terrestrial and two cable channels',
  ),
  // SBS (서울방송: its name until 2000).
  SBS: net('SBS'),
  'SBS TV': net('SBS'),
  'SBS TV(지상파)': net('SBS'),
  서울방송: net('SBS'),
  'SBS (대한민국의 방송사)': net('SBS'),
  'SBS SBS 네트워크 지역 민방': net('SBS'), // SBS and its regional affiliates
  'SBS | 넷플릭스': net('SBS', 'Netflix'),
  'SBS TV, 넷플릭스': net('SBS', 'Netflix'),
  '한국: SBS 전 세계: Netflix': net('SBS', 'Netflix'),
  tvN: net('tvN'),
  TvN: net('tvN'),
  '한국: tvN 전 세계: Netflix': net('tvN', 'Netflix'),
  JTBC: net('JTBC'),
  'JTBC(종합편성채널)': net('JTBC'),
  'JTBC (한국), 넷플릭스 (전세계)': net('JTBC', 'Netflix'),
  'JTBC 넷플릭스 왓챠플레이': net('JTBC', 'Netflix', 'Watcha'),
  OCN: net('OCN'),
  'OCN (방송)': net('OCN'),
  'OCN (텔레비전 채널)': net('OCN'),
  'OCN_LOGO.png': net('OCN'), // the infobox shows the channel's logo
  'TV CHOSUN': net('TV Chosun'),
  TV조선: net('TV Chosun'),
  'TV 조선': net('TV Chosun'),
  채널A: net('Channel A'),
  '채널 A': net('Channel A'),
  MBN: net('MBN'),
  'OLIVE (방송 채널)': net('Olive'),
  '후지 TV': net('Fuji TV'),
  '네이버 TV': { platforms: ['Naver TV'] },
  'TV CHOSUN / tvN': unclear('two broadcasters'),
  'TV조선 tvN': unclear('two broadcasters'),
  'MBN | Dramax': unclear('two broadcasters'),
  'Dramax ｜ MBN': unclear('two broadcasters'),
  'MBN, 드라맥스': unclear('two broadcasters'),
  '드라맥스 & MBN': unclear('two broadcasters'),
  '메가플러스, tvN': unclear('two broadcasters'),
  'XtvN, SK브로드밴드': unclear('a channel and an IPTV service'),
  'SK브로드밴드, B TV': unclear('an IPTV service, no channel'),
  'oksusu 라이프타임 TV 조선': unclear('a streaming service and two channels'),
  '': unclear('no channel given'),
};

export function readChannel(text: string): ChannelReading | undefined {
  return CHANNEL_TABLE[text.replace(/\s+/g, ' ').trim()];
}

// ---------------------------------------------------------------------------------------------
// Cast: `김선호 (배우), 이이경, 신현수 (배우), 문가영, 김예원 (1987년) 외`

export interface CastName {
  /** The name as the table writes it, with its disambiguator: `김선호 (배우)`; the person's key. */
  full: string;
  /** The name shown: `김선호`. */
  name: string;
  /** The bracket's text: `배우`, `1987년`. */
  disambiguation?: string;
}

const CAST_NAME = /^([\uac00-\ud7a3]{1,5})\s*(?:\(\s*([^()]+?)\s*\))?$/;

/**
 * The names in a cast cell: a list separated by commas, middle dots or line breaks, ending in
 * 외/外/등 ("and others"). An item that is not plainly one Hangul name (spaces inside, as in
 * `문정혁 고원희`, which may be one name or two; names run together, `이순재송옥숙`; notes) is
 * skipped, and so is a cell that describes characters (`염정아 : 강연주 역`, 《…》). A bare birth
 * year (`이정은(1970)`) reads as `1970년`, as Korean Wikipedia writes it.
 */
export function parseCast(text: string | undefined): { names: CastName[]; skipped: string[] } {
  const names: CastName[] = [];
  const skipped: string[] = [];
  if (!text || text.trim() === '') return { names, skipped };
  if (/[《》:：]/.test(text)) return { names, skipped: [text.trim()] };
  const items = text
    .replace(/\[\[([^\]|]*)\|[^\]]*\]\]/g, '$1') // [[공유 (배우)|공유]] → the linked article
    .replace(/\[\[|\]\]/g, '')
    .replace(/\{\{[^{}]*\}\}/g, '\n') // {{단순목록}} and other templates
    .split(/[,，\n·・、]/);
  const seen = new Set<string>();
  for (const raw of items) {
    const item = raw
      .trim()
      .replace(/\s*(?:外|외|등)\s*\.?$/u, '')
      .replace(/\.$/, '')
      .trim();
    if (item === '' || item === '外' || item === '외' || item === '등') continue;
    const m = CAST_NAME.exec(item);
    // A single syllable is a name only with its disambiguator (비 (가수)).
    if (!m || (m[1].length === 1 && m[2] === undefined)) {
      skipped.push(item);
      continue;
    }
    const disambiguation = m[2]?.replace(/\s+/g, ' ').replace(/^(\d{4})$/, '$1년');
    const full = disambiguation ? `${m[1]} (${disambiguation})` : m[1];
    if (seen.has(full)) continue;
    seen.add(full);
    names.push({ full, name: m[1], ...(disambiguation ? { disambiguation } : {}) });
  }
  return { names, skipped };
}

// ---------------------------------------------------------------------------------------------
// The imported file

export interface RowRef {
  file: DramadbFile;
  /** 1-based data row of the file (the header is not a row). */
  row: number;
  /** 1-based line where the row starts. */
  line: number;
}

export interface ImportedSource extends RowRef {
  /** The fields of the entry this row states (with the value kept). */
  supports: string[];
}

export interface ImportedSlot {
  days: Weekday[];
  time: string;
}

export interface UnsettledField {
  field: string;
  /** What each row says. */
  values: (RowRef & { value: string })[];
}

export interface ImportedDrama {
  id: string;
  /** The Hangul title as the tables write it (they drop spaces; see README). */
  title: string;
  /** Premiere year every row agrees on. */
  year: number;
  premiere?: string;
  finale?: string;
  episodes?: number;
  /** Weekly slots in KST (Asia/Seoul). */
  slots?: ImportedSlot[];
  network?: string;
  platforms?: string[];
  /** Person ids, in the table's order (leads first). */
  cast: string[];
  sources: ImportedSource[];
  unsettled?: UnsettledField[];
}

export interface ImportedPerson {
  id: string;
  /** The Hangul name shown (the disambiguator dropped). */
  name: string;
  /** The disambiguator's text (`배우`, `1987년`), when the table gives one. */
  disambiguation?: string;
  sources: ImportedSource[];
}

export interface LeftOutRow extends RowRef {
  title: string;
  premiere?: string;
  reason: string;
}

export interface ImportedDataset {
  dataset: string;
  url: string;
  licence: string;
  years: [number, number];
  dramas: ImportedDrama[];
  people: ImportedPerson[];
  /** Rows in the year range (or of unknown year) that were not imported, and why. */
  leftOut: LeftOutRow[];
}

// ---------------------------------------------------------------------------------------------

const ref = (r: DramadbRow): RowRef => ({ file: r.file, row: r.row, line: r.line });
const hash = (text: string, length: number) => createHash('sha1').update(text).digest('hex').slice(0, length);
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const FILE_ORDER: Record<DramadbFile, number> = { 'wikipedia.csv': 0, 'namuwiki.csv': 1, 'results.csv': 2 };
const byFileAndRow = (a: DramadbRow, b: DramadbRow) => FILE_ORDER[a.file] - FILE_ORDER[b.file] || a.row - b.row;

export interface ImportOptions {
  firstYear?: number;
  lastYear?: number;
}

export class DramadbImportError extends Error {}

/** The import, from the three tables' texts. Pure and deterministic. */
export function importDramadb(texts: Record<DramadbFile, string>, options: ImportOptions = {}): ImportedDataset {
  const firstYear = options.firstYear ?? FIRST_YEAR;
  const lastYear = options.lastYear ?? LAST_YEAR;
  const rows = readDramadbRows(texts).filter((r) => r.title !== '');
  const premiereOf = (r: DramadbRow) => r.period?.premiere;
  const inRange = (r: DramadbRow) => {
    const p = premiereOf(r);
    return p === undefined || (+p.slice(0, 4) >= firstYear && +p.slice(0, 4) <= lastYear);
  };
  const leftOut: LeftOutRow[] = [];
  const leave = (r: DramadbRow, reason: string) => {
    if (!inRange(r)) return; // rows outside the years are not listed
    const premiere = premiereOf(r);
    leftOut.push({ ...ref(r), title: r.title, ...(premiere ? { premiere } : {}), reason });
  };

  // 1. Rows that results.csv and a source table agree on.
  const key = (r: DramadbRow) => `${titleKey(r.title)}|${premiereOf(r) ?? ''}`;
  const resultKeys = new Set(rows.filter((r) => r.file === 'results.csv').map(key));
  const sourceKeys = new Set(rows.filter((r) => r.file !== 'results.csv').map(key));
  const confirmed: DramadbRow[] = [];
  for (const r of rows) {
    const partner = r.file === 'results.csv' ? sourceKeys.has(key(r)) : resultKeys.has(key(r));
    if (partner) confirmed.push(r);
    else
      leave(
        r,
        r.file === 'results.csv'
          ? 'no row of wikipedia.csv or namuwiki.csv has this title and premiere'
          : 'no row of results.csv has this title and premiere',
      );
  }

  // 2. Dramas: rows of one title with premieres close together; undated rows join a lone drama.
  const byTitle = new Map<string, DramadbRow[]>();
  for (const r of confirmed) {
    const list = byTitle.get(titleKey(r.title)) ?? [];
    list.push(r);
    byTitle.set(titleKey(r.title), list);
  }
  const groups: DramadbRow[][] = [];
  for (const titleRows of byTitle.values()) {
    const dated = titleRows
      .filter((r) => premiereOf(r) !== undefined)
      .sort((a, b) => premiereOf(a)!.localeCompare(premiereOf(b)!) || byFileAndRow(a, b));
    const undated = titleRows.filter((r) => premiereOf(r) === undefined);
    const clusters: DramadbRow[][] = [];
    for (const r of dated) {
      const last = clusters.at(-1);
      if (last && dayNumber(premiereOf(r)!) - dayNumber(premiereOf(last.at(-1)!)!) <= CLUSTER_DAYS) last.push(r);
      else clusters.push([r]);
    }
    if (clusters.length === 1) clusters[0].push(...undated);
    else
      for (const r of undated)
        leave(
          r,
          clusters.length === 0
            ? 'no row of this title gives a premiere'
            : 'no premiere, and the title names several dramas',
        );
    groups.push(...clusters);
  }

  // 3. Entries.
  const unknownChannels = new Set<string>();
  type Draft = { drama: ImportedDrama; castRow?: DramadbRow; castNames: CastName[]; rows: DramadbRow[] };
  const drafts: Draft[] = [];
  for (const group of groups) {
    group.sort(byFileAndRow);
    const years = new Set(group.map((r) => premiereOf(r)?.slice(0, 4)).filter((y) => y !== undefined));
    if (years.size !== 1) {
      for (const r of group) leave(r, 'the rows of this drama give different premiere years');
      continue;
    }
    const year = Number([...years][0]);
    if (year < firstYear || year > lastYear) continue;

    const supports = new Map<DramadbRow, Set<string>>(group.map((r) => [r, new Set(['title', 'hangul'])]));
    const unsettled: UnsettledField[] = [];
    /** The value every row that states the field agrees on, else undefined (and noted). */
    const settle = <T>(field: string, read: (r: DramadbRow) => T | undefined, show: (v: T) => string) => {
      const stated = group.map((r) => ({ r, value: read(r) })).filter((x) => x.value !== undefined);
      if (stated.length === 0) return undefined;
      const shown = new Set(stated.map((x) => show(x.value!)));
      if (shown.size > 1) {
        unsettled.push({ field, values: stated.map((x) => ({ ...ref(x.r), value: show(x.value!) })) });
        return undefined;
      }
      for (const x of stated) supports.get(x.r)!.add(field);
      return stated[0].value;
    };
    const premiere = settle('schedule.premiere', premiereOf, String);
    const finale = settle('schedule.finale', (r) => r.period?.finale, String);
    const episodes = settle('schedule.episodes', (r) => r.episodes, String);
    const slot = settle(
      'schedule.slots',
      (r) => (r.slot ? { days: r.slot.days, time: r.slot.time } : undefined),
      (s) => `${s.days.join(',')} ${s.time}`,
    );
    const channels = new Map<DramadbRow, ChannelReading>();
    for (const r of group) {
      const reading = readChannel(r.channel);
      if (!reading) unknownChannels.add(`${r.file}:${r.line}: ${JSON.stringify(r.channel.replace(/\s+/g, ' '))}`);
      channels.set(r, reading ?? {});
    }
    const network = settle('network', (r) => channels.get(r)!.network, String);
    const platforms = [...new Set(group.flatMap((r) => channels.get(r)!.platforms ?? []))].sort();
    for (const r of group) if (channels.get(r)!.platforms?.length) supports.get(r)!.add('platforms');

    // The cast of one results.csv row: the one that repeats a wikipedia.csv row word for word
    // first (results.csv copies each source row's period and episode texts as written), then one
    // repeating a namuwiki.csv row, then any.
    const written = (r: DramadbRow) => `${r.fields['방송 기간']}|${r.fields['방송 횟수']}`;
    const repeats = (file: DramadbFile) => new Set(group.filter((r) => r.file === file).map(written));
    const [fromWiki, fromNamu] = [repeats('wikipedia.csv'), repeats('namuwiki.csv')];
    const rank = (r: DramadbRow) => (fromWiki.has(written(r)) ? 0 : fromNamu.has(written(r)) ? 1 : 2);
    const castRows = group.filter((r) => r.file === 'results.csv').sort((a, b) => rank(a) - rank(b) || a.row - b.row);
    let castRow: DramadbRow | undefined;
    let castNames: CastName[] = [];
    for (const r of castRows) {
      const { names } = parseCast(r.castText);
      if (names.length > 0) {
        castRow = r;
        castNames = names;
        break;
      }
    }
    if (castRow) supports.get(castRow)!.add('cast');

    // The title as written; a spaced form only where a field of these rows writes it (《…》).
    const writtenTitle = group[0].fields['제목'].replace(/\s+/g, ' ').trim();
    const spaced = new Set<string>();
    for (const r of group)
      for (const value of Object.values(r.fields))
        for (const m of value.matchAll(/《\s*([^《》]+?)\s*》/g))
          if (titleKey(m[1]) === titleKey(writtenTitle) && /\s/.test(m[1])) spaced.add(m[1].replace(/\s+/g, ' '));
    const title = spaced.size === 1 ? [...spaced][0] : writtenTitle;

    const firstPremiere = group.map(premiereOf).find((p) => p !== undefined)!;
    const drama: ImportedDrama = {
      id: `db-${hash(`${titleKey(writtenTitle)}|${firstPremiere}`, 8)}`,
      title,
      year,
      ...(premiere ? { premiere } : {}),
      ...(finale ? { finale } : {}),
      ...(episodes ? { episodes } : {}),
      ...(slot ? { slots: [slot] } : {}),
      ...(network ? { network } : {}),
      ...(platforms.length > 0 ? { platforms } : {}),
      cast: [],
      sources: group.map((r) => ({ ...ref(r), supports: [...supports.get(r)!].sort() })),
      ...(unsettled.length > 0 ? { unsettled } : {}),
    };
    drafts.push({ drama, castRow, castNames, rows: group });
  }

  if (unknownChannels.size > 0)
    throw new DramadbImportError(
      `channel texts missing from CHANNEL_TABLE (dramadb-import.ts):\n${[...unknownChannels].join('\n')}`,
    );

  // 4. People: one per distinct written name (disambiguator included).
  const people = new Map<string, ImportedPerson>();
  const idOwner = new Map<string, string>();
  for (const draft of drafts) {
    for (const name of draft.castNames) {
      let person = people.get(name.full);
      if (!person) {
        const id = `db-p-${hash(name.full, 10)}`;
        const owner = idOwner.get(id);
        if (owner !== undefined) throw new DramadbImportError(`person ids of "${owner}" and "${name.full}" collide`);
        idOwner.set(id, name.full);
        person = {
          id,
          name: name.name,
          ...(name.disambiguation ? { disambiguation: name.disambiguation } : {}),
          sources: [],
        };
        people.set(name.full, person);
      }
      if (!draft.drama.cast.includes(person.id)) draft.drama.cast.push(person.id);
      const row = draft.castRow!;
      if (!person.sources.some((s) => s.file === row.file && s.row === row.row))
        person.sources.push({ ...ref(row), supports: ['cast', 'name'] });
    }
  }

  const dramas = drafts.map((d) => d.drama);
  const dramaIds = new Set<string>();
  for (const d of dramas) {
    if (dramaIds.has(d.id)) throw new DramadbImportError(`two dramas get the id ${d.id}`);
    dramaIds.add(d.id);
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const personList = [...people.values()].sort(byId);
  for (const p of personList) p.sources.sort((a, b) => FILE_ORDER[a.file] - FILE_ORDER[b.file] || a.row - b.row);
  return {
    dataset: DATASET,
    url: DATASET_URL,
    licence: 'MIT',
    years: [firstYear, lastYear],
    dramas: dramas.sort(byId),
    people: personList,
    leftOut: leftOut.sort((a, b) => FILE_ORDER[a.file] - FILE_ORDER[b.file] || a.row - b.row),
  };
}

// ---------------------------------------------------------------------------------------------
// The file: one entry per line, so a change to the tables reads as a diff of the entries.

export function serializeImported(data: ImportedDataset): string {
  const list = (items: unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  return (
    '{\n' +
    `"dataset": ${JSON.stringify(data.dataset)},\n` +
    `"url": ${JSON.stringify(data.url)},\n` +
    `"licence": ${JSON.stringify(data.licence)},\n` +
    `"years": ${JSON.stringify(data.years)},\n` +
    `"dramas": ${list(data.dramas)},\n` +
    `"people": ${list(data.people)},\n` +
    `"leftOut": ${list(data.leftOut)}\n` +
    '}\n'
  );
}
