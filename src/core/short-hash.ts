/**
 * A short hash of a text (two 32-bit FNV-1a hashes, 16 hex digits), for naming files and sockets
 * after a build key. Not node:crypto: the launcher uses it before the bundle, and loading crypto
 * (with Web Crypto, as an ES module) costs more than the launcher's own work.
 */
export function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
