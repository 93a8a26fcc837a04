/**
 * A cheap look at an API argument before the schema reads it (issue #11): a typed array or a
 * huge or deeply nested value is refused at once, without zod walking millions of elements or
 * a recursive reader running out of stack. Iterative, so depth cannot overflow it.
 */
import { LetterdeskError } from './errors';

/** No contract input is deeper than this (a letter document is about 8 levels; JSON wrapping adds a few). */
export const MAX_PAYLOAD_DEPTH = 64;
/** Objects, arrays and primitives together: a 60-page letter with tables is far below this. */
export const MAX_PAYLOAD_NODES = 200_000;
/** All string characters together (a 6 MB paste must still reach the import's own message). */
export const MAX_PAYLOAD_CHARS = 8_000_000;

function refuse(message: string): never {
  throw new LetterdeskError('invalid-input', message);
}

/** Throws invalid-input when `value` is not plain JSON-like data within the limits above. */
export function guardPayload(method: string, value: unknown): void {
  // Two parallel stacks (no allocation per value); primitives are counted where they are met.
  const values: object[] = [];
  const depths: number[] = [];
  let nodes = 0;
  let chars = 0;
  const visit = (v: unknown, depth: number): void => {
    if (++nodes > MAX_PAYLOAD_NODES) refuse(`${method}: input: too many values (more than ${MAX_PAYLOAD_NODES})`);
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > MAX_PAYLOAD_CHARS) refuse(`${method}: input: too much text (more than ${MAX_PAYLOAD_CHARS} characters)`);
    } else if (typeof v === 'object' && v !== null) {
      if (depth > MAX_PAYLOAD_DEPTH) refuse(`${method}: input: nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);
      values.push(v);
      depths.push(depth);
    } else if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
      refuse(`${method}: input: a ${typeof v} is not data`);
    }
  };
  visit(value, 0);
  while (values.length) {
    const v = values.pop()!;
    const depth = depths.pop()! + 1;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer)) {
      refuse(`${method}: input: binary data (${Object.prototype.toString.call(v).slice(8, -1)}) is not accepted`);
    }
    if (Array.isArray(v)) {
      if (nodes + v.length > MAX_PAYLOAD_NODES) refuse(`${method}: input: too many values (more than ${MAX_PAYLOAD_NODES})`);
      for (let i = 0; i < v.length; i++) visit(v[i], depth);
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) refuse(`${method}: input: only plain objects are accepted (got ${Object.prototype.toString.call(v).slice(8, -1)})`);
    const keys = Object.keys(v);
    if (nodes + keys.length > MAX_PAYLOAD_NODES) refuse(`${method}: input: too many values (more than ${MAX_PAYLOAD_NODES})`);
    for (const k of keys) visit((v as Record<string, unknown>)[k], depth);
  }
}
