/** Timing helpers for `npm run bench`: p50/p95/max over repeated runs, in milliseconds. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

export async function time(runs: number, fn: (i: number) => unknown | Promise<unknown>, warmup = 20): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(samples);
}

export interface Row {
  what: string;
  /** Timing rows; a row with only `result` reports an outcome instead (e.g. a crash run). */
  stats?: Stats;
  result?: string;
  target?: number;
  note?: string;
}

export function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
}

export function tableOf(rows: Row[]): string {
  const lines = [
    '| measure | runs | p50 ms | p95 ms | max ms | target p95 | met |',
    '|---|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const r of rows) {
    if (!r.stats) {
      lines.push(`| ${r.what} | ${r.result ?? ''} |  |  |  |  |  |`);
      continue;
    }
    const met = r.target === undefined ? '' : r.stats.p95 <= r.target ? 'yes' : '**no**';
    lines.push(
      `| ${r.what}${r.note ? ` (${r.note})` : ''} | ${r.stats.n} | ${fmt(r.stats.p50)} | ${fmt(r.stats.p95)} | ${fmt(r.stats.max)} | ${r.target === undefined ? '' : `≤ ${r.target}`} | ${met} |`,
    );
  }
  return lines.join('\n');
}
