/**
 * One entry per command: its name, description, arguments and options (from which commander
 * builds the parser and every help text) and what it runs. Light on purpose: the command table
 * is loaded for `--help`, the core only when a command runs (see session.ts).
 */
import type { LetterdeskApi } from '../shared/api';

export interface ArgSpec {
  /** Shown in usage as <name>, [name] or <name...>. */
  name: string;
  description: string;
  /** 'id': a whole number (letter ID, version number); read as a number. */
  kind?: 'id' | 'text';
  optional?: boolean;
  variadic?: boolean;
}

export interface OptionSpec {
  /** commander flags, e.g. '--title <text>' or '--draft'. */
  flags: string;
  description: string;
  /** 'int': a whole number; 'list': may be given several times. */
  kind?: 'int' | 'list';
  choices?: readonly string[];
  /** The command cannot run without it (commander refuses the call, exit 2). */
  required?: boolean;
}

/** What the shell's file "dialogs" answer for this run: --out, or a file named on the command line. */
export interface FileAnswers {
  saveTo?: string;
  openFrom?: string;
}

export interface CommandResult {
  /** Printed as JSON with --json. */
  data: unknown;
  text: string;
  exitCode?: number;
}

export interface CommandContext {
  /** The whole-number argument at `index`. */
  id(index: number): number;
  /** The text argument at `index` ('' when an optional one is absent). */
  text(index: number): string;
  /** A variadic argument. */
  texts(index: number): string[];
  /** A variadic whole-number argument. */
  ids(index: number): number[];
  opt(name: string): string | undefined;
  /** A required option's text. */
  need(name: string): string;
  int(name: string): number | undefined;
  flag(name: string): boolean;
  /** An option limited to `choices` (commander has checked it; this narrows its type). */
  choice<T extends string>(name: string, choices: readonly T[]): T | undefined;
  list(name: string): string[];
  /** A note on stderr that does not fail the command. */
  warn(text: string): void;
  /** The data folder (--data-dir, LETTERDESK_DATA_DIR or the app's): for commands that must not open the core, e.g. `db check`. */
  dataDir: string;
  /** Opens the data folder (once) and returns the typed API client. */
  open(files?: FileAnswers): Promise<LetterdeskApi>;
}

export interface CommandSpec {
  /** 'letters list', or a one-word command such as 'export'. */
  name: string;
  summary: string;
  args?: ArgSpec[];
  options?: OptionSpec[];
  run(ctx: CommandContext): Promise<CommandResult>;
}

/** A mistake in how the command was called: exit 2 with the command's help. */
export class UsageError extends Error {}

export type ArgValue = string | number | string[] | number[] | undefined;
export type OptionValue = string | number | boolean | string[] | undefined;

export function makeContext(args: ArgValue[], opts: Record<string, OptionValue>, open: CommandContext['open'], warn: CommandContext['warn'], dataDir = ''): CommandContext {
  const key = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return {
    id: (i) => {
      const v = args[i];
      if (typeof v !== 'number') throw new UsageError(`argument ${i + 1} must be a whole number`);
      return v;
    },
    text: (i) => {
      const v = args[i];
      return typeof v === 'string' ? v : v === undefined ? '' : String(v);
    },
    texts: (i) => {
      const v = args[i];
      return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
    },
    ids: (i) => {
      const v = args[i];
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((x): x is number => typeof x === 'number')) throw new UsageError(`argument ${i + 1} must be whole numbers`);
      return list;
    },
    opt: (name) => {
      const v = opts[key(name)];
      return typeof v === 'string' ? v : undefined;
    },
    need: (name) => {
      const v = opts[key(name)];
      if (typeof v !== 'string') throw new UsageError(`--${name} is required`);
      return v;
    },
    int: (name) => {
      const v = opts[key(name)];
      return typeof v === 'number' ? v : undefined;
    },
    flag: (name) => opts[key(name)] === true,
    choice: (name, choices) => {
      const v = opts[key(name)];
      if (v === undefined) return undefined;
      const hit = choices.find((c) => c === v);
      if (hit === undefined) throw new UsageError(`--${name} must be one of ${choices.join(', ')}`);
      return hit;
    },
    list: (name) => {
      const v = opts[key(name)];
      return Array.isArray(v) ? v : [];
    },
    open,
    warn,
    dataDir,
  };
}
