/**
 * What core asks of the shell it runs in: time, file dialogs, a printer and a PDF renderer.
 * Electron's main process passes its own (electron/main/dialogs.ts, print.ts), the CLI answers
 * from the command line, tests pass ports that return test paths.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** File dialogs; tests pass a port that returns test paths. A null path means cancelled. */
export interface DialogsPort {
  saveFile(options: { defaultName: string; filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
  openFile(options: { filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Asks for a folder (the backup folder, issue 11); null when cancelled. Optional: the CLI has none. */
  chooseFolder?(options: { defaultPath?: string }): Promise<string | null>;
  /** Shows a file in the system file manager (optional: the CLI has none). */
  revealFile?(filePath: string): Promise<void>;
}

/** A shell without dialogs: every question is answered "cancelled". */
export const noDialogs: DialogsPort = {
  saveFile: async () => null,
  openFile: async () => null,
};

/** Sends print HTML to the printer (Electron: a hidden window's print dialog). */
export interface PrinterPort {
  print(html: string, title: string): Promise<boolean>;
}

/** Renders print HTML to a PDF file: Electron's printToPDF in the app, Chromium headless in the CLI and tests. */
export interface PdfPort {
  renderPdf(html: string, outPath: string): Promise<void>;
}
