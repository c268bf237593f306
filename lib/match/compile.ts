// Compiles names into a trie over folded text (the matcher walks it from each word start), as
// typed arrays that are written to one binary file (dictionary-binary.ts) the content script
// maps without parsing or rebuilding anything. Runs in the index builder (and in benchmarks);
// pure.
import { foldKey, foldTables } from './fold';
import { FLAG_NEEDS_CONTEXT, FLAG_STRONG_CUE } from './kinds';
import { buildLookupTables, type LookupTables } from './lookup-tables';

/** `drama` and `person` are highlighted; `cue` words ("episode", "JTBC") only give context. */
export type DictionaryKind = 'drama' | 'person' | 'cue';
export const KIND_CODE: Record<DictionaryKind, number> = { drama: 0, person: 1, cue: 2 };

export interface DictionaryName {
  text: string;
  /** An ordinary word ("Nevertheless"): a match needs context (quotes, capitals mid-sentence, nearby cues). */
  needsContext?: boolean;
  /** A cue word that says the whole page is about K-drama ("K-drama", "tvN", "드라마"). */
  strongCue?: boolean;
}

export interface DictionaryEntityInput {
  id: string;
  kind: DictionaryKind;
  names: DictionaryName[];
  /** Ids of entities whose nearby mention is context for this one (a drama's cast; a person's dramas). */
  related?: string[];
}

/** The compiled dictionary: plain typed arrays, the same in memory and in the binary file. */
export interface CompiledDictionary extends LookupTables {
  /** Entity ids, by entity index. */
  ids: string[];
  /** 0 drama, 1 person, 2 cue, by entity index. */
  kinds: Uint8Array;
  /** Related entities of entity `e` are `related[relatedStart[e] .. relatedStart[e + 1])`, sorted. */
  relatedStart: Uint32Array;
  related: Uint32Array;
  /** The folded units the trie knows, class `i + 1` is `alphabet[i]`. */
  alphabet: string;
  /** Edges of state s are [edgeStart[s], edgeStart[s+1]), sorted by class within a state. */
  edgeStart: Uint32Array;
  edgeClass: Uint16Array;
  edgeTarget: Uint32Array;
  /** Key ending exactly at this state, or -1. */
  outKey: Int32Array;
  keyEntity: Uint32Array;
  /** FLAG_NEEDS_CONTEXT, FLAG_STRONG_CUE. */
  keyFlags: Uint8Array;
  /** The fold table below fold.ts's TABLE_END, filled (see `foldTables`). */
  lowFold: Uint16Array;
  lowKind: Uint8Array;
}

export class DictionaryConflictError extends Error {}

export function compileDictionary(inputs: DictionaryEntityInput[]): CompiledDictionary {
  const entityIndex = new Map<string, number>();
  inputs.forEach((entity, i) => {
    if (entityIndex.has(entity.id)) throw new DictionaryConflictError(`duplicate entity id "${entity.id}"`);
    entityIndex.set(entity.id, i);
  });

  const keyOwner = new Map<string, { entity: number; flags: number; name: string }>();
  for (let e = 0; e < inputs.length; e++) {
    for (const name of inputs[e].names) {
      const key = foldKey(name.text);
      if (key.length === 0) continue;
      if (key.length > 0xffff) throw new DictionaryConflictError(`name too long: "${name.text}"`);
      const flags = (name.needsContext ? FLAG_NEEDS_CONTEXT : 0) | (name.strongCue ? FLAG_STRONG_CUE : 0);
      const existing = keyOwner.get(key);
      if (existing && existing.entity !== e) {
        const other = inputs[existing.entity];
        // A cue word that is also a real name is simply the name.
        if (other.kind === 'cue') keyOwner.set(key, { entity: e, flags, name: name.text });
        else if (inputs[e].kind === 'cue') continue;
        // Two people who share a name (the builder checked they are told apart): first one wins.
        else if (inputs[e].kind === 'person' && other.kind === 'person') continue;
        else
          throw new DictionaryConflictError(
            `"${name.text}" (${inputs[e].id}) reads the same as "${existing.name}" (${other.id})`,
          );
      } else if (existing) {
        // The entity's plain spelling wins over a context-only one.
        existing.flags = (existing.flags & flags & FLAG_NEEDS_CONTEXT) | ((existing.flags | flags) & FLAG_STRONG_CUE);
      } else keyOwner.set(key, { entity: e, flags, name: name.text });
    }
  }
  // Sorted keys make the output byte-identical for the same input, whatever the input order.
  const keys = [...keyOwner.keys()].sort();

  const alphabetSet = new Set<number>();
  for (const key of keys) for (let i = 0; i < key.length; i++) alphabetSet.add(key.charCodeAt(i));
  const alphabetUnits = [...alphabetSet].sort((a, b) => a - b);
  const classOf = new Map<number, number>();
  alphabetUnits.forEach((unit, i) => classOf.set(unit, i + 1));

  // Trie with children as maps while building.
  const children: Map<number, number>[] = [new Map()];
  const outKeyList: number[] = [-1];
  keys.forEach((key, k) => {
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const cls = classOf.get(key.charCodeAt(i))!;
      let next = children[s].get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outKeyList.push(-1);
        children[s].set(cls, next);
      }
      s = next;
    }
    outKeyList[s] = k;
  });

  const stateCount = children.length;
  const edgeStart = new Uint32Array(stateCount + 1);
  let edgeCount = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeCount;
    edgeCount += children[s].size;
  }
  edgeStart[stateCount] = edgeCount;
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  for (let s = 0; s < stateCount; s++) {
    const sorted = [...children[s]].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([cls, target], j) => {
      edgeClass[edgeStart[s] + j] = cls;
      edgeTarget[edgeStart[s] + j] = target;
    });
  }

  const keyEntity = new Uint32Array(keys.length);
  const keyFlags = new Uint8Array(keys.length);
  keys.forEach((key, k) => {
    const owner = keyOwner.get(key)!;
    keyEntity[k] = owner.entity;
    keyFlags[k] = owner.flags;
  });

  const relatedStart = new Uint32Array(inputs.length + 1);
  const relatedList: number[] = [];
  inputs.forEach((input, e) => {
    relatedStart[e] = relatedList.length;
    const related = (input.related ?? [])
      .map((id) => entityIndex.get(id))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    for (const r of related) relatedList.push(r);
  });
  relatedStart[inputs.length] = relatedList.length;

  const alphabet = String.fromCharCode(...alphabetUnits);
  return {
    ...buildLookupTables(alphabet, { edgeStart, edgeClass, edgeTarget }),
    ...foldTables(),
    ids: inputs.map((input) => input.id),
    kinds: Uint8Array.from(inputs, (input) => KIND_CODE[input.kind]),
    relatedStart,
    related: Uint32Array.from(relatedList),
    alphabet,
    edgeStart,
    edgeClass,
    edgeTarget,
    outKey: Int32Array.from(outKeyList),
    keyEntity,
    keyFlags,
  };
}
