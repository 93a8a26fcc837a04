import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's settings. Security flags are fixed here, in one place, and tested:
 * the page gets no Node, an isolated world and Chromium's sandbox.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: '函件台 Letterdesk',
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
      safeDialogs: true,
      // Middle-click opens no window (window.open is denied too: security.ts); checklist #14.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
