// Bundles the browser shell (electron/browser-shell) into out/browser-shell/index.cjs, run by
// `npm start` with plain node where Electron's binary is missing (build/scripts/start.mjs).
// better-sqlite3 stays a package (a native module); everything else is in the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/browser-shell/index.ts'],
  outfile: 'out/browser-shell/index.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron'],
});
