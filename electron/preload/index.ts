/**
 * The only bridge between page and main: the typed API client over ipcRenderer.invoke,
 * and a subscription to menu commands. Nothing else (no ipcRenderer, no Node) reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf } from '../shared/api';
import { makeClient } from '../shared/client';
import type { Envelope } from '../shared/errors';
import { SHELL_COMMAND_CHANNEL, isShellCommand, type LetterdeskShell, type ShellCommand } from '../shared/shell';

const api = makeClient((method, args) => ipcRenderer.invoke(channelOf(method), ...args) as Promise<Envelope<unknown>>);

const shellBridge: LetterdeskShell = {
  onCommand(listener: (command: ShellCommand) => void) {
    const handler = (_event: unknown, command: unknown) => {
      if (isShellCommand(command)) listener(command);
    };
    ipcRenderer.on(SHELL_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(SHELL_COMMAND_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('letterdesk', api);
contextBridge.exposeInMainWorld('letterdeskShell', shellBridge);
