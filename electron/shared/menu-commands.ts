/** Commands the application menu sends to the page. A closed set. */
/** 'before-close': the window is closing; save what is pending, then close it again. */
/** 'search' is the register's search, or find in the open letter; 'replace' is replace in the open letter. */
/** 'recent-letters' opens 最近打开 (Alt+R); 'copy-letter' copies the open letter, or the one chosen in the register (Ctrl+D). */
export const MENU_COMMANDS = ['new-letter', 'go-letters', 'go-templates', 'go-settings', 'search', 'replace', 'recent-letters', 'copy-letter', 'before-close'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_CHANNEL = 'letterdesk:command';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What the preload exposes besides `invoke`: a subscription to menu commands. */
export interface MenuCommandSource {
  onCommand(listener: (command: MenuCommand) => void): () => void;
}
