/**
 * The schema check that every save runs (checkLetterDoc) keeps the top-level blocks it has
 * found to fit, so an autosave after one keystroke builds and checks one paragraph, not the
 * whole letter. Promise: it accepts and refuses exactly what ProseMirror's own
 * `nodeFromJSON(doc).check()` does — for every built-in template and for random damage to
 * them, whether the blocks were seen before (cached) or not.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterSchema } from '../../electron/shared/doc-schema';
import { checkLetterDoc } from '../../electron/shared/letter-content';
import { checkDocBounds } from '../../electron/shared/doc-rules';
import type { FieldDef } from '../../electron/shared/fields';

const dir = path.resolve(__dirname, '../../resources/templates');
const templates = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { name: string; doc: { type: 'doc'; content: unknown[] }; fields: FieldDef[] });

/** What the check did before blocks were kept: the bounds, then ProseMirror's whole-document check. */
const fullCheck = (doc: unknown): boolean => {
  try {
    checkDocBounds(doc);
    letterSchema.nodeFromJSON(doc).check();
    return true;
  } catch {
    return false;
  }
};
const ours = (doc: unknown, fields: FieldDef[]): boolean => {
  try {
    checkLetterDoc(doc, fields);
    return true;
  } catch (err) {
    expect(err).toMatchObject({ code: 'invalid-document' });
    // The damage below never uses a field the letter does not define.
    expect((err as Error).message).not.toMatch(/is used in the text but not defined/);
    return false;
  }
};

/** Ways a saved letter's JSON can be wrong (or still right) at the top level and inside a block. */
type Damage =
  | { kind: 'none' }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'empty' }
  | { kind: 'top-text'; at: number }
  | { kind: 'top-inline-field'; at: number }
  | { kind: 'block-mark'; at: number; mark: string }
  | { kind: 'retype'; at: number; type: string }
  | { kind: 'nest-table'; at: number }
  | { kind: 'bad-inline-mark'; at: number }
  | { kind: 'doc-attrs' };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.constant({ kind: 'empty' as const }),
  fc.record({ kind: fc.constant('top-text' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('top-inline-field' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('block-mark' as const), at: fc.nat(), mark: fc.constantFrom('bold', 'underline') }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), type: fc.constantFrom('title', 'paragraph', 'clause', 'table', 'table_row', 'hard_break', 'doc') }),
  fc.record({ kind: fc.constant('nest-table' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bad-inline-mark' as const), at: fc.nat() }),
  fc.constant({ kind: 'doc-attrs' as const }),
);

function damaged(doc: { type: 'doc'; content: unknown[] }, d: Damage): unknown {
  const c = structuredClone(doc.content) as Record<string, unknown>[];
  const i = (n: number) => n % c.length;
  if (!c.length && d.kind !== 'top-text' && d.kind !== 'top-inline-field' && d.kind !== 'doc-attrs') return { type: 'doc', content: c };
  switch (d.kind) {
    case 'none':
      break;
    case 'swap': {
      const [x, y] = [i(d.a), i(d.b)];
      [c[x], c[y]] = [c[y]!, c[x]!];
      break;
    }
    case 'drop':
      c.splice(i(d.at), 1);
      break;
    case 'duplicate':
      c.splice(i(d.at), 0, structuredClone(c[i(d.at)]!));
      break;
    case 'empty':
      c.length = 0;
      break;
    case 'top-text':
      c.splice(c.length ? i(d.at) : 0, 0, { type: 'text', text: '理赔' });
      break;
    case 'top-inline-field':
      c.splice(c.length ? i(d.at) : 0, 0, { type: 'field', attrs: { key: 'x' } });
      break;
    case 'block-mark':
      c[i(d.at)]!['marks'] = [{ type: d.mark }];
      break;
    case 'retype':
      c[i(d.at)]!['type'] = d.type;
      break;
    case 'nest-table':
      c[i(d.at)]!['content'] = [{ type: 'table', content: [{ type: 'table_row', content: [] }] }];
      break;
    case 'bad-inline-mark':
      c[i(d.at)]!['content'] = [{ type: 'text', text: '理赔', marks: [{ type: 'italic' }] }];
      break;
    case 'doc-attrs':
      return { type: 'doc', attrs: { x: 1 }, content: c };
  }
  return { type: 'doc', content: c };
}

describe('the block-by-block schema check', () => {
  it.each(templates.map((t) => [t.name, t] as const))('accepts %s, cold and again with its blocks kept', (_name, t) => {
    expect(ours(structuredClone(t.doc), t.fields)).toBe(true);
    expect(ours(structuredClone(t.doc), t.fields)).toBe(true);
  });

  it('refuses and accepts exactly what ProseMirror does, for any damage, seen before or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.array(damage, { minLength: 1, maxLength: 3 }), (t, damages) => {
        let doc: unknown = t.doc;
        for (const d of damages) doc = damaged(doc as { type: 'doc'; content: unknown[] }, d);
        const expected = fullCheck(doc);
        // Twice: the second time the fitting blocks are answered from what was kept.
        expect(ours(doc, t.fields)).toBe(expected);
        expect(ours(structuredClone(doc), t.fields)).toBe(expected);
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });
});
