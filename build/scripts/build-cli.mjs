// Bundles the CLI (electron/cli) for `npx letterdesk` as CommonJS files in out/cli/:
//   letterdesk.cjs            the command table, commander and help — all that `--help` loads;
//   letterdesk.<module>.cjs   each module the shell loads with `await import(…)` (the core through
//                             cli/session.ts, the importers, …), a bundle of its own, loaded when reached.
// esbuild inlines a dynamic import into a CommonJS bundle; parsing the core there alone would cost
// more than the whole --help budget (DESIGN.md: ≤ 150 ms). The lazy files sit beside the entry so
// `__dirname`-relative paths (resources/) mean the same in all of them.
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

/** Every dynamic import in the shell becomes a require of its own sibling bundle. */
const lazy = new Map();
const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: 'import-statement' });
      if (resolved.errors.length) return { errors: resolved.errors };
      const name = path.relative('electron', resolved.path).replace(/\.ts$/, '').split(path.sep).join('.');
      lazy.set(name, resolved.path);
      return { path: `./letterdesk.${name}.cjs`, external: true };
    });
  },
};

const shell = await build({
  ...common,
  entryPoints: ['electron/cli/index.ts'],
  outfile: 'out/cli/letterdesk.cjs',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [lazyImports],
  // A plain require() of the sibling, not Node's ESM loader (which would guess the exports of a CJS file).
  supported: { 'dynamic-import': false },
  metafile: true,
});

await build({
  ...common,
  entryPoints: Object.fromEntries([...lazy].map(([name, file]) => [`letterdesk.${name}`, file])),
  outdir: 'out/cli',
  outExtension: { '.js': '.cjs' },
  external: ['better-sqlite3'],
});

// The help path must stay light: fail the build if the shell bundle pulled in the core or a heavy library.
const heavy = Object.keys(shell.metafile.inputs).filter((f) => /^electron\/core\/|node_modules\/(better-sqlite3|docx|zod|prosemirror-)/.test(f));
if (heavy.length) throw new Error(`out/cli/letterdesk.cjs must not bundle the core (load it with await import): ${heavy.slice(0, 5).join(', ')}`);

// `npx letterdesk` runs the bin file directly: it must be executable (esbuild writes 0644).
chmodSync('out/cli/letterdesk.cjs', 0o755);
