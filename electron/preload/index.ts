/**
 * The only bridge between page and main: `invoke(method, args)` resolving with the call's
 * envelope, and a subscription to menu commands. The page builds its typed client on `invoke`
 * (renderer/src/lib/api.ts), so an error's code crosses contextBridge as envelope data — an
 * Error thrown across contextBridge would keep only its message. Nothing else (no ipcRenderer,
 * no Node) reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type Invoke, type LetterdeskBridge } from '../shared/bridge';
import { MENU_COMMAND_CHANNEL, isMenuCommand, type MenuCommand, type MenuCommandSource } from '../shared/menu-commands';

// A method name is a plain identifier; anything else never reaches a channel.
const METHOD_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

const invoke: Invoke = async (method, args) => {
  if (typeof method !== 'string' || !METHOD_NAME.test(method)) return { ok: false, code: 'unknown-method', message: `Unknown API method: ${String(method).slice(0, 80)}` };
  if (!Array.isArray(args)) return { ok: false, code: 'invalid-input', message: `${method}: the arguments are not a list` };
  try {
    // Main answers every call with an envelope; a rejection means the call never reached a handler.
    return await ipcRenderer.invoke(channelOf(method), ...args);
  } catch (err) {
    return { ok: false, code: 'internal', message: `${method}: ${err instanceof Error ? err.message : String(err)}` };
  }
};

const menu: MenuCommandSource = {
  onCommand(listener: (command: MenuCommand) => void) {
    const handler = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
  },
};

const bridge: LetterdeskBridge = { invoke };

contextBridge.exposeInMainWorld('letterdesk', bridge);
contextBridge.exposeInMainWorld('letterdeskMenu', menu);
