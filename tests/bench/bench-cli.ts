/**
 * `letterdesk --help` start-up (DESIGN.md: ≤ 150 ms, within 80 ms of a bare node start) against
 * `node -e ""` in the same run, samples interleaved so machine noise hits both alike. Beside the
 * wall time, each process reports its own CPU time (user + system) at exit: on a busy shared
 * machine that is the steadier measure of what the CLI itself costs.
 * A whole command (`letters list` on a fresh data folder) shows what loading the core costs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { fmt, stats, type Row, type Stats } from './measure';

const bin = path.resolve(__dirname, '../../out/cli/letterdesk.cjs');
const CPU_HOOK = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\n@cpu ' + (u.user + u.system) / 1000 + '\\n'); });\n";

function run(hook: string, args: string[]): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(/@cpu ([\d.]+)/.exec(r.stderr)?.[1]) };
}

const over = (what: string, a: Stats, base: Stats) =>
  `${what}: p50 +${fmt(a.p50 - base.p50)} ms (${(a.p50 / base.p50).toFixed(2)}×), p95 +${fmt(a.p95 - base.p95)} ms (${(a.p95 / base.p95).toFixed(2)}×)`;

export async function benchCli(runs = 40): Promise<Row[]> {
  const tmp = makeTempDir('letterdesk-bench-cli-');
  try {
    const hook = path.join(tmp.dir, 'cpu-hook.cjs');
    fs.writeFileSync(hook, CPU_HOOK);
    const bare = ['-e', ''];
    const help = [bin, '--help'];
    const list = [bin, 'letters', 'list', '--json', '--data-dir', path.join(tmp.dir, 'data')];
    for (let i = 0; i < 3; i++) [bare, help, list].forEach((args) => run(hook, args));
    const samples = { bare: [] as { wall: number; cpu: number }[], help: [] as { wall: number; cpu: number }[], list: [] as { wall: number; cpu: number }[] };
    for (let i = 0; i < runs; i++) {
      samples.bare.push(run(hook, bare));
      samples.help.push(run(hook, help));
      if (i % 4 === 0) samples.list.push(run(hook, list));
    }
    const wall = (s: { wall: number }[]) => stats(s.map((x) => x.wall));
    const cpu = (s: { cpu: number }[]) => stats(s.map((x) => x.cpu));
    const [bw, hw, bc, hc] = [wall(samples.bare), wall(samples.help), cpu(samples.bare), cpu(samples.help)];
    return [
      { what: 'bare node start: node -e ""', stats: bw, note: 'baseline, wall' },
      { what: 'letterdesk --help: node out/cli/letterdesk.cjs --help', stats: hw, target: 150, note: 'wall' },
      { what: 'letterdesk --help over bare node', result: `${over('wall', hw, bw)}; ${over('CPU', hc, bc)}; target within 80 ms (wall p50): ${hw.p50 - bw.p50 <= 80 ? 'yes' : '**no**'}` },
      { what: 'bare node start, CPU time (user+sys)', stats: bc, note: 'baseline' },
      { what: 'letterdesk --help, CPU time (user+sys)', stats: hc },
      { what: 'letterdesk letters list --json, fresh data folder (loads the core)', stats: wall(samples.list), note: 'whole process, wall' },
    ];
  } finally {
    tmp.cleanup();
  }
}
