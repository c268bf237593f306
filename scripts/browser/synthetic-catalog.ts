// A copy of the built extension whose options catalog (and index) hold `count` dramas: the real
// ones plus copies marked synthetic in id and title. Used by the options benchmark and the
// options e2e test at catalog scale, so the page's real code runs on thousands of dramas.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CATALOG_FILE, dramaCatalog } from '../../lib/index/drama-catalog';
import type { DramaIndex } from '../../lib/index/types';

export function syntheticDramaIndex(real: DramaIndex, count: number): DramaIndex {
  const index: DramaIndex = structuredClone(real);
  for (let n = 0; index.dramas.length < count; n++) {
    const base = real.dramas[n % real.dramas.length];
    index.dramas.push({
      ...structuredClone(base),
      id: `synthetic-${n}-${base.id}`.slice(0, 100),
      title: `${base.title} (synthetic ${n})`,
      aliases: [],
      articleIds: [],
    });
  }
  return index;
}

/** Copies the built extension at `builtDir` to a temporary folder with `count` dramas; returns it. */
export function extensionWithSyntheticCatalog(builtDir: string, count: number): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'dramalens-synthetic-')), 'extension');
  cpSync(builtDir, dir, { recursive: true });
  const real = JSON.parse(readFileSync(path.join(builtDir, 'index.json'), 'utf8')) as DramaIndex;
  const synthetic = syntheticDramaIndex(real, count);
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(synthetic));
  writeFileSync(path.join(dir, CATALOG_FILE), JSON.stringify(dramaCatalog(synthetic)));
  return dir;
}
