import { dialog, shell, type BrowserWindow } from 'electron';
import type { DialogsPort } from '../core/ports';

/** The core's dialogs port over Electron's native file dialogs. */
export function electronDialogs(getWindow: () => BrowserWindow | null): DialogsPort {
  return {
    async saveFile({ defaultName, filters }) {
      const win = getWindow();
      const opts = { defaultPath: defaultName, filters };
      const result = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile({ filters }) {
      const win = getWindow();
      const opts = { filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    async chooseFolder({ defaultPath }) {
      const win = getWindow();
      const opts = { defaultPath, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    async revealFile(filePath) {
      shell.showItemInFolder(filePath);
    },
  };
}
