import { afterEach, beforeEach } from 'vitest';
import { openCore, type Core, type ApiDeps } from '../../electron/core/create-api';
import { makeFakeClock, makeTempDir } from './temp-dir';

export interface TempCore {
  core: Core;
  dir: string;
  clock: ReturnType<typeof makeFakeClock>;
  /** The fake clock's time as an ISO string. */
  now(): string;
}

/**
 * A real core over a fresh SQLite file in a temp folder for each test, with a fake clock.
 * Read the fields inside tests (they are replaced before each one).
 */
export function useTempCore(options: Omit<ApiDeps, 'store' | 'dataDir' | 'clock'> = {}): TempCore {
  const ctx = { now: () => ctx.clock.now().toISOString() } as TempCore;
  let cleanup: () => void = () => {};
  beforeEach(() => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    ctx.dir = t.dir;
    ctx.clock = makeFakeClock();
    ctx.core = openCore({ ...options, dataDir: t.dir, clock: ctx.clock });
  });
  afterEach(() => {
    ctx.core.close();
    cleanup();
  });
  return ctx;
}
