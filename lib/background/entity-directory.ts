// The popup's view of the index: every drama's and person's names and schedule, without the
// articles, so what the popup loads stays small however much news the index holds. Built once
// from the parsed index and kept in storage.session, so a restarted worker answers from there
// without parsing the whole index again.
import type { DramaIndex } from '../index/types';
import type { EntityDirectory } from '../messages';
import type { SessionArea } from './tab-detections';

export function entityDirectory(index: Pick<DramaIndex, 'dramas' | 'people'>): EntityDirectory {
  return {
    dramas: index.dramas.map(({ id, title, hangul, aliases, schedule }) => ({
      id,
      title,
      ...(hangul ? { hangul } : {}),
      aliases,
      ...(schedule ? { schedule } : {}),
    })),
    people: index.people.map(({ id, name, hangul, aliases }) => ({ id, name, ...(hangul ? { hangul } : {}), aliases })),
  };
}

export interface DirectoryServiceEnvironment {
  session: SessionArea;
  /** The parsed index (the card service's, read once per worker life). */
  loadIndex: () => Promise<Pick<DramaIndex, 'dramas' | 'people'>>;
  /** Changes with every build of the extension, so a stored directory never outlives its index. */
  version: string;
}

export function createDirectoryService(env: DirectoryServiceEnvironment) {
  const key = `directory:${env.version}`;
  let directory: Promise<EntityDirectory> | undefined;
  const build = async (): Promise<EntityDirectory> => {
    const stored = (await env.session.get(key))[key] as EntityDirectory | undefined;
    if (stored) return stored;
    const built = entityDirectory(await env.loadIndex());
    await env.session.set({ [key]: built });
    return built;
  };
  return {
    get(): Promise<EntityDirectory> {
      directory ??= build();
      directory.catch(() => (directory = undefined)); // a failed read is retried on the next request
      return directory;
    },
  };
}
