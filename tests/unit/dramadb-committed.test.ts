// data/imported/dramadb.json is committed (the build never reads ../shared): it must be exactly
// what `npm run import:dramadb` gives from ../shared/corpus/dramadb. CI always has the dataset,
// so a missing dataset fails here instead of skipping.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAMADB_DIR, DRAMADB_FILES, readDramadbTexts } from '../../scripts/index-builder/dramadb';
import { importDramadb, serializeImported } from '../../scripts/index-builder/dramadb-import';
import { IMPORTED_DRAMADB_FILE } from '../../scripts/index-builder/load';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the committed import', () => {
  it(`${IMPORTED_DRAMADB_FILE} is what npm run import:dramadb gives`, () => {
    const missing = DRAMADB_FILES.filter((f) => !existsSync(path.join(DRAMADB_DIR, f)));
    if (missing.length > 0) {
      throw new Error(
        `the dataset is missing: ${missing.map((f) => path.join(DRAMADB_DIR, f)).join(', ')} ` +
          '(MaybeS/DramaDatabase belongs in ../shared/corpus/dramadb next to the repository; CI always has it)',
      );
    }
    const fresh = serializeImported(importDramadb(readDramadbTexts()));
    const committed = readFileSync(path.join(ROOT, IMPORTED_DRAMADB_FILE), 'utf8');
    if (fresh !== committed) {
      // Name the first entries that differ rather than printing a 1.5 MB diff.
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const differing: string[] = [];
      for (let i = 0; i < Math.max(a.length, b.length) && differing.length < 5; i++) {
        if (a[i] !== b[i])
          differing.push(`line ${i + 1}: committed ${a[i]?.slice(0, 80)} | import ${b[i]?.slice(0, 80)}`);
      }
      expect.fail(
        `${IMPORTED_DRAMADB_FILE} is stale: run npm run import:dramadb and commit it\n${differing.join('\n')}`,
      );
    }
    const data = JSON.parse(committed);
    expect(data.dramas.length).toBeGreaterThan(1_300);
    expect(data.people.length).toBeGreaterThan(1_500);
  });
});
