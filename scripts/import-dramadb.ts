// `npm run import:dramadb`: imports the Korean-Wikipedia tier (MaybeS/DramaDatabase in
// ../shared/corpus/dramadb, dramas that premiered 2000–2020) into data/imported/dramadb.json,
// the committed file the index builder reads. `--dir <dir>` reads the tables from elsewhere;
// `--check` writes nothing and exits 1 when the committed file is not what the import gives.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DRAMADB_DIR, DRAMADB_FILES, readDramadbTexts } from './index-builder/dramadb';
import { importDramadb, serializeImported, type ImportedDataset } from './index-builder/dramadb-import';

export const IMPORTED_FILE = 'data/imported/dramadb.json';

const { values } = parseArgs({ options: { dir: { type: 'string' }, check: { type: 'boolean' } } });
const root = path.join(import.meta.dirname, '..');
const dir = path.resolve(values.dir ?? DRAMADB_DIR);
for (const file of DRAMADB_FILES) {
  if (!existsSync(path.join(dir, file))) {
    console.error(`import:dramadb: ${path.join(dir, file)} is missing (the dataset lives in ../shared/corpus/dramadb)`);
    process.exit(1);
  }
}
const data = importDramadb(readDramadbTexts(dir));
const text = serializeImported(data);
const out = path.join(root, IMPORTED_FILE);

if (values.check) {
  const committed = existsSync(out) ? await readFile(out, 'utf8') : '';
  if (committed !== text) {
    console.error(`${IMPORTED_FILE} is not what the import gives: run npm run import:dramadb and commit it`);
    process.exit(1);
  }
  console.log(`${IMPORTED_FILE} is current`);
} else {
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, text);
  for (const line of summary(data)) console.log(line);
  console.log(`→ ${IMPORTED_FILE}`);
}

function summary(d: ImportedDataset): string[] {
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`);
  };
  const span = (year: number) => {
    const start = Math.floor(year / 5) * 5;
    const end = Math.min(start + 4, d.years[1]);
    return end === start ? `${start}` : `${start}–${end}`;
  };
  return [
    `dramadb: ${d.dramas.length} dramas (${d.years[0]}–${d.years[1]}), ${d.people.length} people, ` +
      `${d.dramas.reduce((n, x) => n + x.cast.length, 0)} cast entries, ${d.leftOut.length} rows left out`,
    `  by premiere: ${count(d.dramas.map((x) => span(x.year)))
      .sort()
      .join(', ')}`,
    `  by network: ${count(d.dramas.map((x) => x.network ?? '(not stated plainly)')).join(', ')}`,
    `  fields the rows disagree on (left empty): ${count(d.dramas.flatMap((x) => (x.unsettled ?? []).map((u) => u.field))).join(', ') || 'none'}`,
    `  left out: ${count(d.leftOut.map((x) => x.reason)).join('; ') || 'nothing'}`,
  ];
}
