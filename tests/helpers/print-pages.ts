/**
 * Reading a rendered PDF page by page for the print-fidelity tests (issue #14): the words
 * with their boxes (pdftotext -bbox), the horizontal rules a page draws (pdftocairo -svg —
 * blanks are underlines, not text), and where each signing label's blank sits.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FieldDef } from '../../electron/shared/fields';
import type { Block, Run } from '../../electron/shared/letter-model';
import { handwrittenKey } from '../../electron/core/export/layout';
import { signingSegments } from '../../electron/core/export/signing-area';
import { squash } from './render-docx';

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** The words of every page, with their boxes in points from the top left. */
export function pdfWords(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: decode(m[5]!),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

export interface Rule {
  x1: number;
  x2: number;
  y: number;
}

/**
 * The horizontal rules page `page` (1-based) draws, joined where they touch: LibreOffice
 * strokes an underline per character, Chromium fills a thin rectangle per border.
 */
export function pdfRules(pdf: string, page: number, scratch: string): Rule[] {
  const out = path.join(scratch, `${path.basename(pdf, '.pdf')}-p${page}.svg`);
  execFileSync('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, out]);
  const svg = fs.readFileSync(out, 'utf8');
  const body = svg.slice(svg.lastIndexOf('</defs>'));
  const rules: Rule[] = [];
  for (const m of body.matchAll(/<path ([^>]*)\/>/g)) {
    const attrs = m[1]!;
    const d = /\sd="([^"]*)"/.exec(` ${attrs}`)?.[1];
    if (!d) continue;
    const t = /transform="matrix\(([^)]*)\)"/.exec(attrs)?.[1]?.split(',').map(Number) ?? [1, 0, 0, 1, 0, 0];
    const points = [...d.matchAll(/[ML] ([-\d.e]+) ([-\d.e]+)/g)].map((p) => {
      const x = Number(p[1]);
      const y = Number(p[2]);
      return { x: t[0]! * x + t[2]! * y + t[4]!, y: t[1]! * x + t[3]! * y + t[5]! };
    });
    if (points.length < 2) continue;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    const stroked = /stroke:rgb/.test(attrs) && !/stroke:none/.test(attrs);
    if ((stroked && height < 0.1 && width > 0.5) || (!stroked && height > 0 && height < 2 && width > 2)) {
      rules.push({ x1: Math.min(...xs), x2: Math.max(...xs), y: (Math.max(...ys) + Math.min(...ys)) / 2 });
    }
  }
  rules.sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const joined: Rule[] = [];
  for (const r of rules) {
    const last = joined[joined.length - 1];
    if (last && Math.abs(last.y - r.y) < 0.6 && r.x1 <= last.x2 + 1) last.x2 = Math.max(last.x2, r.x2);
    else joined.push({ ...r });
  }
  return joined;
}

/** What a signing blank must show on paper: its label (as printed, whole), and how it sits. */
export interface SigningExpectation {
  /** The label right before the blank, whitespace removed; '' when a blank follows a blank. */
  label: string;
  /** On the label's line, or on the line under it (the label too long to share a line). */
  below: boolean;
  /** Least length of the rule, in ems of the body size. */
  minEms: number;
  /** A handwritten date: 年 月 日 on the rule's line. */
  date: boolean;
}

/** The expectations for every handwritten blank of the (already fitted) signature tables. */
export function signingExpectations(blocks: readonly Block[], defs: ReadonlyMap<string, FieldDef>): SigningExpectation[] {
  const out: SigningExpectation[] = [];
  for (const b of blocks) {
    if (b.type !== 'table' || b.kind !== 'signature') continue;
    for (const row of b.rows)
      for (const cell of row.cells)
        for (const p of cell.paragraphs) {
          for (const seg of signingSegments(p.runs, defs)) {
            if (!seg.unit.length) continue;
            const afterBreak = lastLine(seg.label);
            const below = seg.unit.length > 0 && seg.label.length > 0 && seg.label[seg.label.length - 1]!.lineBreak === true;
            const label = squash((below ? lastLine(seg.label.slice(0, -1)) : afterBreak).map((r) => r.text).join(''));
            const key = handwrittenKey(seg.unit[0]!, defs)!;
            const date = defs.get(key)?.options?.mark === 'date';
            out.push({ label, below, minEms: date ? 2 : 8, date });
          }
        }
  }
  return out;
}

function lastLine(runs: readonly Run[]): Run[] {
  const i = runs.map((r) => r.lineBreak === true).lastIndexOf(true);
  return runs.slice(i + 1);
}

/** Problems with the signing blanks on a page: a label split or not found, a rule missing, short or off its line. */
export function signingProblems(words: readonly Word[], rules: readonly Rule[], expected: readonly SigningExpectation[], pt: number, pitch: number): string[] {
  const problems: string[] = [];
  const used = new Set<Word>();
  for (const e of expected) {
    if (!e.label) continue;
    const candidates = words.filter((w) => !used.has(w) && squash(w.text).endsWith(e.label));
    const fits = (w: Word): Rule | undefined =>
      rules.find((r) => {
        const long = r.x2 - r.x1 >= e.minEms * pt * 0.9;
        if (e.below) return long && r.y > w.yMax && r.y < w.yMax + 2 * pitch && Math.abs(r.x1 - w.xMin) < pt * (1 + [...e.label].length);
        return long && r.x1 >= w.xMax - 1 && r.x1 <= w.xMax + 0.75 * pt && r.y >= w.yMin && r.y <= w.yMax + 3;
      });
    const hit = candidates.find((w) => fits(w));
    if (!hit) {
      const near = candidates.length ? `label at y=${candidates[0]!.yMin.toFixed(1)}, no ${e.below ? 'rule under it' : 'rule right after it'}` : 'label not found whole on one line';
      problems.push(`${e.label}${e.below ? ' (blank below)' : ''}: ${near}`);
      continue;
    }
    used.add(hit);
    if (e.date) {
      const rule = fits(hit)!;
      const line = words.filter((w) => w.yMax > rule.y - pt && w.yMin < rule.y + 2 && w.xMin >= rule.x1);
      const rest = squash(line.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(''));
      if (!rest.startsWith('年月日')) problems.push(`${e.label}: 年 月 日 not on the date's line (${rest.slice(0, 10)})`);
    }
  }
  return problems;
}
