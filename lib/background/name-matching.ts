// The matcher for every page: the content scripts send their text (lib/page/
// remote-matching.ts) and get back where the names are. The dictionary is read once per
// background start and the matcher stays warm, so pages pay neither its download nor its
// compile nor its first, unoptimised runs.
import * as v from 'valibot';
import { decodeDictionary } from '../match/dictionary-binary';
import { loadDictionary, type Matcher } from '../match/matcher';
import { exactMatches, roughAnswer } from '../match/page-matching';
import { unpackTexts } from '../match/packed-texts';
import { matchExactSchema, matchRoughSchema, type MatchExactAnswer, type MatchRoughAnswer } from '../messages';

export const DICTIONARY_PATH = '/dictionary.bin';

export interface NameMatchingService {
  /** `url`: the frame's address, as the browser gives it for the sender. */
  rough(data: unknown, url: string): Promise<MatchRoughAnswer | null>;
  exact(data: unknown): Promise<MatchExactAnswer | null>;
}

export function createNameMatchingService(
  readDictionary: () => Promise<ArrayBuffer>,
  /** Whether the settings let Dramalens scan a page at `url` (the page asks no storage itself). */
  mayScan: (url: string) => Promise<boolean> = async () => true,
): NameMatchingService {
  let matcher: Promise<Matcher> | undefined;
  const load = () =>
    (matcher ??= readDictionary()
      .then((buffer) => loadDictionary(decodeDictionary(buffer)))
      .catch((error: unknown) => {
        matcher = undefined; // the next page tries again
        throw error;
      }));
  const scratch: number[] = [];
  return {
    async rough(data, url) {
      const request = v.safeParse(matchRoughSchema, data);
      const parts = request.success ? unpackTexts(request.output) : undefined;
      if (!request.success || !parts) return null;
      if (!(await mayScan(url))) return { windows: [], kdrama: request.output.kdrama, allowed: false };
      const context = { kdrama: request.output.kdrama };
      const windows = roughAnswer(await load(), parts, context, request.output.nearCues === true, scratch);
      return { windows, kdrama: context.kdrama, allowed: true };
    },
    async exact(data) {
      const request = v.safeParse(matchExactSchema, data);
      const texts = request.success ? unpackTexts(request.output) : undefined;
      if (!request.success || !texts) return null;
      const context = { kdrama: request.output.kdrama };
      const { matches, facts } = exactMatches(await load(), texts, context);
      return { matches, facts, kdrama: context.kdrama };
    },
  };
}
