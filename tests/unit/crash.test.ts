/**
 * Nothing acknowledged is lost on a crash (DESIGN §4): a child process saves drafts in a
 * tight loop and is SIGKILLed at random moments, over and over on the same data folder.
 * After every kill the database must pass integrity_check and hold at least the last
 * acknowledged save (at most one more: a commit whose ack was never written).
 *
 * A SIGKILL loses the process, not the OS page cache, so this proves transactional
 * atomicity and ordering of our writes, not power-loss durability (that is synchronous=FULL).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-db';
import { createVersionStore } from '../../electron/core/versions/version-store';
import { ACK, counterOf } from '../helpers/crash-writer';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const WRITER = path.join(ROOT, 'tests/helpers/crash-writer.ts');
// 24 in the suite; `npm run bench` runs it again with CRASH_KILLS=100.
const KILLS = Number(process.env['CRASH_KILLS'] ?? 24);

/** Small seeded PRNG (mulberry32) so a failing run can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  acks: number[];
  stderr: string;
}

/**
 * Starts the writer and kills it `delayMs` after its first ack ('ack' mode) or after it
 * reports ready, i.e. possibly before any save ('ready' mode).
 */
function runAndKill(dataDir: string, mode: 'ack' | 'ready', delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && (mode === 'ready' ? /^ready /m : /^ack /m).test(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed (${signal}): ${stderr}`));
      const acks = out
        .split('\n')
        .map((line) => ACK.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]));
      resolve({ acks, stderr });
    });
  });
}

const tmp = makeTempDir('letterdesk-crash-');
afterAll(() => tmp.cleanup());

describe('crash safety of draft saves', () => {
  it(`keeps every acknowledged save across ${KILLS} SIGKILLs at random moments`, async () => {
    const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
    const random = prng(seed);
    let lastAck = 0;
    let totalAcks = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const mode = kill % 3 === 2 ? 'ready' : 'ack';
      const delay = Math.floor(random() * (mode === 'ready' ? 60 : 150));
      const run = await runAndKill(tmp.dir, mode, delay);
      const context = `seed ${seed}, kill ${kill} (${mode} + ${delay} ms)`;
      // Node's own warnings ("(node:123) …") are not the writer failing.
      expect(run.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('(node:')), context).toEqual([]);
      // Acks of one run are consecutive and continue from what was stored.
      run.acks.forEach((n, i) => expect(n, context).toBe(i === 0 ? n : run.acks[i - 1]! + 1));
      if (run.acks.length) {
        expect(run.acks[0]!, context).toBeGreaterThan(lastAck);
        lastAck = run.acks[run.acks.length - 1]!;
        totalAcks += run.acks.length;
      }

      const db = openDatabase(tmp.dir);
      try {
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        const { letters, versions } = createVersionStore(db);
        const page = letters.list({ limit: 1 });
        if (page.total === 0) continue; // killed before the letter was created
        const id = page.items[0]!.id;
        const stored = counterOf(letters.getContent(id).content);
        expect(stored, context).toBeGreaterThanOrEqual(lastAck);
        expect(stored, context).toBeLessThanOrEqual(lastAck + 1);
        lastAck = stored; // an unacknowledged but committed save is the new floor
        // Every version is whole: its content still hashes to its hash, seqs have no holes.
        const list = versions.list(id);
        expect(list.map((v) => v.seq), context).toEqual(list.map((_, i) => list.length - i));
        for (const v of list) expect(versions.verify(id, v.seq), `${context}, v${v.seq}`).toBe(true);
      } finally {
        db.close();
      }
    }
    expect(totalAcks).toBeGreaterThan(KILLS);
  }, 60_000 + KILLS * 2_000);
});
