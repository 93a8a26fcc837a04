/** The crash test with more kills than the suite runs (issue #4): nothing acknowledged lost. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Row } from './measure';

export async function benchCrash(kills = 100): Promise<Row[]> {
  const root = path.resolve(__dirname, '../..');
  const t0 = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/crash.test.ts'], {
    cwd: root,
    env: { ...process.env, CRASH_KILLS: String(kills) },
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  return [
    {
      what: `crash test: ${kills} SIGKILLs during autosave, integrity_check and every acknowledged save checked after each`,
      result: run.status === 0 ? `passed: 0 acknowledged saves lost (${seconds} s)` : `**FAILED** (exit ${run.status}): ${run.stdout.slice(-300)}`,
    },
  ];
}
