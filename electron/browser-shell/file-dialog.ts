/**
 * The browser shell's DialogsPort: an in-app file dialog (page-scripts.ts draws it in the page)
 * with every decision made here, in Node — which folder is listed, what a typed name means, whether
 * a file exists and may be replaced. Saving and opening reach real files the user picks; nothing
 * goes to a fixed folder. One dialog at a time; a second request waits for the first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialogsPort } from '../core/ports';

type Filters = { name: string; extensions: string[] }[] | undefined;

export interface DialogRequest {
  id: number;
  mode: 'save' | 'open' | 'folder';
  title: string;
  dir: string;
  name: string;
}

export interface DialogListing {
  id: number;
  dir: string;
  entries: { name: string; dir: boolean }[];
  name?: string;
  message?: string;
}

/** How the dialog reaches the page (the shell evaluates in the dialog's world). */
export interface DialogView {
  open(request: DialogRequest): Promise<void>;
  show(listing: DialogListing): Promise<void>;
  close(): Promise<void>;
}

export type DialogMessage = { id?: unknown; op?: unknown; dir?: unknown; name?: unknown };

interface Current {
  id: number;
  mode: 'save' | 'open' | 'folder';
  filters: Filters;
  dir: string;
  confirm: string | null;
  resolve: (file: string | null) => void;
}

function extensionsOf(filters: Filters): string[] | null {
  const all = (filters ?? []).flatMap((f) => f.extensions.map((e) => e.toLowerCase().replace(/^\./, '')));
  return all.length === 0 || all.includes('*') ? null : all;
}

/** Whether a file name ends in one of the extensions (which may have two parts: ldtpl.json). */
function matches(name: string, exts: string[]): boolean {
  const lower = name.toLowerCase();
  return exts.some((e) => lower.endsWith(`.${e}`));
}

/** A folder's sub-folders, then its files (only those the filters take), hidden ones left out. */
export function listFolder(dir: string, filters: Filters, foldersOnly = false): { name: string; dir: boolean }[] {
  const exts = extensionsOf(filters);
  const entries: { name: string; dir: boolean }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) isDir = fs.statSync(path.join(dir, entry.name), { throwIfNoEntry: false })?.isDirectory() ?? false;
    if (!isDir && foldersOnly) continue;
    if (!isDir && exts && !matches(entry.name, exts)) continue;
    entries.push({ name: entry.name, dir: isDir });
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return entries.sort((a, b) => (a.dir === b.dir ? collator.compare(a.name, b.name) : a.dir ? -1 : 1));
}

export interface FileDialogs {
  port: DialogsPort;
  /** A message from the dialog in the page (through the dialog world's binding). */
  handle(message: DialogMessage): Promise<void>;
  /** The window went away: any open question is answered "cancelled". */
  cancelAll(): void;
}

export function createFileDialogs(view: DialogView, options: { startDir?: string; platform?: NodeJS.Platform } = {}): FileDialogs {
  const home = os.homedir();
  const documents = path.join(home, 'Documents');
  let lastDir = options.startDir ?? (fs.existsSync(documents) ? documents : home);
  let nextId = 1;
  let current: Current | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const expand = (dir: string, name: string) => path.resolve(dir, name.startsWith('~') ? path.join(home, name.slice(1)) : name);
  const finish = async (file: string | null) => {
    const done = current;
    current = null;
    await view.close().catch(() => {});
    done?.resolve(file);
  };
  const listing = (dir: string, extra: Partial<DialogListing> = {}): DialogListing => ({ id: current!.id, dir, entries: listFolder(dir, current!.filters, current!.mode === 'folder'), ...extra });

  const ask = (mode: 'save' | 'open' | 'folder', title: string, name: string, filters: Filters): Promise<string | null> => {
    const run = queue.then(
      () =>
        new Promise<string | null>((resolve) => {
          const id = nextId++;
          const dir = mode === 'folder' && name && fs.statSync(name, { throwIfNoEntry: false })?.isDirectory() ? path.resolve(name) : fs.existsSync(lastDir) ? lastDir : home;
          current = { id, mode, filters, dir, confirm: null, resolve };
          view
            .open({ id, mode, title, dir, name: mode === 'folder' ? '' : name })
            .then(() => view.show(listing(dir)))
            .catch(() => void finish(null));
        }),
    );
    queue = run.catch(() => null);
    return run;
  };

  const port: DialogsPort = {
    saveFile: ({ defaultName, filters }) => ask('save', '保存文件 Save', path.basename(defaultName), filters),
    openFile: ({ filters }) => ask('open', '打开文件 Open', '', filters),
    chooseFolder: ({ defaultPath }) => ask('folder', '选择文件夹 Choose a folder', defaultPath ?? '', undefined),
    revealFile: async (filePath) => {
      const platform = options.platform ?? process.platform;
      const [cmd, args] = platform === 'win32' ? ['explorer.exe', [`/select,${filePath}`]] : platform === 'darwin' ? ['open', ['-R', filePath]] : ['xdg-open', [path.dirname(filePath)]];
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
      child.on('error', () => {}); // no file manager: nothing to show
      child.unref();
    },
  };

  const handle = async (message: DialogMessage): Promise<void> => {
    if (!current || message.id !== current.id) return;
    const dir = typeof message.dir === 'string' ? message.dir : current.dir;
    const name = typeof message.name === 'string' ? message.name.trim() : '';
    try {
      if (message.op === 'cancel') return await finish(null);
      if (message.op === 'list') {
        const target = expand(dir, name || '.');
        current.dir = target;
        return await view.show(listing(target));
      }
      if (message.op !== 'choose') return;
      if (current.mode === 'folder') {
        const folder = expand(dir, name || '.');
        if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return await view.show(listing(dir, { message: `文件夹不存在：${folder}。No such folder.` }));
        return await finish(folder);
      }
      if (!name) return await view.show(listing(dir, { message: '请输入文件名。Type a file name.' }));
      let target = expand(dir, name);
      const stat = fs.statSync(target, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        current.dir = target;
        return await view.show(listing(target, { name: current.mode === 'save' ? '' : undefined }));
      }
      const exts = extensionsOf(current.filters);
      if (current.mode === 'open') {
        if (!stat) return await view.show(listing(dir, { message: `文件不存在：${target}。No such file.` }));
        if (exts && !matches(target, exts)) {
          return await view.show(listing(dir, { message: `请选择 ${exts.map((e) => '.' + e).join(' / ')} 文件。Choose a ${exts.join('/')} file.` }));
        }
      } else {
        if (exts && !matches(target, exts) && !path.extname(target)) target += `.${exts[0]}`;
        const parent = fs.statSync(path.dirname(target), { throwIfNoEntry: false });
        if (!parent?.isDirectory()) return await view.show(listing(dir, { message: `文件夹不存在：${path.dirname(target)}。No such folder.` }));
        if (fs.existsSync(target) && current.confirm !== target) {
          current.confirm = target;
          return await view.show(listing(dir, { message: `“${path.basename(target)}”已存在，再按一次保存将替换它。It exists; press Save again to replace it.` }));
        }
      }
      lastDir = path.dirname(target);
      await finish(target);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      await view.show(listing(fs.existsSync(current?.dir ?? '') ? current!.dir : home, { message: `无法读取：${text}` })).catch(() => {});
    }
  };

  return {
    port,
    handle,
    cancelAll: () => void finish(null),
  };
}
