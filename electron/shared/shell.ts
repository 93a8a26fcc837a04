/** Commands the shell (application menu) sends to the page. A closed set. */
export const SHELL_COMMANDS = ['new-letter', 'go-letters', 'go-templates', 'go-settings', 'search'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];
export const SHELL_COMMAND_CHANNEL = 'letterdesk:command';

export function isShellCommand(value: unknown): value is ShellCommand {
  return typeof value === 'string' && (SHELL_COMMANDS as readonly string[]).includes(value);
}

/** What the preload exposes besides the API: a subscription to menu commands. */
export interface LetterdeskShell {
  onCommand(listener: (command: ShellCommand) => void): () => void;
}
