/**
 * Smart paste (issue #12): text → a structured letter with typed fields. Flattened text (line
 * breaks lost) is split at its clause markers; line-broken text keeps its breaks. Pure and
 * deterministic: the same text always gives the same result.
 */
import { LetterdeskError } from '../errors';
import { assembleSteps } from './assemble';
import { scanTokenSteps, scanTokens, withControls } from './blank-tokens';
import { drain, type ImportSteps } from './import-steps';
import { ClauseTracker } from './clause-tracker';
import { MAX_IMPORT_CHARS, type ImportResult } from './import-types';
import { indexTokens, type LineTokens, type SourceLine } from './raw-blocks';
import { structureFlatSteps } from './structure-flat';
import { structureLinesSteps } from './structure-lines';

// C0/C1 controls other than tab and line ends; U+FFFD marks bytes a decoder could not read.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** Line ends as \n, no BOM, no control characters; refuses text too long or not text at all. */
export function cleanPastedText(input: string): string {
  if (input.length > MAX_IMPORT_CHARS) {
    throw new LetterdeskError('file-too-large', `Text of ${input.length} characters is longer than a letter can be (${MAX_IMPORT_CHARS})`);
  }
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 10 && c !== 9 && c !== 13) || (c >= 0x7f && c <= 0x9f)) bad++;
  }
  if (bad > 16 && bad / Math.max(1, text.length) > 0.01) {
    throw new LetterdeskError('unsupported-file', `This is not text: ${bad} of ${text.length} characters are control or undecodable bytes`);
  }
  const clean = text.replace(CONTROL, '');
  if (!clean.trim()) throw new LetterdeskError('invalid-input', 'The text is empty');
  return clean;
}

const MARKER_LIKE = /(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]{1,3}条)/g;

/**
 * Pasted text worth offering "识别结构" for: a letter's worth of text whose line breaks are
 * lost, with clause markers or blanks in it.
 */
export function offerSmartPaste(text: string): boolean {
  if (text.length < 80 || text.length > MAX_IMPORT_CHARS || !looksFlattened(text)) return false;
  const markers = text.slice(0, 20_000).match(MARKER_LIKE)?.length ?? 0;
  return markers >= 3 || (markers >= 1 && /[_＿]{2,}/.test(text));
}

/** Flattened: few lines for its length (every break lost, or only around the title). */
export function looksFlattened(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length <= 3 || text.length / lines.length > 300;
}

export function structureText(input: string): ImportResult {
  return drain(structureTextSteps(input));
}

/** structureText a step at a time (import-steps.ts): long pastes show progress and can be cancelled. */
export function* structureTextSteps(input: string): ImportSteps<ImportResult> {
  yield { phase: 'read', done: 0, total: input.length };
  const source = cleanPastedText(input);
  const flattened = looksFlattened(source);
  if (flattened) {
    const lines: SourceLine[] = [{ text: source, offset: 0 }];
    const tokens = [indexTokens(yield* scanTokenSteps(source))];
    const raw = yield* structureFlatSteps(source, tokens[0]!, new ClauseTracker());
    return { format: 'text', source, flattened, ...(yield* assembleSteps(raw, lines, tokens)) };
  }
  const lines: SourceLine[] = [];
  let offset = 0;
  for (const text of source.split('\n')) {
    lines.push({ text, offset });
    offset += text.length + 1;
  }
  return { format: 'text', source, flattened, ...(yield* structureSourceLineSteps(lines)) };
}

/** Paragraphs with their own breaks (line-broken text, a .docx): one block each. */
export function structureSourceLines(lines: SourceLine[]): Omit<ImportResult, 'format' | 'source' | 'flattened'> {
  return drain(structureSourceLineSteps(lines));
}

export function* structureSourceLineSteps(lines: SourceLine[]): ImportSteps<Omit<ImportResult, 'format' | 'source' | 'flattened'>> {
  const tokens: LineTokens[] = [];
  for (const [i, l] of lines.entries()) {
    if ((i & 511) === 0) yield { phase: 'blanks', done: i, total: lines.length };
    tokens.push(indexTokens(withControls(scanTokens(l.text), l.controls)));
  }
  const raw = yield* structureLinesSteps(lines, tokens, new ClauseTracker());
  return yield* assembleSteps(raw, lines, tokens);
}
