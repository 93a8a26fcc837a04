import { runCli } from '../../electron/cli/run-cli';

/** Runs the CLI in process against `dataDir`, collecting what it prints and its exit code. */
export async function runCliIn(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', dataDir], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
