/**
 * `npm run bench`: runs every measure and rewrites BENCHMARKS.md with the machine and date.
 * Targets come from ../shared/DESIGN.md; a missed target is marked, never hidden.
 * `npm run bench -- search` runs the sections whose title contains a word given and replaces
 * only those sections (the date line says which were measured when).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchRegister } from './bench-register';
import { benchVersions } from './bench-versions';
import { benchBrowser } from './bench-browser';
import { benchExport } from './bench-export';
import { benchCrash } from './bench-crash';
import { benchSearch } from './bench-search';
import { benchCli } from './bench-cli';
import { benchImport } from './bench-import';
import { tableOf, type Row } from './measure';

const sections: { title: string; run: () => Promise<Row[]> }[] = [
  { title: 'Store and register', run: benchRegister },
  { title: 'Drafts and versions', run: benchVersions },
  { title: 'Crash safety', run: () => benchCrash(100) },
  { title: 'Export', run: benchExport },
  { title: 'Full-text search (100,000 letters)', run: benchSearch },
  { title: 'Command line', run: () => benchCli() },
  { title: 'Import (smart paste and .docx)', run: benchImport },
  { title: 'In the browser (Debian Chromium, built renderer, real core)', run: benchBrowser },
];

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const out: string[] = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (tests/bench/run.ts); do not edit by hand.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machine}`,
    '',
  ];
  const file = path.resolve(__dirname, '../../BENCHMARKS.md');
  const only = process.argv.slice(2).map((w) => w.toLowerCase());
  if (only.length) {
    // Some sections only: each replaces its own part of the file; the rest stays as measured before.
    let text = fs.readFileSync(file, 'utf8');
    for (const section of sections.filter((s) => only.some((w) => s.title.toLowerCase().includes(w)))) {
      process.stdout.write(`bench: ${section.title}…\n`);
      const body = `## ${section.title}\n\n_Measured ${new Date().toISOString()} on ${machine}._\n\n${tableOf(await section.run())}\n`;
      const at = text.indexOf(`## ${section.title}\n`);
      const end = at < 0 ? -1 : text.indexOf('\n## ', at + 1);
      text = at < 0 ? `${text.trimEnd()}\n\n${body}` : `${text.slice(0, at)}${body}${end < 0 ? '' : text.slice(end)}`;
    }
    fs.writeFileSync(file, text);
    process.stdout.write(text + '\n');
    return;
  }
  for (const section of sections) {
    process.stdout.write(`bench: ${section.title}…\n`);
    const rows = await section.run();
    out.push(`## ${section.title}`, '', tableOf(rows), '');
  }
  fs.writeFileSync(file, out.join('\n'));
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
