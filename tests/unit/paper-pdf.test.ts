/**
 * Issue #9: the PDF of a frozen version carries the same text as its .docx paper. For every
 * built-in template in both styles, the letter is exported for signature; its frozen version
 * is exported again as PDF (the print HTML rendered by Chromium, as the app and CLI do) and
 * read back with pdftotext: the body text equals the .docx body plus the clause numbers Word
 * draws from its numbering definitions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdfWithChromium } from '../../electron/core/export';
import { ownNumberFields } from '../../electron/shared/field-roles';
import { letterBlocks, letterPlainText } from '../../electron/shared/letter-model';
import type { LetterContent } from '../../electron/shared/letter-content';
import { chromiumExecutable } from '../e2e/chromium';
import { useTempCore } from '../helpers/core-fixture';
import { docxParts, fillAll, loadTemplates, renderTools, squash } from '../helpers/render-docx';

const tools = renderTools();
const chromium = chromiumExecutable(); // throws under CI=true when missing
const ready = tools.ok && !!chromium;
if (!ready) console.warn(`paper-pdf: skipped — ${!chromium ? 'Chromium is not installed' : tools.reason}`);

const dialogs = { save: '' };
const t = useTempCore({
  dialogs: { saveFile: async () => dialogs.save, openFile: async () => null },
  pdf: { renderPdf: (html, out) => renderPdfWithChromium(html, out, chromium) },
});

function modelText(content: LetterContent, numbers: boolean): string {
  const blocks = letterBlocks(content.doc, content.fields, content.values).map((b) => (b.type === 'clause' && !numbers ? { ...b, number: '' } : b));
  return squash(letterPlainText(blocks, ''));
}

function docxBody(bytes: Buffer): string {
  const xml = docxParts(bytes)['word/document.xml']!;
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');
  return squash(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}

describe.skipIf(!ready)('the PDF of the frozen version says what its .docx paper says', () => {
  it('for every built-in template in both styles', { timeout: 300_000 }, async () => {
    const templates = loadTemplates();
    expect(templates).toHaveLength(8);
    for (const template of templates) {
      for (const style of ['business', 'official'] as const) {
        const api = t.core.api;
        const letter = await api.lettersCreate({ templateId: template.id });
        const values = fillAll(template.fields);
        for (const f of ownNumberFields(template.fields)) delete values[f.key];
        await api.lettersFill({ id: letter.id, values });
        dialogs.save = path.join(t.dir, `${template.id}-${style}.docx`);
        const paper = await api.signExport({ id: letter.id, style });
        const version = await api.versionsGet({ id: letter.id, seq: paper.version!.seq });
        dialogs.save = path.join(t.dir, `${template.id}-${style}.pdf`);
        await api.lettersExport({ id: letter.id, format: 'pdf', style, version: version.seq });
        const pdfText = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', dialogs.save, '-'], { encoding: 'utf8' });
        // The page's margin boxes (page number; number · version · fingerprint) are not body text.
        const footer = squash(`编号 ${paper.number} · v${version.seq} · 校验码 ${version.fingerprint}`);
        expect(squash(pdfText), 'each page names its version').toContain(footer);
        const body = squash(pdfText).split(footer).join('').replace(/—\d+—|第\d+页（共\d+页）·?/g, '');
        const where = `${template.name} (${style})`;
        expect(docxBody(fs.readFileSync(paper.path!)), where).toBe(modelText(version.content, false));
        expect(body, where).toBe(modelText(version.content, true));
      }
    }
  });
});
