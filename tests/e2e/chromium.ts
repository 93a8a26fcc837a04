import fs from 'node:fs';
import { CHROMIUM_PRINT_ARGS } from '../../electron/core/export/render-pdf';

export const CHROMIUM_PATH = process.env['LETTERDESK_CHROMIUM'] ?? '/usr/bin/chromium';

// The same flags the CLI's PDF rendering uses (electron/core/export/render-pdf.ts).
export const CHROMIUM_ARGS = CHROMIUM_PRINT_ARGS;

/**
 * Debian's Chromium. Missing under CI=true is a failure (the suite must not go green
 * without its browser tests); on a developer machine the specs skip with the reason.
 */
export function chromiumExecutable(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env['CI']) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with 'apt-get install -y chromium' (required under CI=true).`);
  }
  return undefined;
}
