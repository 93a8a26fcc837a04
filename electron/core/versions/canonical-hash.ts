/**
 * Canonical serialization and content hash of a letter version. The hash is what a signed
 * paper is matched against (DESIGN §5, §6), so it must not depend on object key order or on
 * how a value was built: keys are sorted (by UTF-16 code unit, like JSON.stringify order of
 * a sorted object), there is no whitespace, and `undefined` members are dropped as JSON does.
 */
import { createHash } from 'node:crypto';
import type { LetterContent } from '../../shared/letter-content';

/** JSON text of `value` with every object's keys sorted, recursively. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // Numbers, strings, booleans print as JSON does; NaN/Infinity become null like JSON.
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The four parts of a letter's content in canonical form; this exact text is stored and hashed. */
export function canonicalContent(content: LetterContent): string {
  return canonicalJson({ doc: content.doc, fields: content.fields, values: content.values, pageStyle: content.pageStyle });
}

/** SHA-256 (lowercase hex, 64 chars) of the canonical content. */
export function contentHash(content: LetterContent): string {
  return sha256Hex(canonicalContent(content));
}

export const FINGERPRINT_LENGTH = 12;

/**
 * The short form printed on paper: first 12 hex digits, upper case, grouped by four
 * (`3F2A-91C0-77BE`) so it can be read aloud and typed back. 48 bits: a chance collision
 * among a branch office's letters is negligible, and a lookup lists every match anyway.
 */
export function fingerprint(hash: string): string {
  const head = hash.slice(0, FINGERPRINT_LENGTH).toUpperCase();
  return head.match(/.{1,4}/g)!.join('-');
}

/**
 * Normalizes a typed-in fingerprint or hash prefix (any case, spaces or dashes) to the
 * lowercase hex the store uses; null when it is not hex or is too short to be meaningful.
 */
export function normalizeHashPrefix(input: string, minLength = 8): string | null {
  const hex = input.replace(/[\s\-–—_:]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length < minLength || hex.length > 64) return null;
  return hex;
}
