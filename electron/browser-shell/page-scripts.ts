/**
 * Scripts the browser shell puts into every document of the app window before the page's own
 * code runs (Page.addScriptToEvaluateOnNewDocument; DevTools scripts are not subject to the page's CSP).
 *
 * BRIDGE_SCRIPT, in the page's own world: `window.letterdesk.invoke(method, args)` and
 * `window.letterdeskMenu.onCommand` — the same shape as the Electron preload. A call crosses as one
 * JSON string through the DevTools binding; the shell answers with the call's envelope, so an error
 * is envelope data here too, never a rejection.
 *
 * Closing the window as the Electron shell does: the first close (the window's close button,
 * Ctrl+W, a quit) is held by a beforeunload prompt the shell answers "stay", the shell sends
 * 'before-close', the page saves what is pending and calls window.close(), which here asks the
 * shell to close the window for good. Reload keys are off (the Electron app has no reload either):
 * a reload by the browser would look like a close to the shell. The page's own location.reload()
 * (after restoring a backup or importing an archive) is let through.
 *
 * The file dialog lives in a world of its own (FILE_DIALOG_WORLD): its binding, which lists folders,
 * does not exist in the page's world, and its DOM is a closed shadow root.
 */

export const INVOKE_BINDING = '__letterdeskInvoke';
export const REPLY_FUNCTION = '__letterdeskReply';
export const COMMAND_FUNCTION = '__letterdeskCommand';
/** The page asks to close its window (App.svelte calls window.close() once 'before-close' has saved everything). */
export const CLOSE_BINDING = '__letterdeskClose';
export const FILE_DIALOG_WORLD = 'letterdesk-shell';
export const FILE_DIALOG_BINDING = '__letterdeskShellFs';
export const FILE_DIALOG_OBJECT = '__letterdeskShellDialog';

export const BRIDGE_SCRIPT = `(() => {
  if (globalThis.letterdesk) return;
  const METHOD_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;
  const pending = new Map();
  let nextId = 1;
  const invoke = (method, args) => {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) return Promise.resolve({ ok: false, code: 'unknown-method', message: 'Unknown API method: ' + String(method).slice(0, 80) });
    if (!Array.isArray(args)) return Promise.resolve({ ok: false, code: 'invalid-input', message: method + ': the arguments are not a list' });
    return new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      try {
        globalThis[${JSON.stringify(INVOKE_BINDING)}](JSON.stringify({ id, method, args }));
      } catch (err) {
        pending.delete(id);
        resolve({ ok: false, code: 'internal', message: method + ': ' + (err && err.message ? err.message : String(err)) });
      }
    });
  };
  Object.defineProperty(globalThis, ${JSON.stringify(REPLY_FUNCTION)}, {
    value: (id, envelope) => {
      const resolve = pending.get(id);
      if (resolve) {
        pending.delete(id);
        resolve(envelope);
      }
    },
  });
  const listeners = new Set();
  let closing = false;
  Object.defineProperty(globalThis, ${JSON.stringify(COMMAND_FUNCTION)}, {
    value: (command) => {
      if (command === 'before-close') closing = true;
      for (const listener of [...listeners]) listener(command);
    },
  });
  // The page's own reload (location.reload() after a restore or an import) is not a close: the
  // Navigation API names it before beforeunload runs.
  let reloading = false;
  globalThis.navigation?.addEventListener('navigate', (event) => {
    if (event.navigationType === 'reload' && !event.userInitiated) reloading = true;
  });
  addEventListener('beforeunload', (event) => {
    if (closing || reloading) return;
    event.preventDefault();
    event.returnValue = '';
  });
  addEventListener(
    'keydown',
    (event) => {
      const key = event.key.toLowerCase();
      if (key === 'f5' || ((event.ctrlKey || event.metaKey) && key === 'r')) event.preventDefault();
    },
    true,
  );
  Object.defineProperty(globalThis, 'close', {
    value: () => {
      try {
        globalThis[${JSON.stringify(CLOSE_BINDING)}]('close');
      } catch {}
    },
  });
  Object.defineProperty(globalThis, 'letterdesk', { value: Object.freeze({ invoke }), enumerable: true });
  Object.defineProperty(globalThis, 'letterdeskMenu', {
    value: Object.freeze({
      onCommand(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
    enumerable: true,
  });
})();`;

/**
 * The in-app file dialog (saving and opening real files): a folder list, a name box that also takes
 * a whole path, 上一级, 取消 and 保存/打开. Every decision (which folder, does the file exist,
 * replace it?) is the shell's, in Node; this script only shows what the shell sends.
 */
