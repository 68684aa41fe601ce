// Kept: forest is pure (no Node Buffer, no DOM btoa/atob) and Node 24's V8 lacks Uint8Array.fromBase64/toBase64, so serialized forests need their own 60-line codec.
// Base64 (RFC 4648, with padding) of typed-array bytes, written here so the pure package needs
// neither Node's Buffer nor the DOM's btoa/atob.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as a padded base64 string. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk +=
      ALPHABET[v >>> 18]! +
      ALPHABET[(v >>> 12) & 63]! +
      ALPHABET[(v >>> 6) & 63]! +
      ALPHABET[v & 63]!;
    // Flush every few KB: long string concatenation chains are slow to flatten.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | (i + 1 < n ? bytes[i + 1]! << 8 : 0);
    chunk += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]!;
    chunk += i + 1 < n ? `${ALPHABET[(v >>> 6) & 63]!}=` : '==';
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes a padded base64 string into bytes; throws on characters outside the alphabet. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const d = code === 61 && i + 4 === text.length && k >= 4 - padding ? 0 : (DECODE[code] ?? -1);
      if (d < 0) throw new Error(`base64: invalid character at ${i + k}`);
      v = (v << 6) | d;
    }
    out[o++] = v >>> 16;
    if (o < out.length) out[o++] = (v >>> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}
