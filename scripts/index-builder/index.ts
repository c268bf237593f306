// The index builder: data/ → generated/index.json (full index), generated/dictionary.bin (the
// content script's name dictionary, binary), generated/catalog.json (the options page's drama
// list) and generated/cards/ (what each card reads). Used by `npm run index` and by every WXT build.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CARD_SHARD_DIR, cardShards } from '../../lib/index/card-shards';
import { CATALOG_FILE, DRAMA_SOURCES_FILE, dramaCatalog, dramaSources } from '../../lib/index/drama-catalog';
import { encodeDictionary } from '../../lib/match/dictionary-binary';
import type { DramaIndex, SourcedIndex } from '../../lib/index/types';
import { buildIndex } from './build';
import { formatProblem, loadData, type DataProblem } from './load';

export class IndexBuildError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'IndexBuildError';
  }
}

export interface BuildIndexOptions {
  root: string;
  /** Where to write; defaults to `<root>/generated`. */
  outDir?: string;
  log?: (line: string) => void;
}

export const INDEX_FILE = 'index.json';

function withoutSources<T extends { sources: unknown }>(entry: T): Omit<T, 'sources'> {
  const { sources, ...rest } = entry;
  void sources;
  return rest;
}

/** The index as the extension ships it: the builder's, without provenance (it stays in data/). */
export function shippedIndex(index: SourcedIndex): DramaIndex {
  return {
    ...index,
    dramas: index.dramas.map(withoutSources),
    people: index.people.map(withoutSources),
  };
}
export const DICTIONARY_FILE = 'dictionary.bin';

/** Builds and writes both files, or throws IndexBuildError having written nothing. */
export async function buildIndexFiles({ root, outDir, log = () => {} }: BuildIndexOptions) {
  const out = outDir ?? path.join(root, 'generated');
  const result = buildIndex(await loadData(root));
  for (const warning of result.warnings) log(`warning: ${formatProblem(warning)}`);
  if ('problems' in result) throw new IndexBuildError(result.problems);

  await mkdir(out, { recursive: true });
  const shipped = shippedIndex(result.index);
  const files: [string, string | Uint8Array][] = [
    [INDEX_FILE, `${JSON.stringify(shipped)}\n`],
    [DICTIONARY_FILE, encodeDictionary(result.dictionary)],
    [CATALOG_FILE, `${JSON.stringify(dramaCatalog(shipped))}\n`],
    [DRAMA_SOURCES_FILE, `${JSON.stringify(dramaSources(result.index))}\n`],
  ];
  // Write everything to temporary names first, then rename: a reader never sees half a file,
  // and a failure before the renames leaves the previous files untouched.
  const temps: string[] = [];
  const shardTemp = path.join(out, `.${CARD_SHARD_DIR}.${process.pid}.tmp`);
  try {
    for (const [name, content] of files) {
      const temp = path.join(out, `.${name}.${process.pid}.tmp`);
      temps.push(temp);
      await writeFile(temp, content);
    }
    await mkdir(shardTemp, { recursive: true });
    const shards = cardShards(shipped);
    for (let n = 0; n < shards.length; n++) {
      await writeFile(path.join(shardTemp, `${n}.json`), `${JSON.stringify(shards[n])}\n`);
    }
    for (let i = 0; i < files.length; i++) await rename(temps[i], path.join(out, files[i][0]));
    await rm(path.join(out, CARD_SHARD_DIR), { recursive: true, force: true });
    await rename(shardTemp, path.join(out, CARD_SHARD_DIR));
  } finally {
    await Promise.all([...temps, shardTemp].map((t) => rm(t, { recursive: true, force: true })));
  }
  const { index, imported } = result;
  const tiers = (total: number, own: number, merged: number, into: number) =>
    imported ? ` (${total - own} curated, ${own} imported; ${merged} more imported merged into ${into} curated)` : '';
  const i = imported;
  log(
    `index: ${index.dramas.length} dramas${tiers(index.dramas.length, i?.importedDramas ?? 0, i?.mergedDramas ?? 0, i?.curatedDramasMerged ?? 0)}, ` +
      `${index.people.length} people${tiers(index.people.length, i?.importedPeople ?? 0, i?.mergedPeople ?? 0, i?.curatedPeopleMerged ?? 0)}, ` +
      `${index.articles.length} articles, ${index.stories.length} stories` +
      (imported ? `, ${imported.conflicts} conflicts with dramadb` : '') +
      ` → ${path.relative(root, out) || '.'}/`,
  );
  if (imported) {
    const n = imported.sharedNames;
    log(
      `dramadb names: shared by different people ${n.personWithCurated + n.personWithImported} ` +
        `(${n.personWithCurated} with a curated person, ${n.personWithImported} among imported people), ` +
        `titles shared ${n.titleWithCurated + n.titleWithImported} (${n.titleWithCurated} with a curated name, ` +
        `${n.titleWithImported} among imported dramas), ${n.acrossKinds} shared between a title and a person, ` +
        `${n.singleCharacter} of one character left out, ${n.contextOnly} matched only with context (ordinary words); ` +
        `${imported.keptApart} same-title dramas kept apart`,
    );
  }
  return result;
}
