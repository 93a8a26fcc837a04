import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../shared/api';
import { channelOf } from '../shared/bridge';
import type { Envelope } from '../shared/errors';

export type Dispatch = (method: unknown, args: unknown) => Promise<Envelope<unknown>>;

/**
 * Registers one handler per API method. Each call is refused unless it comes from the main
 * frame of our own window showing our own page; the input is then validated by the shared
 * schema inside `dispatch` before any core code runs.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: (message: string) => void,
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        log(`IPC ${method} refused: untrusted sender ${safeUrl(event)}`);
        return { ok: false, code: 'forbidden-sender', message: 'Call refused: not from the Letterdesk window' };
      }
      return dispatch(method, args);
    });
  }
  return () => API_METHODS.forEach((m) => ipcMain.removeHandler(channelOf(m)));
}

function safeUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url?.slice(0, 200) ?? '(no frame)';
  } catch {
    return '(unknown)';
  }
}

/** Builds the sender check: the event must come from `getWindowContents()`'s main frame at an app URL. */
export function makeSenderCheck(
  getWindowContents: () => { id: number; mainFrame: unknown } | null,
  isAppUrl: (url: string) => boolean,
) {
  return (event: IpcMainInvokeEvent): boolean => {
    const contents = getWindowContents();
    if (!contents) return false;
    const frame = event.senderFrame;
    if (!frame || event.sender?.id !== contents.id) return false;
    if (frame !== contents.mainFrame) return false;
    return isAppUrl(frame.url);
  };
}
