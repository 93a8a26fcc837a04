/**
 * Property (issue #13): after any random sequence of writes, the index answers every query
 * exactly as a brute-force scan of the letters' current text does (and, with earlier versions
 * asked for, of their current text and every line of every version) — by the match rules
 * (match.ts), and for Chinese-only queries by plain substring search of the folded text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchIndexFor } from '../../electron/core/search/search-index';
import { createSearcher } from '../../electron/core/search/search-query';
import { parseQuery } from '../../electron/core/search/query';
import { hasTerm, matchText } from '../../electron/core/search/match';
import { bodyText, segmentsOf } from '../../electron/core/search/letter-text';
import type { LetterContent } from '../../electron/shared/letter-content';
import { foldChar } from '../../electron/core/search/fold';
import { openCore } from '../../electron/core/create-api';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';
import { bodyContent } from '../helpers/search';

// A small alphabet so that random queries hit: simplified/traditional pairs, Latin, digits, separators.
const ALPHABET = ['理', '赔', '賠', '保', '险', '險', '单', '單', '健', '康', '条', 'a', 'b', 'X', '1', '2', '０', '，', '-', ' ', '、'];
const text = (max: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: max }).map((a) => a.join(''));
const nonEmpty = (max: number) => text(max).filter((s) => s.trim().length > 0);

type Op =
  | { kind: 'create'; title: string; body: string }
  | { kind: 'save'; which: number; body: string }
  | { kind: 'rename'; which: number; title: string }
  | { kind: 'note'; which: number; note: string }
  | { kind: 'trash'; which: number }
  | { kind: 'stale'; which: number; body: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), title: nonEmpty(6), body: text(30) }),
  fc.record({ kind: fc.constant('save' as const), which: fc.nat(), body: text(30) }),
  fc.record({ kind: fc.constant('rename' as const), which: fc.nat(), title: nonEmpty(6) }),
  fc.record({ kind: fc.constant('note' as const), which: fc.nat(), note: nonEmpty(8) }),
  fc.record({ kind: fc.constant('trash' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('stale' as const), which: fc.nat(), body: text(10) }),
);

const fold = (s: string) => [...s].map(foldChar).join('');
const isCjkOnly = (q: string) => /^[\p{Script=Han}]+$/u.test(q);

describe('index result equals a brute-force scan', () => {
  it('after any sequence of writes, for any query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(nonEmpty(5), { minLength: 1, maxLength: 6 }), async (ops, queries) => {
        const { dir, cleanup } = makeTempDir();
        const clock = makeFakeClock();
        const core = openCore({ dataDir: dir, clock });
        try {
          const api = core.api;
          const ids: number[] = [];
          const pick = (n: number) => ids[n % ids.length]!;
          for (const o of ops) {
            clock.advance(1000);
            if (o.kind === 'create') {
              const l = await api.lettersCreate({ title: o.title.trim() || '函' });
              const saved = await api.lettersContentSave({ id: l.id, revision: l.revision, ...bodyContent(...o.body.split('、')) });
              ids.push(saved.id);
              continue;
            }
            if (!ids.length) continue;
            const id = pick(o.which);
            const letter = await api.lettersGet({ id });
            if (letter.trashedAt) {
              await api.lettersRestore({ id });
              continue;
            }
            if (o.kind === 'save') await api.lettersContentSave({ id, revision: letter.revision, ...bodyContent(o.body) });
            else if (o.kind === 'rename') await api.lettersRename({ id, title: o.title.trim() || '函' });
            else if (o.kind === 'note') await api.versionsSave({ id, note: o.note });
            else if (o.kind === 'trash') await api.lettersTrash({ id });
            else await api.lettersContentSave({ id, revision: letter.revision + 5, ...bodyContent(o.body) }).catch(() => null);
          }
          const index = searchIndexFor(core.db);
          // Earlier versions' text, read from the versions table (not from the index's own copy): each line on its own.
          const versionLines = (id: number) =>
            core.db
              .prepare<[number], { content_json: string }>(`SELECT content_json FROM versions WHERE letter_id = ?`)
              .all(id)
              .flatMap((r) => {
                const c = JSON.parse(r.content_json) as LetterContent;
                return bodyText(c.doc, c.fields, c.values).split('\n');
              });
          const searcher = createSearcher(core.db, index);
          const live = ids.filter((id) => core.db.prepare<[number], { t: string | null }>(`SELECT trashed_at t FROM letters WHERE id = ?`).get(id)!.t === null);
          for (const q of [...queries, ...queries.map((x) => x.slice(0, 1)), ...queries.map((x) => x.slice(0, 2))]) {
            const terms = parseQuery(q);
            if (!terms.length) continue;
            const current = (id: number) => segmentsOf(index.textOf(id)!).filter((s) => s.field !== 'history').map((s) => s.text);
            const expected = (history: boolean) =>
              live
                .filter((id) => {
                  const segments = [...current(id), ...(history ? versionLines(id) : [])].map((s) => matchText(s));
                  return terms.every((term) => segments.some((s) => hasTerm(s, term)));
                })
                .sort((a, b) => a - b);
            const all = searcher.search({ text: q, limit: 1000 });
            const got = all.items.map((h) => h.id).sort((a, b) => a - b);
            expect(got, `query ${JSON.stringify(q)}`).toEqual(expected(false));
            expect(all.total, `count of ${JSON.stringify(q)}`).toBe(got.length);
            // Page by page (title hits, then the rest; a short page counts without a second match):
            // the same ranked list and the same count on every page, past the end too.
            for (const size of [1, 2, 3]) {
              const paged: number[] = [];
              for (let offset = 0; offset <= got.length + size; offset += size) {
                const page = searcher.search({ text: q, limit: size, offset });
                expect(page.total, `count of ${JSON.stringify(q)} at offset ${offset}`).toBe(got.length);
                paged.push(...page.items.map((h) => h.id));
              }
              expect(paged, `pages of ${size} for ${JSON.stringify(q)}`).toEqual(all.items.map((h) => h.id));
            }
            const withHistory = searcher.search({ text: q, limit: 1000, history: true }).items.map((h) => h.id).sort((a, b) => a - b);
            expect(withHistory, `query ${JSON.stringify(q)} with earlier versions`).toEqual(expected(true));
            if (isCjkOnly(q)) {
              const bySubstring = live.filter((id) => current(id).some((s) => fold(s).includes(fold(q)))).sort((a, b) => a - b);
              expect(got, `substring ${JSON.stringify(q)}`).toEqual(bySubstring);
            }
          }
        } finally {
          core.close();
          cleanup();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