export const FILE_DIALOG_SCRIPT = `(() => {
  if (globalThis.${FILE_DIALOG_OBJECT}) return;
  const send = (message) => globalThis[${JSON.stringify(FILE_DIALOG_BINDING)}](JSON.stringify(message));
  let ui = null;
  const css = \`
    :host { all: initial; }
    .overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 20, 20, 0.35); display: flex; align-items: center; justify-content: center; font: 14px system-ui, "Noto Sans CJK SC", sans-serif; color: #1f1f1f; }
    .box { background: #fff; width: min(640px, 92vw); max-height: 86vh; display: flex; flex-direction: column; gap: 8px; padding: 16px; border-radius: 8px; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.25); }
    h2 { margin: 0; font-size: 16px; }
    .where { display: flex; gap: 8px; align-items: center; }
    .path { flex: 1; overflow-wrap: anywhere; color: #555; font-size: 13px; }
    ul { list-style: none; margin: 0; padding: 0; border: 1px solid #ccc; border-radius: 4px; overflow: auto; min-height: 200px; max-height: 50vh; }
    li button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 4px 8px; cursor: default; }
    li button:hover, li button:focus { background: #e8eef9; outline: none; }
    .dir::before { content: "📁 "; }
    .name { display: flex; gap: 8px; align-items: center; }
    input { flex: 1; font: inherit; padding: 4px 6px; }
    .message { min-height: 1.2em; color: #b00020; font-size: 13px; }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; }
    button.action { font: inherit; padding: 4px 14px; }
  \`;
  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    for (const child of children) node.append(child);
    return node;
  };
  function close() {
    if (ui) ui.host.remove();
    ui = null;
  }
  function open(request) {
    close();
    const host = el('letterdesk-file-dialog');
    const root = host.attachShadow({ mode: 'closed' });
    const title = el('h2', { textContent: request.title });
    const pathLine = el('span', { className: 'path' });
    const up = el('button', { className: 'action', type: 'button', textContent: '上一级' });
    const list = el('ul', { role: 'listbox' });
    list.setAttribute('aria-label', '文件夹内容');
    const input = el('input', { type: 'text', value: request.name || '', spellcheck: false });
    input.setAttribute('aria-label', '文件名');
    const message = el('div', { className: 'message', role: 'alert' });
    const cancel = el('button', { className: 'action', type: 'button', textContent: '取消' });
    const ok = el('button', { className: 'action', type: 'button', textContent: request.mode === 'save' ? '保存' : request.mode === 'folder' ? '选择此文件夹' : '打开' });
    const box = el('div', { className: 'box' }, [
      title,
      el('div', { className: 'where' }, [up, pathLine]),
      list,
      el('label', { className: 'name' }, [el('span', { textContent: '文件名' }), input]),
      message,
      el('div', { className: 'buttons' }, [cancel, ok]),
    ]);
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', request.title);
    root.append(el('style', { textContent: css }), el('div', { className: 'overlay' }, [box]));
    ui = { host, id: request.id, dir: request.dir, pathLine, list, input, message };
    up.addEventListener('click', () => send({ id: request.id, op: 'list', dir: ui.dir, name: '..' }));
    cancel.addEventListener('click', () => send({ id: request.id, op: 'cancel' }));
    ok.addEventListener('click', () => send({ id: request.id, op: 'choose', dir: ui.dir, name: input.value }));
    input.addEventListener('input', () => (message.textContent = ''));
    // Keys stay in the dialog: the page's shortcuts (Ctrl+N, …) must not act behind it.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) send({ id: request.id, op: 'choose', dir: ui.dir, name: input.value });
    });
    host.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') send({ id: request.id, op: 'cancel' });
    });
    host.addEventListener('keyup', (event) => event.stopPropagation());
    host.addEventListener('keypress', (event) => event.stopPropagation());
    document.documentElement.append(host);
    input.focus();
    input.select();
  }
  function show(listing) {
    if (!ui || listing.id !== ui.id) return;
    ui.dir = listing.dir;
    ui.pathLine.textContent = listing.dir;
    ui.list.replaceChildren(
      ...listing.entries.map((entry) => {
        const button = el('button', { type: 'button', className: entry.dir ? 'dir' : 'file', textContent: entry.name });
        button.setAttribute('role', 'option');
        if (entry.dir) button.addEventListener('dblclick', () => send({ id: ui.id, op: 'list', dir: ui.dir, name: entry.name }));
        else button.addEventListener('dblclick', () => send({ id: ui.id, op: 'choose', dir: ui.dir, name: entry.name }));
        button.addEventListener('click', () => {
          if (entry.dir) send({ id: ui.id, op: 'list', dir: ui.dir, name: entry.name });
          else ui.input.value = entry.name;
        });
        return el('li', {}, [button]);
      }),
    );
    if (listing.name !== undefined) ui.input.value = listing.name;
    ui.message.textContent = listing.message || '';
    ui.input.focus();
  }
  Object.defineProperty(globalThis, ${JSON.stringify(FILE_DIALOG_OBJECT)}, {
    value: Object.freeze({ open, show, close }),
  });
})();`;
