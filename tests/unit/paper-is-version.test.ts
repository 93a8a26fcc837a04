/**
 * Issue #9, "the paper is the version": over every built-in template × random valid and
 * invalid values × both page styles, the .docx handed over for signature has exactly the body
 * text of the version it is frozen as; the assigned number is printed wherever the letter has
 * its own number field; no invalid value is ever printed as a value; a refused export leaves
 * no trace; the print HTML (PDF, print) carries the same text as the .docx.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrintHtml } from '../../electron/core/export';
import { errorCode } from '../../electron/shared/errors';
import { ownNumberFields } from '../../electron/shared/field-roles';
import type { FieldDef, FieldValue, FieldValues } from '../../electron/shared/fields';
import { fieldIssues, type LetterContent, type PageStyle } from '../../electron/shared/letter-content';
import { fieldKeysInOrder, letterBlocks, letterPlainText } from '../../electron/shared/letter-model';
import { useTempCore } from '../helpers/core-fixture';
import { docxParts, fillAll, loadTemplates, squash } from '../helpers/render-docx';

const templates = loadTemplates();
const dialogs = { save: null as string | null };
const t = useTempCore({ dialogs: { saveFile: async () => dialogs.save, openFile: async () => null } });
const CASES = Number(process.env['LETTERDESK_PROPERTY_RUNS'] ?? 40);

/** Values that must never reach paper as values, each with the text it would print as. */
function invalidValue(f: FieldDef): { value: FieldValue; printed: string } | null {
  const o = f.options ?? {};
  switch (f.type) {
    case 'number':
      return { value: -7777, printed: '-7777' };
    case 'percent':
      return { value: 777, printed: '777%' };
    case 'money':
      return { value: 0.005, printed: '0.01' };
    case 'date':
      return { value: { y: 2026, m: 2, d: 31 }, printed: '2026年2月31日' };
    case 'choice':
      return { value: { selected: ['伪造选项'] }, printed: '伪造选项' };
    case 'text':
    case 'docnumber':
      return { value: '超'.repeat((o.maxLength ?? 200) + 1), printed: '超'.repeat((o.maxLength ?? 200) + 1) };
    default:
      return null;
  }
}

type Plan = { template: number; style: PageStyle; choices: ('valid' | 'empty' | 'invalid')[] };

const planArb = fc
  .record({ template: fc.nat({ max: templates.length - 1 }), style: fc.constantFrom<PageStyle>('business', 'official') })
  .chain(({ template, style }) =>
    fc
      .array(fc.constantFrom<'valid' | 'empty' | 'invalid'>('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'empty', 'invalid'), {
        minLength: templates[template]!.fields.length,
        maxLength: templates[template]!.fields.length,
      })
      .map((choices): Plan => ({ template, style, choices })),
  );

function valuesFor(plan: Plan): { values: FieldValues; sentinels: string[] } {
  const fields = templates[plan.template]!.fields;
  const valid = fillAll(fields);
  const values: FieldValues = {};
  const sentinels: string[] = [];
  fields.forEach((f, i) => {
    const choice = plan.choices[i];
    const bad = choice === 'invalid' ? invalidValue(f) : null;
    if (bad) {
      values[f.key] = bad.value;
      sentinels.push(bad.printed);
    } else if (choice !== 'empty' && f.role !== 'own-number') values[f.key] = valid[f.key] ?? null;
  });
  return { values, sentinels };
}

