/**
 * An error's code crosses the whole Electron path as envelope data (issue 10): the real core
 * behind main's real IPC registration, the real preload over a stubbed ipcRenderer and
 * contextBridge, and the page's real client (renderer/src/lib/api.ts) built on what the
 * preload exposed. The contextBridge stub copies values the way Electron does — a resolved
 * value is structured-cloned, a rejected Error keeps only its message — so a code that
 * travelled inside an Error would be lost here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { openCore, type Core } from '../../../electron/core/create-api';
import { registerIpc } from '../../../electron/main/ipc';
import type { LetterdeskBridge } from '../../../electron/shared/bridge';
import { errorCode } from '../../../electron/shared/errors';
import { makeTempDir } from '../../helpers/temp-dir';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as string[],
}));

/** What Electron's contextBridge does to a value crossing into the page's world. */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return async (...args: unknown[]) => {
      try {
        return structuredClone(await value(...args.map((a) => structuredClone(a))));
      } catch (err) {
        throw new Error(err instanceof Error ? err.message : String(err));
      }
    };
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, acrossBridge(v)]));
  return structuredClone(value);
}

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, acrossBridge(api)) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      electron.invoked.push(channel);
      const handler = electron.handlers.get(channel);
      // Electron rejects a call on a channel no handler was registered for.
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
      const event = { sender: { id: 1 }, senderFrame: { url: 'file:///app/index.html' } } as unknown as IpcMainInvokeEvent;
      return structuredClone(await handler(event, ...structuredClone(args)));
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

let core: Core;
let cleanup: () => void;
let dispose: () => void;
beforeEach(async () => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  core = openCore({ dataDir: t.dir });
  const ipcMain = { handle: (channel: string, h: Handler) => electron.handlers.set(channel, h), removeHandler: (c: string) => electron.handlers.delete(c) };
  dispose = registerIpc(ipcMain as never, core.dispatch, () => true, () => {});
  vi.resetModules();
  electron.exposed.clear();
  await import('../../../electron/preload/index');
  // What the page sees as window.letterdesk (in the page, window is globalThis).
  vi.stubGlobal('letterdesk', electron.exposed.get('letterdesk'));
});
afterEach(() => {
  vi.unstubAllGlobals();
  dispose();
  core.close();
  cleanup();
});

/** The page's client, built by the renderer's own module on the bridge the preload exposed. */
async function pageApi() {
  const { getApi } = await import('../../../renderer/src/lib/api');
  return getApi();
}

describe('the preload bridge', () => {
  it('exposes one invoke function and the menu-command subscription, nothing else', () => {
    expect([...electron.exposed.keys()].sort()).toEqual(['letterdesk', 'letterdeskMenu']);
    expect(Object.keys(electron.exposed.get('letterdesk') as object)).toEqual(['invoke']);
  });

  it('carries a value and an error code from core to the page client', async () => {
    const api = await pageApi();
    const letter = await api.lettersCreate({ title: '理赔服务承诺书' });
    expect(await api.lettersGet({ id: letter.id })).toMatchObject({ id: letter.id, title: '理赔服务承诺书' });
    expect(electron.invoked).toContain('letterdesk:lettersGet');

    const missing = await api.lettersGet({ id: 9999 }).catch((e: unknown) => e);
    // (A LetterdeskError of the page's own module instance: vi.resetModules() reloaded it.)
    expect(missing).toMatchObject({ name: 'LetterdeskError', code: 'not-found' });
    expect(errorCode(missing)).toBe('not-found');
    expect((missing as Error).message).not.toMatch(/^\[/);

    const invalid = await api.lettersCreate({ title: '   ' }).catch((e: unknown) => e);
    expect(errorCode(invalid)).toBe('invalid-input');
  });

  it('answers with an envelope, never a rejection, when a call cannot reach a handler', async () => {
    const bridge = electron.exposed.get('letterdesk') as LetterdeskBridge;
    expect(await bridge.invoke('noSuchMethod', [])).toMatchObject({ ok: false, code: 'internal' });
    expect(await bridge.invoke('letterdesk:command', [])).toMatchObject({ ok: false, code: 'unknown-method' });
    const api = await pageApi();
    const unknown = (api as unknown as Record<string, () => Promise<unknown>>)['noSuchMethod']!;
    expect(errorCode(await unknown().catch((e: unknown) => e))).toBe('internal');
  });
});
