/**
 * Export measures (DESIGN.md: a 10-page letter to .docx, p95 ≤ 30 ms in process), and
 * pandoc's whole-process time on the same text as a reference when pandoc is installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildDocx, buildPrintHtml } from '../../electron/core/export';
import { letterBlocks, letterPlainText } from '../../electron/shared/letter-model';
import { longLetter, META } from '../helpers/render-docx';
import { makeTempDir } from '../helpers/temp-dir';
import { time, type Row } from './measure';

export async function benchExport(): Promise<Row[]> {
  const letter = longLetter(10);
  const rows: Row[] = [
    { what: 'export a 10-page letter to .docx (buildDocx)', stats: await time(200, () => buildDocx(letter, META)), target: 30, note: 'business style, in process' },
    { what: 'export a 10-page letter to .docx, official style', stats: await time(200, () => buildDocx(letter, META, { style: 'official' })) },
    { what: 'print HTML of a 10-page letter (buildPrintHtml)', stats: await time(200, () => buildPrintHtml(letter, META)) },
  ];
  if (spawnSync('sh', ['-c', 'command -v pandoc']).status === 0) {
    const tmp = makeTempDir('letterdesk-bench-pandoc-');
    try {
      const input = path.join(tmp.dir, 'letter.md');
      const text = letterPlainText(letterBlocks(letter.doc, letter.fields, letter.values));
      fs.writeFileSync(input, text.split('\n').join('\n\n'));
      const out = path.join(tmp.dir, 'letter.docx');
      const stats = await time(30, () => spawnSync('pandoc', [input, '-o', out]), 3);
      rows.push({ what: 'pandoc markdown → .docx, same text (reference)', stats, note: 'whole process' });
    } finally {
      tmp.cleanup();
    }
  }
  return rows;
}
