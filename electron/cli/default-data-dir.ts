import os from 'node:os';
import path from 'node:path';

/** The folder the packaged app uses (Electron's userData for app name "Letterdesk", + /data). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['LETTERDESK_DATA_DIR']?.trim()) return path.resolve(env['LETTERDESK_DATA_DIR']);
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : env['XDG_CONFIG_HOME'] ?? path.join(home, '.config');
  return path.join(base, 'Letterdesk', 'data');
}
