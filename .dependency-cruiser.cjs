/**
 * Dependency rules (issue 10): a file's folder says which modules it may import. Checked by
 * `npm run lint:deps` at the start of `npm test`; a wrong import or a cycle fails the build.
 *
 * Layers: electron/shared (pure TypeScript for every process) ← electron/core (Node) ←
 * shells (electron/main, electron/cli) · electron/preload (the bridge) · renderer (the page).
 * "No DOM in shared" is also held by the compiler: tsconfig.json checks electron/** without
 * the DOM library, so `window` or `document` there does not compile.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles anywhere: each module can be read (and loaded) after the ones it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'electron/shared runs in every process: no electron, no Node built-ins.',
      from: { path: '^electron/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-electron',
      severity: 'error',
      comment: 'electron/shared runs in every process: no electron.',
      from: { path: '^electron/shared/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'electron/shared imports nothing from core, main, preload, cli, the browser shell or the renderer.',
      from: { path: '^electron/shared/' },
      to: { path: '^(electron/(core|main|preload|cli|browser-shell)|renderer)/' },
    },
    {
      name: 'shared-no-dom-libs',
      severity: 'error',
      comment: 'electron/shared uses no DOM: no prosemirror-view / -state / -commands and no svelte (the schema module, prosemirror-model, is DOM-free).',
      from: { path: '^electron/shared/' },
      to: { path: 'node_modules/(prosemirror-(view|state|commands|keymap|history|inputrules|dropcursor|gapcursor|tables)|svelte|jsdom|@testing-library)/' },
    },
    {
      name: 'core-no-shells',
      severity: 'error',
      comment: 'electron/core is plain Node: never electron, and nothing from main, preload, cli, the browser shell or the renderer.',
      from: { path: '^electron/core/' },
      to: { path: '^electron$|node_modules/electron/|^(electron/(main|preload|cli|browser-shell)|renderer)/' },
    },
    {
      name: 'shells-no-renderer',
      severity: 'error',
      comment: 'main and preload are Electron glue: they never import the page.',
      from: { path: '^electron/(main|preload)/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'cli-is-a-node-shell',
      severity: 'error',
      comment: 'The command line is a shell over core like main, without Electron: no electron, main, preload or renderer.',
      from: { path: '^electron/cli/' },
      to: { path: '^electron$|node_modules/electron/|^(electron/(main|preload|browser-shell)|renderer)/' },
    },
    {
      name: 'browser-shell-is-a-node-shell',
      severity: 'error',
      comment:
        'The browser shell (issue 16) is a shell over core like main, run by plain node without Electron: no electron, preload or renderer; from main only the CSP (security.ts, type-only imports of electron), from cli only the data folder rule.',
      from: { path: '^electron/browser-shell/' },
      to: { path: '^electron$|node_modules/electron/|^(electron/(main|preload|cli)|renderer)/', pathNot: '^electron/main/security\\.ts$|^electron/cli/default-data-dir\\.ts$' },
    },
    {
      name: 'preload-is-small',
      severity: 'error',
      comment: 'The sandboxed preload is one small bundle: electron and shared modules without npm packages (no zod).',
      from: { path: '^electron/preload/' },
      to: { path: 'node_modules/', pathNot: 'node_modules/electron/', reachable: true },
    },
    {
      name: 'preload-no-core',
      severity: 'error',
      comment: 'The preload reaches main only through IPC, never core.',
      from: { path: '^electron/preload/' },
      to: { path: '^electron/(core|main|cli)/' },
    },
    {
      name: 'renderer-only-shared',
      severity: 'error',
      comment: 'The page reaches the rest of the app only through electron/shared (the contract), never core, main, preload, cli, the browser shell or electron.',
      from: { path: '^renderer/' },
      to: { path: '^electron$|node_modules/electron/|^electron/(core|main|preload|cli|browser-shell)/' },
    },
    {
      name: 'renderer-contract-types-only',
      severity: 'error',
      comment:
        'The page knows the contract and the template schemas by their types only (client.ts): loading them would put zod (~450 KB) into the page bundle.',
      from: { path: '^renderer/' },
      to: { path: '^electron/shared/(api|api-schemas|validate|template)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-dev-deps-at-run-time',
      severity: 'error',
      comment:
        'Code that runs from node_modules (main, core, cli, and the shared modules they load) uses `dependencies` only, so an install without devDependencies works. electron is the runtime itself. The renderer and the preload are bundled into static files at build time, so their npm imports are build inputs.',
      from: { path: '^electron/(main|core|cli|shared|browser-shell)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: 'node_modules/electron/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a typo or a missing package fails here, not at run time).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^out/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte', 'browser'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.svelte', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
