/**
 * The heavy half of the CLI, loaded only when a command runs (the build puts it in its own
 * file, out/cli/letterdesk.cli.session.cjs, so `--help` never parses it): the core over the data
 * folder, the typed client over its dispatcher, the dialogs port answering with the paths
 * given on the command line, and one headless browser for every PDF of the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LetterdeskApi } from '../shared/api';
import { makeClient } from '../shared/client';
import { openCore } from '../core/create-api';
import { findChromium, launchPdfRenderer, type PdfRenderer } from '../core/export/render-pdf';
import type { FileAnswers } from './command';

export interface Session {
  api: LetterdeskApi;
  close(): Promise<void>;
}

export interface SessionOptions extends FileAnswers {
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

export function openSession(options: SessionOptions): Session {
  let renderer: Promise<PdfRenderer> | null = null;
  const usedNames = new Set<string>();
  const core = openCore({
    dataDir: options.dataDir,
    // resources/ of the project: two folders up from electron/cli in sources and from out/cli when built.
    resourcesDir: path.resolve(__dirname, '../../resources'),
    appVersion: 'cli',
    dialogs: {
      // --out is the file, or a folder that takes each file under the name the app would suggest.
      saveFile: async ({ defaultName }) => {
        const to = options.saveTo;
        if (!to || !fs.existsSync(to) || !fs.statSync(to).isDirectory()) return to ?? null;
        return uniqueIn(to, path.basename(defaultName), usedNames);
      },
      openFile: async () => options.openFrom ?? null,
    },
    pdf: {
      renderPdf: async (html, out) => {
        renderer ??= launchPdfRenderer(chromiumPath(options.env));
        await (await renderer).render(html, out);
      },
    },
  });
  return {
    api: makeClient(core.dispatch),
    close: async () => {
      try {
        if (renderer) await (await renderer.catch(() => null))?.close();
      } finally {
        core.close();
      }
    },
  };
}

function chromiumPath(env: NodeJS.ProcessEnv): string {
  const found = findChromium(env);
  if (!found) throw new Error('PDF needs Chromium, Chrome or Edge: none was found; set LETTERDESK_CHROMIUM to its path');
  return found;
}

/** Two letters of a run with the same suggested name do not overwrite each other: 标题.docx, 标题 (2).docx. */
function uniqueIn(dir: string, name: string, used: Set<string>): string {
  const ext = path.extname(name);
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
  used.add(candidate);
  return path.join(dir, candidate);
}
