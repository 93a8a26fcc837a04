// Bundles the CLI (electron/core/cli) into one CommonJS file for `npx letterdesk`.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/core/cli/index.ts'],
  outfile: 'out/cli/letterdesk.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  external: ['better-sqlite3'],
  logLevel: 'warning',
});

// `npx letterdesk` runs the bin file directly: it must be executable (esbuild writes 0644).
const { chmodSync } = await import('node:fs');
chmodSync('out/cli/letterdesk.cjs', 0o755);
