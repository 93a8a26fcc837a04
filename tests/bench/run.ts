/**
 * `npm run bench`: runs every measure and rewrites BENCHMARKS.md with the machine and date.
 * Targets come from ../shared/DESIGN.md; a missed target is marked, never hidden.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchRegister } from './bench-register';
import { benchVersions } from './bench-versions';
import { benchBrowser } from './bench-browser';
import { benchExport } from './bench-export';
import { benchCrash } from './bench-crash';
import { tableOf, type Row } from './measure';

const sections: { title: string; run: () => Promise<Row[]> }[] = [
  { title: 'Store and register', run: benchRegister },
  { title: 'Drafts and versions', run: benchVersions },
  { title: 'Crash safety', run: () => benchCrash(100) },
  { title: 'Export', run: benchExport },
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
  for (const section of sections) {
    process.stdout.write(`bench: ${section.title}…\n`);
    const rows = await section.run();
    out.push(`## ${section.title}`, '', tableOf(rows), '');
  }
  const file = path.resolve(__dirname, '../../BENCHMARKS.md');
  fs.writeFileSync(file, out.join('\n'));
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
