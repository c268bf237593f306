// Typed arrays travel inside the JSON dictionary as base64 of their bytes (little-endian, as on
// every platform browsers run on). Decoding is native (or one atob and a copy), far cheaper than
// JSON numbers.

type TypedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;

export function encodeTypedArray(array: TypedArray): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Native base64 decoding where the engine has it (Chrome 140+, Firefox 133+). */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;

function decodeBytes(base64: string): ArrayBuffer {
  if (fromBase64) return fromBase64(base64).buffer as ArrayBuffer;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export const decodeUint8 = (s: string) => new Uint8Array(decodeBytes(s));
export const decodeUint16 = (s: string) => new Uint16Array(decodeBytes(s));
export const decodeInt32 = (s: string) => new Int32Array(decodeBytes(s));
export const decodeUint32 = (s: string) => new Uint32Array(decodeBytes(s));
