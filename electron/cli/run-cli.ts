/**
 * `letterdesk` command line: the same core as the app, over the same data folder. commander
 * parses and writes every help text from the command table (commands/); the core is loaded
 * only once a command runs. Output is human-readable, or JSON with --json; errors go to
 * stderr with exit 1, usage mistakes with exit 2.
 */
import { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { errorCode } from '../shared/errors';
import { makeContext, UsageError, type ArgSpec, type ArgValue, type CommandResult, type CommandSpec, type FileAnswers, type OptionSpec, type OptionValue } from './command';
import { COMMANDS, GROUPS } from './commands';
import { defaultDataDir } from './default-data-dir';
import { displayWidth } from './output';
import type { Session } from './session';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

const TITLE = '函件台 Letterdesk 命令行 / command line';

/** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Filled in by the action commander calls, read after parsing.
  const state: { result?: CommandResult; json: boolean; session?: Session } = { json: false };
  const program = buildProgram(io, async (spec, args, opts) => {
    state.json = opts['json'] === true;
    const dataDir = typeof opts['dataDir'] === 'string' ? opts['dataDir'] : defaultDataDir(io.env);
    const open = async (files: FileAnswers = {}) => {
      // The core and its native modules load here, never for --help.
      const { openSession } = await import('./session');
      state.session ??= openSession({ dataDir, env: io.env, ...files });
      return state.session.api;
    };
    const warn = (text: string) => io.err(`letterdesk: 注意 note: ${text}`);
    state.result = await spec.run(makeContext(args, opts, open, warn, dataDir));
  });
  if (argv.length === 0) {
    io.out(program.helpInformation().trimEnd());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!state.result) return 2;
    io.out(state.json ? JSON.stringify(state.result.data, null, 2) : state.result.text);
    return state.result.exitCode ?? 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
    const code = errorCode(err);
    const message = (err as Error).message ?? String(err);
    io.err(state.json ? JSON.stringify({ ok: false, code, message }) : `letterdesk: 错误 error [${code}] ${message}`);
    return 1;
  } finally {
    await state.session?.close();
  }
}

type Run = (spec: CommandSpec, args: ArgValue[], opts: Record<string, OptionValue>) => Promise<void>;

/** The commander program of the whole table; a fresh one per run (commander keeps parse state). */
function buildProgram(io: CliIo, run: Run): Command {
  const program = new Command('letterdesk')
    .description(TITLE)
    .option('--data-dir <dir>', '数据文件夹 data folder (default: LETTERDESK_DATA_DIR or the app’s own folder)')
    .option('--json', '机器可读输出 machine-readable output')
    .helpOption('-h, --help', '显示帮助 show help')
    .helpCommand(false)
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(`letterdesk: ${s.replace(/^error: /, '')}`),
    })
    .configureHelp({
      displayWidth,
      showGlobalOptions: true,
      // The top level lists every command with its arguments and options, not just the groups.
      formatHelp: (cmd, helper) => (cmd.parent ? Help.prototype.formatHelp.call(helper, cmd, helper) : overview(cmd, helper)),
    });
  const groups = new Map<string, Command>();
  for (const spec of COMMANDS) {
    const words = spec.name.split(' ');
    let parent = program;
    if (words.length === 2) {
      const name = words[0]!;
      parent = groups.get(name) ?? program.command(name).description(GROUPS[name] ?? name);
      groups.set(name, parent);
    }
    const cmd = parent.command(words.at(-1)!).description(spec.summary);
    for (const arg of spec.args ?? []) cmd.addArgument(argumentOf(arg));
    for (const option of spec.options ?? []) cmd.addOption(optionOf(option));
    cmd.action(async () => {
      try {
        // processedArgs: the arguments after argumentOf's parsers (IDs as numbers).
        await run(spec, cmd.processedArgs, cmd.optsWithGlobals());
      } catch (err) {
        if (err instanceof UsageError) cmd.error(err.message, { exitCode: 2, code: 'letterdesk.usage' });
        throw err;
      }
    });
  }
  return program;
}

function parseWhole(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, got ${value}`);
  return Number(value);
}

function argumentOf(spec: ArgSpec): Argument {
  const name = `${spec.name}${spec.variadic ? '...' : ''}`;
  const arg = new Argument(spec.optional ? `[${name}]` : `<${name}>`, spec.description);
  if (spec.kind === 'id' && spec.variadic) arg.argParser((v: string, prev: number[] = []) => [...prev, parseWhole(v)]);
  else if (spec.kind === 'id') arg.argParser(parseWhole);
  return arg;
}

function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.kind === 'int') option.argParser(parseWhole);
  if (spec.kind === 'list') option.argParser((v: string, prev: string[] = []) => [...prev, v]);
  if (spec.choices) option.choices(spec.choices);
  if (spec.required) option.makeOptionMandatory();
  return option;
}

/** `letterdesk --help`: every command's usage line (arguments and options) and description. */
function overview(program: Command, helper: Help): string {
  const width = (helper.helpWidth ?? 80) - 6;
  const usage = (spec: CommandSpec) =>
    [
      spec.name,
      ...(spec.args ?? []).map((a) => (a.optional ? `[${a.name.toUpperCase()}]` : a.name.toUpperCase()) + (a.variadic ? '...' : '')),
      ...(spec.options ?? []).map((o) => {
        const flags = o.choices ? o.flags.replace(/<[^>]+>/, o.choices.join('|')) : o.flags.replace(/<([^>]+)>/, (_, v: string) => v.toUpperCase());
        return (o.required ? flags : `[${flags}]`) + (o.kind === 'list' ? '...' : '');
      }),
    ].join(' ');
  const lines = [
    TITLE,
    '',
    '用法 Usage: letterdesk <command> [options] [--data-dir DIR] [--json]',
    '每个命令的详细帮助 each command’s own help: letterdesk <command> --help (e.g. letterdesk letters fill --help)',
    '',
  ];
  for (const spec of COMMANDS) lines.push(`  ${usage(spec)}`, helper.boxWrap(spec.summary, width).replace(/^/gm, '      '));
  lines.push('', '选项 Options:');
  const options = helper.visibleOptions(program);
  const termWidth = Math.max(...options.map((o) => o.flags.length));
  for (const o of options) lines.push(`  ${o.flags.padEnd(termWidth)}  ${o.description}`);
  return lines.join('\n') + '\n';
}
