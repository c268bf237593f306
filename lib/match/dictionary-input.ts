// Turns index entities into matcher input: every name of a drama or person, plus cue words.
import type { DictionaryEntityInput } from './compile';
import { DRAMA_CUE_WORDS } from './cues';

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

export const CUE_ENTITY_ID = '~cues';

export function dictionaryInput(dramas: NamedDrama[], people: NamedPerson[]): DictionaryEntityInput[] {
  const inputs: DictionaryEntityInput[] = [];
  for (const d of dramas) {
    const names = [{ text: d.title, needsContext: d.titleIsCommonWord }];
    if (d.hangul) names.push({ text: d.hangul, needsContext: false });
    for (const alias of d.aliases) names.push({ text: alias, needsContext: false });
    inputs.push({ id: d.id, kind: 'drama', names, related: d.castIds });
  }
  for (const p of people) {
    const names = [{ text: p.name }];
    if (p.hangul) names.push({ text: p.hangul });
    for (const alias of p.aliases) names.push({ text: alias });
    inputs.push({ id: p.id, kind: 'person', names, related: p.dramaIds });
  }
  inputs.push({ id: CUE_ENTITY_ID, kind: 'cue', names: DRAMA_CUE_WORDS.map((text) => ({ text })) });
  return inputs;
}
