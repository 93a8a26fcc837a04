import path from 'node:path';

export const DATA_DIR_ENV = 'LETTERDESK_DATA_DIR';

/**
 * Where the database lives. A packaged app always uses Electron's userData folder; in
 * development and tests LETTERDESK_DATA_DIR may point elsewhere.
 */
export function resolveDataDir(opts: { isPackaged: boolean; userData: string; env: NodeJS.ProcessEnv }): string {
  const override = opts.env[DATA_DIR_ENV];
  if (!opts.isPackaged && override && override.trim()) return path.resolve(override);
  return path.join(opts.userData, 'data');
}
