/**
 * Finding an installed Chromium, Google Chrome or Microsoft Edge. LETTERDESK_CHROMIUM wins;
 * then the usual install places on Windows and Linux (and macOS), then the PATH on Linux.
 * The file system and environment are passed in, so the search is tested on every OS.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FoundBrowser {
  path: string;
  /** A name for the one-line start message: "Chromium", "Google Chrome", "Microsoft Edge" or the override. */
  name: string;
  /** Why this one: set by LETTERDESK_CHROMIUM, or found in a usual place. */
  source: 'env' | 'installed';
}

export interface DiscoverOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Whether a file exists (tests pass their own). */
  exists?: (file: string) => boolean;
}

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The places looked at, in order, with the browser each is. */
export function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { path: string; name: string }[] {
  if (platform === 'win32') {
    const p = path.win32;
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((d): d is string => !!d?.trim());
    const list: { path: string; name: string }[] = [];
    // Edge ships with Windows 10 and 11, so it is the one most likely there; a user's own Chrome or Chromium comes first.
    for (const root of roots) list.push({ path: p.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), name: 'Google Chrome' });
    for (const root of roots) list.push({ path: p.join(root, 'Chromium', 'Application', 'chrome.exe'), name: 'Chromium' });
    for (const root of roots) list.push({ path: p.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), name: 'Microsoft Edge' });
    return list;
  }
  if (platform === 'darwin') {
    return [
      { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', name: 'Google Chrome' },
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', name: 'Chromium' },
      { path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', name: 'Microsoft Edge' },
    ];
  }
  const names: [string, string][] = [
    ['chromium', 'Chromium'],
    ['chromium-browser', 'Chromium'],
    ['google-chrome', 'Google Chrome'],
    ['google-chrome-stable', 'Google Chrome'],
    ['microsoft-edge', 'Microsoft Edge'],
    ['microsoft-edge-stable', 'Microsoft Edge'],
  ];
  const dirs = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(env['PATH'] ?? '').split(':').filter((d) => d.startsWith('/'))];
  const seen = new Set<string>();
  const list: { path: string; name: string }[] = [];
  for (const [file, name] of names) {
    for (const dir of dirs) {
      const full = path.posix.join(dir, file);
      if (!seen.has(full)) {
        seen.add(full);
        list.push({ path: full, name });
      }
    }
  }
  list.push({ path: '/opt/google/chrome/chrome', name: 'Google Chrome' }, { path: '/opt/microsoft/msedge/msedge', name: 'Microsoft Edge' });
  return list;
}

/** The browser to start, or null when none is installed. */
export function findBrowser(options: DiscoverOptions): FoundBrowser | null {
  const exists = options.exists ?? isFile;
  const given = options.env['LETTERDESK_CHROMIUM']?.trim();
  if (given) return { path: given, name: path.basename(given), source: 'env' };
  const hit = browserCandidates(options.env, options.platform).find((c) => exists(c.path));
  return hit ? { ...hit, source: 'installed' } : null;
}
