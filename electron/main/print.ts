import { BrowserWindow, session } from 'electron';
import type { PdfPort, PrinterPort } from '../core/ports';
import { pdfInfoOfPrintHtml, withPdfInfo, writeFileAtomic } from '../core/export';

const PRINT_PARTITION = 'letterdesk-print';

/**
 * Print HTML is shown in a hidden window of its own in-memory session: no scripts, no
 * preload, and every request refused except the page itself (a data: URL).
 */
function printSession() {
  const s = session.fromPartition(PRINT_PARTITION, { cache: false });
  s.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:text/html') }));
  return s;
}

async function withPrintWindow<T>(html: string, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession(), javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await work(win);
  } finally {
    win.destroy();
  }
}

/** PDF through Electron's printToPDF; the HTML's @page rule sets size and margins. */
export const electronPdf: PdfPort = {
  renderPdf: (html, outPath) =>
    withPrintWindow(html, async (win) => {
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      // printToPDF writes only the Title; author, subject and creator are added (pdf-info.ts).
      writeFileAtomic(outPath, withPdfInfo(pdf, pdfInfoOfPrintHtml(html)));
    }),
};

/** The system print dialog for the same HTML. */
export const electronPrinter: PrinterPort = {
  print: (html) =>
    withPrintWindow(
      html,
      (win) => new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success))),
    ),
};
