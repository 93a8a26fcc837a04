/**
 * Chromium's DevTools protocol over `--remote-debugging-pipe`: the browser reads commands on
 * its fd 3 and writes replies and events on its fd 4, each a NUL-terminated JSON message. No
 * port is opened and no library is needed. Used by the PDF renderer (export/render-pdf.ts) and
 * by the browser shell (electron/browser-shell), which start the browser with
 * `stdio: [..., 'pipe', 'pipe']` and pass the child here.
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface CdpConnection {
  /** Sends one command; resolves with its result, rejects with the browser's error, on exit or after `timeoutMs` (0: no limit). */
  send(method: string, params?: Record<string, unknown>, sessionId?: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Every event (a message without an id); returns the unsubscribe function. */
  onEvent(listener: (message: CdpMessage) => void): () => void;
  /** The next event `method` of `sessionId` for which `accept` holds. */
  nextEvent(method: string, sessionId: string | undefined, accept?: (params: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Set once the browser is gone (or the pipe failed). */
  readonly exited: Error | null;
}

export const DEFAULT_STEP_TIMEOUT_MS = 120_000;

/** Wraps a child started with fds 3 and 4 as pipes; `stderrTail` names the browser's last words in the exit error. */
export function connectCdpPipe(child: ChildProcess, options: { stepTimeoutMs?: number; stderrTail?: () => string } = {}): CdpConnection {
  const stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  let exited: Error | null = null;
  const pending = new Map<number, { resolve: (m: CdpMessage) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(m: CdpMessage) => void>();
  const failAll = (err: Error) => {
    exited ??= err;
    for (const p of pending.values()) p.reject(exited);
    pending.clear();
  };
  child.on('error', (err) => failAll(err));
  child.on('exit', (code, signal) => {
    const tail = options.stderrTail?.().trim().split('\n').slice(-3).join(' ') ?? '';
    failAll(new Error(`Chromium exited (${signal ?? code})${tail ? `: ${tail}` : ''}`));
  });
  toBrowser.on('error', () => {}); // reported through 'exit'

  // Messages are NUL-terminated JSON; a large reply (a PDF) arrives as one message of many chunks.
  let parts: string[] = [];
  const deliver = (text: string) => {
    let message: CdpMessage;
    try {
      message = JSON.parse(text) as CdpMessage;
    } catch {
      return; // not ours to answer; a reply we wait for times out with a clear message
    }
    const waiter = message.id !== undefined ? pending.get(message.id) : undefined;
    if (waiter) {
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(`Chromium: ${message.error.message}`));
      else waiter.resolve(message);
    } else if (message.id === undefined) for (const listener of [...listeners]) listener(message);
  };
  fromBrowser.setEncoding('utf8'); // keeps a character split across chunks whole
  fromBrowser.on('data', (chunk: string) => {
    let start = 0;
    for (let end = chunk.indexOf('\0'); end >= 0; end = chunk.indexOf('\0', start)) {
      parts.push(chunk.slice(start, end));
      deliver(parts.join(''));
      parts = [];
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  });

  const send: CdpConnection['send'] = (method, params = {}, sessionId, timeoutMs = stepTimeoutMs) => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    const reply = new Promise<CdpMessage>((resolve, reject) => pending.set(id, { resolve, reject }));
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }) + '\0');
    return withTimeout(reply, method, timeoutMs).then((m) => m.result ?? {});
  };
  const onEvent: CdpConnection['onEvent'] = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const nextEvent: CdpConnection['nextEvent'] = (method, sessionId, accept = () => true, timeoutMs = stepTimeoutMs) => {
    let off!: () => void;
    const event = new Promise<Record<string, unknown>>((resolve) => {
      off = onEvent((m) => {
        if (m.method === method && m.sessionId === sessionId && accept(m.params ?? {})) resolve(m.params ?? {});
      });
    });
    return withTimeout(event, method, timeoutMs).finally(off);
  };
  return {
    send,
    onEvent,
    nextEvent,
    get exited() {
      return exited;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, what: string, ms: number): Promise<T> {
  if (!ms) return promise;
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Chromium did not answer ${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
