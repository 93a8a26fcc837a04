/** The command table, in the order `letterdesk --help` lists it. */
import type { CommandSpec } from '../command';
import { backupCommands } from './backup';
import { exportCommands } from './export';
import { fieldCommands } from './fields';
import { importCommands } from './import';
import { lettersCommands } from './letters';
import { registerCommands } from './register';
import { searchCommands } from './search';
import { signCommands } from './sign';
import { templateCommands } from './templates';
import { versionCommands } from './versions';

export const COMMANDS: readonly CommandSpec[] = [
  ...lettersCommands,
  ...fieldCommands,
  ...versionCommands,
  ...exportCommands,
  ...signCommands,
  ...registerCommands,
  ...searchCommands,
  ...templateCommands,
  ...importCommands,
  ...backupCommands,
];

/** What the groups of two-word commands are for. */
export const GROUPS: Record<string, string> = {
  letters: '函件 letters',
  versions: '版本 versions',
  sign: '签署 signatures',
  templates: '模板 templates',
  import: '导入 import (text, .docx)',
  db: '数据库 database',
  backups: '备份 backups',
  archive: '归档 archive (move to another PC)',
};
