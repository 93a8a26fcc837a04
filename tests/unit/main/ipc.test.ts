import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../../../electron/shared/api';
import { channelOf } from '../../../electron/shared/bridge';
import { makeSenderCheck, registerIpc } from '../../../electron/main/ipc';
import { makeAppUrlCheck } from '../../../electron/main/security';
import { openCore, type Core } from '../../../electron/core/create-api';
import { makeTempDir } from '../../helpers/temp-dir';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const isAppUrl = makeAppUrlCheck();
const mainFrame = { url: 'app://letterdesk/index.html' };
const windowContents = { id: 7, mainFrame };
const trusted = { sender: { id: 7 }, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;

let core: Core;
let cleanup: () => void;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  core = openCore({ dataDir: t.dir });
});
afterEach(() => {
  core.close();
  cleanup();
});

describe('IPC registration', () => {
  it('registers exactly one handler per API method, and unregisters them', () => {
    const ipc = fakeIpcMain();
    const dispose = registerIpc(ipc as never, core.dispatch, () => true, () => {});
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('calls core for the trusted window and returns its envelope', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, core.dispatch, makeSenderCheck(() => windowContents, isAppUrl), () => {});
    const created = await ipc.handlers.get(channelOf('lettersCreate'))!(trusted, { title: '承诺书' });
    expect(created).toMatchObject({ ok: true, value: { title: '承诺书' } });
  });

  it('refuses an untrusted sender without calling core, and logs why', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn(core.dispatch);
    const log = vi.fn();
    registerIpc(ipc as never, dispatch, makeSenderCheck(() => windowContents, isAppUrl), log);
    const subFrame = { url: 'app://letterdesk/index.html' };
    const events = [
      { sender: { id: 8 }, senderFrame: mainFrame }, // another window
      { sender: { id: 7 }, senderFrame: subFrame }, // an iframe in our window
      { sender: { id: 7 }, senderFrame: null }, // frame gone (navigated away)
    ];
    for (const event of events) {
      const result = await ipc.handlers.get(channelOf('lettersCreate'))!(event as never, { title: 'x' });
      expect(result).toMatchObject({ ok: false, code: 'forbidden-sender' });
    }
    const foreignMain = { url: 'https://evil.example/' };
    const check = makeSenderCheck(() => ({ id: 7, mainFrame: foreignMain }), isAppUrl);
    expect(check({ sender: { id: 7 }, senderFrame: foreignMain } as never)).toBe(false);
    expect(makeSenderCheck(() => null, isAppUrl)(trusted)).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
    expect((await core.api.lettersList({})).total).toBe(0);
  });

  it('refuses invalid input from the trusted window with invalid-input', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, core.dispatch, () => true, () => {});
    const create = ipc.handlers.get(channelOf('lettersCreate'))!;
    expect(await create(trusted, { title: { toString: 'x' } })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await create(trusted)).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await create(trusted, { title: 'a' }, 'extra')).toMatchObject({ ok: false, code: 'invalid-input' });
    const get = ipc.handlers.get(channelOf('lettersGet'))!;
    expect(await get(trusted, { id: '1 OR 1=1' })).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});
