// A SHA-256 digest in both of its written forms, whichever one the provider sent. Plain
// atob/btoa, so the conversion runs wherever the clients run (no node:buffer).
import { shown } from './shown.js';

/** A SHA-256 digest as 64 lower-case hex characters and as 44 base64 characters. */
export interface Sha256 {
  readonly hex: string;
  readonly base64: string;
}

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

function fromBytes(bytes: Uint8Array): Sha256 {
  return {
    hex: Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(''),
    base64: btoa(String.fromCharCode(...bytes)),
  };
}

/**
 * Both forms of a digest written as `as`.
 * @returns the digest, or a string saying which rule the text broke
 */
export function sha256From(text: string, as: 'hex' | 'base64'): Sha256 | string {
  if (as === 'hex') {
    if (!HEX.test(text)) return `${shown(text)} is not a SHA-256 digest in hex (64 hexadecimal characters)`;
    return fromBytes(Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16)));
  }
  if (!BASE64.test(text)) return `${shown(text)} is not a SHA-256 digest in base64 (43 characters and one "=")`;
  const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  const digest = fromBytes(bytes);
  // The last character carries 2 bits of padding; text with them set is not the canonical form.
  if (digest.base64 !== text) return `${shown(text)} is not canonical base64 (its padding bits are set)`;
  return digest;
}
