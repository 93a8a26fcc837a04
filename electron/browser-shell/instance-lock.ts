/**
 * One browser-shell window per data folder. The first start writes `browser-shell.lock` (its pid)
 * into the data folder, created exclusively; a second start finds it, asks the first to bring its
 * window forward (by writing `browser-shell.raise`, which the first watches) and says where it runs.
 * A lock left by a process that is gone (a crash, a power cut) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'browser-shell.lock';
export const RAISE_FILE = 'browser-shell.raise';

export interface InstanceLock {
  release(): void;
  /** Calls `onRaise` whenever a second start asks for the window; returns the stop function. */
  watchRaise(onRaise: () => void): () => void;
}

export type LockResult = { acquired: true; lock: InstanceLock } | { acquired: false; pid: number };

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

export function acquireInstanceLock(dataDir: string, pid = process.pid): LockResult {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      return { acquired: true, lock: makeLock(dataDir, file, pid) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = 0;
    try {
      owner = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown }).pid);
    } catch {
      // Half-written by a start that is just now writing it, or damaged: look again shortly.
      const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < 2000) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
    }
    if (owner && owner !== pid && alive(owner)) {
      fs.writeFileSync(path.join(dataDir, RAISE_FILE), String(Date.now()));
      return { acquired: false, pid: owner };
    }
    fs.rmSync(file, { force: true }); // stale: its process is gone
  }
  throw new Error(`could not take the lock ${file}`);
}

function makeLock(dataDir: string, file: string, pid: number): InstanceLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        const owner = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown }).pid);
        if (owner === pid) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
    watchRaise(onRaise) {
      const raise = path.join(dataDir, RAISE_FILE);
      let last = fs.statSync(raise, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      // Polling the file's time works on every file system (fs.watch misses events on some).
      const timer = setInterval(() => {
        const now = fs.statSync(raise, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        if (now > last) {
          last = now;
          onRaise();
        }
      }, 300);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
