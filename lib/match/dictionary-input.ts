// Turns index entities into matcher input: every name of a drama or person, plus cue words.
import type { DictionaryEntityInput } from './compile';
import { STRONG_CUE_WORDS, WEAK_CUE_WORDS } from './cues';

export interface NamedDrama {
  id: string;
  title: string;
  hangul?: string;
  aliases: string[];
  titleIsCommonWord: boolean;
  castIds: string[];
}

export interface NamedPerson {
  id: string;
  name: string;
  hangul?: string;
  aliases: string[];
  dramaIds: string[];
}

/**
 * Whether a name is also ordinary text (a word or phrase of everyday English, a short Hangul
 * word): such a name is matched only with context. The index builder decides it per name
 * (scripts/index-builder/ordinary-names.ts); without a decision nothing needs context but
 * titles flagged `titleIsCommonWord`.
 */
export type OrdinaryName = (text: string, kind: 'title' | 'person') => boolean;
const NEVER: OrdinaryName = () => false;

export const CUE_ENTITY_ID = '~cues';

export function dictionaryInput(
  dramas: NamedDrama[],
  people: NamedPerson[],
  ordinary: OrdinaryName = NEVER,
): DictionaryEntityInput[] {
  const inputs: DictionaryEntityInput[] = [];
  for (const d of dramas) {
    const names = [{ text: d.title, needsContext: d.titleIsCommonWord || ordinary(d.title, 'title') }];
    for (const text of [...(d.hangul ? [d.hangul] : []), ...d.aliases]) {
      names.push({ text, needsContext: ordinary(text, 'title') });
    }
    inputs.push({ id: d.id, kind: 'drama', names, related: d.castIds });
  }
  for (const p of people) {
    const texts = [p.name, ...(p.hangul ? [p.hangul] : []), ...p.aliases];
    const names = texts.map((text) => ({ text, needsContext: ordinary(text, 'person') }));
    inputs.push({ id: p.id, kind: 'person', names, related: p.dramaIds });
  }
  inputs.push({
    id: CUE_ENTITY_ID,
    kind: 'cue',
    names: [
      ...STRONG_CUE_WORDS.map((text) => ({ text, strongCue: true })),
      ...WEAK_CUE_WORDS.map((text) => ({ text })),
    ],
  });
  return inputs;
}
