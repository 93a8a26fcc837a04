/**
 * Which font families this PC has, for the "the export names a font you do not have"
 * warning. Windows: the font files under %WINDIR%\Fonts mapped to their Chinese family
 * names; elsewhere fontconfig's family list. Unknown → null (no warning rather than a wrong one).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Family name → file names that provide it on Windows (stock Windows and WPS installs).
const WINDOWS_FILES: Record<string, string[]> = {
  宋体: ['simsun.ttc', 'simsun.ttf'],
  仿宋: ['simfang.ttf'],
  仿宋_GB2312: ['fangsong_gb2312.ttf', 'simfang.ttf'],
  黑体: ['simhei.ttf'],
  楷体: ['simkai.ttf'],
  小标宋: ['fzxbsjw.ttf', 'fzxbsk.ttf', '方正小标宋简体.ttf'],
  方正小标宋简体: ['fzxbsjw.ttf', '方正小标宋简体.ttf'],
  'Times New Roman': ['times.ttf'],
  'Segoe UI Symbol': ['seguisym.ttf'],
};

export function installedFontFamilies(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Set<string> | null {
  try {
    if (platform === 'win32') {
      const dirs = [path.join(env['WINDIR'] ?? 'C:\\Windows', 'Fonts'), path.join(env['LOCALAPPDATA'] ?? '', 'Microsoft', 'Windows', 'Fonts')];
      const files = new Set(dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).map((f) => f.toLowerCase()) : [])));
      return new Set(Object.entries(WINDOWS_FILES).filter(([, names]) => names.some((n) => files.has(n.toLowerCase()))).map(([family]) => family));
    }
    const out = execFileSync('fc-list', ['--format', '%{family}\\n'], { encoding: 'utf8', timeout: 5000 });
    return new Set(out.split('\n').flatMap((line) => line.split(',')).map((f) => f.trim()).filter(Boolean));
  } catch {
    return null;
  }
}

/** The names among `wanted` that this PC does not have; [] when that cannot be known. */
export function missingFonts(wanted: string[], installed: Set<string> | null = installedFontFamilies()): string[] {
  if (!installed) return [];
  return wanted.filter((name) => !installed.has(name));
}