/** All text of word/document.xml (the body; headers and footers are other parts), whitespace removed. */
function docxBody(bytes: Buffer): string {
  const xml = docxParts(bytes)['word/document.xml']!;
  const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
  return squash(decodeXml(texts.join('')));
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Visible text of the print HTML's body (the page-margin boxes live in CSS and are not body text). */
function htmlBody(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  return squash(decodeXml(body.replace(/<[^>]+>/g, '')));
}

/** The model's text of a content: with clause numbers (HTML prints them) or without (Word numbers them itself). */
function modelText(content: LetterContent, numbers: boolean): string {
  const blocks = letterBlocks(content.doc, content.fields, content.values).map((b) => (b.type === 'clause' && !numbers ? { ...b, number: '' } : b));
  return squash(letterPlainText(blocks, ''));
}

function evidenceSnapshot(id: number) {
  const db = t.core.db;
  return JSON.stringify({
    letter: db.prepare(`SELECT * FROM letters WHERE id = ?`).get(id),
    versions: db.prepare(`SELECT seq, hash, exported_at FROM versions WHERE letter_id = ? ORDER BY seq`).all(id),
    events: db.prepare(`SELECT id, kind FROM signature_events WHERE letter_id = ? ORDER BY id`).all(id),
    sequences: db.prepare(`SELECT * FROM number_sequences`).all(),
  });
}

describe('the paper handed over for signature is its frozen version', () => {
  it('covers every built-in template', () => {
    expect(templates.length).toBe(8);
  });

  it('over every template × random valid and invalid values × both styles', { timeout: 300_000 }, async () => {
    let exported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const template = templates[plan.template]!;
        const api = t.core.api;
        const letter = await api.lettersCreate({ templateId: template.id });
        const { values, sentinels } = valuesFor(plan);
        const stored = await api.lettersContentGet({ id: letter.id });
        await api.lettersContentSave({ id: letter.id, revision: stored.letter.revision, ...stored.content, values });
        const { content } = await api.lettersContentGet({ id: letter.id });
        const out = path.join(t.dir, `paper-${letter.id}.docx`);
        dialogs.save = out;
        const issues = fieldIssues(content);

        if (issues.length) {
          // Refused with the list, and nothing happened: no file, number, version, event.
          const before = evidenceSnapshot(letter.id);
          const code = await api.signExport({ id: letter.id, style: plan.style }).then(() => 'exported', errorCode);
          expect(code).toBe(issues.some((i) => i.problem !== 'required') ? 'invalid-values' : 'missing-required');
          expect(evidenceSnapshot(letter.id)).toBe(before);
          expect(fs.readdirSync(t.dir).filter((f) => f.includes(`paper-${letter.id}`))).toEqual([]);
          // A draft export marks the letter 草稿 and prints no invalid value as a value.
          const draftOut = path.join(t.dir, `draft-${letter.id}.docx`);
          dialogs.save = draftOut;
          const draft = await api.lettersExport({ id: letter.id, format: 'docx', style: plan.style, draft: true });
          expect(draft.draft).toBe(true);
          const text = docxBody(fs.readFileSync(draftOut));
          for (const s of sentinels) expect(text).not.toContain(squash(s));
          refused++;
          return;
        }

        const result = await api.signExport({ id: letter.id, style: plan.style });
        expect(result.path).toBe(out);
        const paper = fs.readFileSync(out);
        const version = await api.versionsGet({ id: letter.id, seq: result.version!.seq });
        // The paper's body is exactly the frozen version's, as `export --version N` prints it.
        dialogs.save = path.join(t.dir, `again-${letter.id}.docx`);
        await api.lettersExport({ id: letter.id, format: 'docx', style: plan.style, version: version.seq });
        const again = fs.readFileSync(path.join(t.dir, `again-${letter.id}.docx`));
        expect(docxParts(paper)['word/document.xml']).toBe(docxParts(again)['word/document.xml']);
        expect(docxBody(paper)).toBe(modelText(version.content, false));
        // The number the register assigned is in the frozen version and on paper wherever the letter has its own number.
        const own = ownNumberFields(version.content.fields).filter((f) => fieldKeysInOrder(version.content.doc).includes(f.key));
        for (const f of own) expect(version.content.values[f.key]).toBe(result.number);
        if (own.length) expect(docxBody(paper)).toContain(squash(result.number!));
        expect(fieldIssues(version.content)).toEqual([]);
        for (const s of sentinels) expect(docxBody(paper)).not.toContain(squash(s));
        // PDF and print render this same HTML: same text as the .docx, plus the clause numbers Word draws itself.
        const meta = { title: letter.title, letterNumber: result.number, versionLabel: `v${version.seq}`, fingerprint: version.fingerprint, promisor: '' };
        expect(htmlBody(buildPrintHtml(version.content, meta, { style: plan.style }))).toBe(modelText(version.content, true));
        // The footer names the frozen version: number · version · fingerprint.
        const footers = Object.entries(docxParts(paper)).filter(([name]) => /word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml).join('');
        expect(footers).toContain(version.fingerprint);
        expect(footers).toContain(`v${version.seq}`);
        exported++;
      }),
      { seed: 20261127, numRuns: CASES, endOnFailure: true },
    );
    // Both branches were exercised.
    expect(exported).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('export for signature is one atomic step', () => {
  async function readyLetter(templateId: string) {
    const letter = await t.core.api.lettersCreate({ templateId });
    const { content } = await t.core.api.lettersContentGet({ id: letter.id });
    const values = fillAll(content.fields);
    for (const f of ownNumberFields(content.fields)) delete values[f.key];
    await t.core.api.lettersFill({ id: letter.id, values });
    return letter;
  }

  // Root ignores permission bits, so failures are made with paths: a missing folder fails while
  // the file is staged; a folder standing where the file should go fails when it is put in place
  // — after number, field, version, event and status were written inside the transaction.
  const failures = [
    { stage: 'staging the file', target: () => path.join(t.dir, 'no-such-folder', 'x.docx') },
    {
      stage: 'putting the file in place',
      target: () => {
        const d = path.join(t.dir, 'occupied.docx');
        fs.mkdirSync(d, { recursive: true });
        fs.writeFileSync(path.join(d, 'keep'), 'x');
        return d;
      },
    },
  ];
  for (const { stage, target } of failures) {
    it(`a failure while ${stage} leaves no trace, for every template`, async () => {
      for (const template of templates) {
        const letter = await readyLetter(template.id);
        const before = evidenceSnapshot(letter.id);
        const content = JSON.stringify((await t.core.api.lettersContentGet({ id: letter.id })).content);
        dialogs.save = target();
        const code = await t.core.api.signExport({ id: letter.id }).then(() => 'exported', errorCode);
        expect(['io-error', 'read-only', 'file-locked']).toContain(code);
        expect(evidenceSnapshot(letter.id)).toBe(before);
        expect(JSON.stringify((await t.core.api.lettersContentGet({ id: letter.id })).content)).toBe(content);
        expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }
      // No number was used up: the first real export gets the first number of the year.
      const letter = await readyLetter(templates[1]!.id);
      dialogs.save = path.join(t.dir, 'ok.docx');
      expect((await t.core.api.signExport({ id: letter.id })).number).toBe('HXCN-2026-0001');
    });
  }

  it("the letter's own number is never asked of the clerk (健康险销售与服务合规承诺书 included)", async () => {
    for (const template of templates) {
      const own = ownNumberFields(template.fields);
      for (const f of own) expect(f.required, `${template.name}: ${f.label}`).toBe(false);
      const letter = await readyLetter(template.id);
      dialogs.save = path.join(t.dir, `own-${letter.id}.docx`);
      const result = await t.core.api.signExport({ id: letter.id });
      const { content } = await t.core.api.lettersContentGet({ id: letter.id });
      for (const f of own) expect(content.values[f.key]).toBe(result.number);
    }
  });
});
