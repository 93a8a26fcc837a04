// Bundles the import worker (electron/core/import/import-worker.ts) into out/main/import-worker.cjs:
// a chosen .docx or text file is read in a worker thread, terminated on cancel (import-jobs.ts).
// It sits in out/main/ (packaged with the main process, unpacked from the asar archive) and is
// found from out/main/, out/cli/ and out/browser-shell/ alike (import-worker-protocol.ts).
// Run after electron-vite build, which empties out/main/.
import { build } from 'esbuild';

const options = {
  entryPoints: ['electron/core/import/import-worker.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

await build({ ...options, outfile: 'out/main/import-worker.cjs' });
