/** Commands the shell (application menu) sends to the page. A closed set. */
/** 'before-close': the window is closing; save what is pending, then close it again. */
export const SHELL_COMMANDS = ['new-letter', 'go-letters', 'go-templates', 'go-settings', 'search', 'before-close'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];
export const SHELL_COMMAND_CHANNEL = 'letterdesk:command';

export function isShellCommand(value: unknown): value is ShellCommand {
  return typeof value === 'string' && (SHELL_COMMANDS as readonly string[]).includes(value);
}

/** What the preload exposes besides the API: a subscription to menu commands. */
export interface LetterdeskShell {
  onCommand(listener: (command: ShellCommand) => void): () => void;
}
