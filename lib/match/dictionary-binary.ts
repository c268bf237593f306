// The compiled dictionary as one binary file (dictionary.bin in the extension): a header of
// section lengths, then each typed array's bytes, 4-byte aligned, little-endian as on every
// platform browsers run on: the trie, its lookup tables and the fold table. Decoding makes views
// into the buffer: nothing is parsed, copied or computed, so loading costs the same for 300
// names or 30,000. Entity ids are UTF-8, one per line,
// decoded only when first asked for (a page without names never needs them).
import type { CompiledDictionary } from './compile';

const MAGIC = 0x324c4444; // "DDL2" read little-endian
const SECTIONS = [
  'kinds',
  'relatedStart',
  'related',
  'alphabet',
  'edgeStart',
  'edgeClass',
  'edgeTarget',
  'outKey',
  'keyEntity',
  'keyFlags',
  'asciiClass',
  'hangulClass',
  'otherUnits',
  'otherClasses',
  'rootRow',
  'asciiPairs',
  'lowFold',
  'lowKind',
  'ids',
] as const;
const HEADER_BYTES = 4 * (2 + SECTIONS.length);

/** A dictionary read from the binary file: ids stay encoded until `ids()` is first called. */
export type BinaryDictionary = Omit<CompiledDictionary, 'ids'> & { ids: () => string[] };

const align = (n: number) => (n + 3) & ~3;

export function encodeDictionary(d: CompiledDictionary): Uint8Array {
  const alphabet = Uint16Array.from(d.alphabet, (ch) => ch.charCodeAt(0));
  const ids = new TextEncoder().encode(d.ids.join('\n'));
  const arrays: Record<(typeof SECTIONS)[number], ArrayBufferView> = {
    kinds: d.kinds,
    relatedStart: d.relatedStart,
    related: d.related,
    alphabet,
    edgeStart: d.edgeStart,
    edgeClass: d.edgeClass,
    edgeTarget: d.edgeTarget,
    outKey: d.outKey,
    keyEntity: d.keyEntity,
    keyFlags: d.keyFlags,
    asciiClass: d.asciiClass,
    hangulClass: d.hangulClass,
    otherUnits: d.otherUnits,
    otherClasses: d.otherClasses,
    rootRow: d.rootRow,
    asciiPairs: d.asciiPairs,
    lowFold: d.lowFold,
    lowKind: d.lowKind,
    ids,
  };
  let size = HEADER_BYTES;
  for (const name of SECTIONS) size += align(arrays[name].byteLength);
  const out = new Uint8Array(size);
  const header = new DataView(out.buffer);
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, SECTIONS.length, true);
  let offset = HEADER_BYTES;
  SECTIONS.forEach((name, i) => {
    const view = arrays[name];
    header.setUint32(8 + 4 * i, view.byteLength, true);
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offset);
    offset += align(view.byteLength);
  });
  return out;
}

export class DictionaryFormatError extends Error {}

export function decodeDictionary(buffer: ArrayBuffer): BinaryDictionary {
  if (buffer.byteLength < HEADER_BYTES) throw new DictionaryFormatError('dictionary file is truncated');
  const header = new DataView(buffer);
  if (header.getUint32(0, true) !== MAGIC || header.getUint32(4, true) !== SECTIONS.length) {
    throw new DictionaryFormatError('not a Dramalens dictionary of this version');
  }
  let offset = HEADER_BYTES;
  const section = <T>(i: number, make: (offset: number, bytes: number) => T): T => {
    const bytes = header.getUint32(8 + 4 * i, true);
    if (offset + bytes > buffer.byteLength) throw new DictionaryFormatError('dictionary file is truncated');
    const value = make(offset, bytes);
    offset += align(bytes);
    return value;
  };
  const u8 = (o: number, b: number) => new Uint8Array(buffer, o, b);
  const u16 = (o: number, b: number) => new Uint16Array(buffer, o, b / 2);
  const u32 = (o: number, b: number) => new Uint32Array(buffer, o, b / 4);
  const kinds = section(0, u8);
  const relatedStart = section(1, u32);
  const related = section(2, u32);
  const alphabetUnits = section(3, u16);
  const edgeStart = section(4, u32);
  const edgeClass = section(5, u16);
  const edgeTarget = section(6, u32);
  const outKey = section(7, (o, b) => new Int32Array(buffer, o, b / 4));
  const keyEntity = section(8, u32);
  const keyFlags = section(9, u8);
  const asciiClass = section(10, u16);
  const hangulClass = section(11, u16);
  const otherUnits = section(12, u16);
  const otherClasses = section(13, u16);
  const rootRow = section(14, (o, b) => new Int32Array(buffer, o, b / 4));
  const asciiPairs = section(15, (o, b) => new Int32Array(buffer, o, b / 4));
  const lowFold = section(16, u16);
  const lowKind = section(17, u8);
  const idBytes = section(18, u8);
  let ids: string[] | undefined;
  let alphabet = '';
  // Chunked: an alphabet of thousands of Hangul syllables would overflow one call's arguments.
  for (let i = 0; i < alphabetUnits.length; i += 4096) {
    alphabet += String.fromCharCode(...alphabetUnits.subarray(i, i + 4096));
  }
  return {
    kinds,
    relatedStart,
    related,
    alphabet,
    edgeStart,
    edgeClass,
    edgeTarget,
    outKey,
    keyEntity,
    keyFlags,
    asciiClass,
    hangulClass,
    otherUnits,
    otherClasses,
    rootRow,
    asciiPairs,
    lowFold,
    lowKind,
    ids: () => (ids ??= new TextDecoder().decode(idBytes).split('\n')),
  };
}
