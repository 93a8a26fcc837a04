/**
 * What text a person may type (issue #11): no control characters (tab and newline only where
 * the text is multi-line), no Unicode noncharacters (U+FFFE/U+FFFF: not allowed in XML 1.0,
 * so a signer name holding one made the audit report ill-formed), no lone surrogates (half a
 * character; it cannot be encoded as UTF-8 and turns into U+FFFD on disk). One rule for every
 * name, role, category, title and note the API accepts, with one reason code each.
 */
import { z } from 'zod';

/** C0 controls except tab/LF/CR, DEL, C1 controls, and the noncharacters U+FFFE/U+FFFF. */
const CONTROL_INLINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Bidirectional overrides and isolates: they make a name display differently from what it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** The reason a text is refused; the dispatcher puts it into the `invalid-input` message. */
export type TextProblem = 'control-chars' | 'lone-surrogate';

/** Why `s` may not be stored as user text, or null. `multiline` allows tab and line breaks. */
export function textProblem(s: string, multiline = false): TextProblem | null {
  if (LONE_SURROGATE.test(s)) return 'lone-surrogate';
  if (CONTROL_INLINE.test(s)) return 'control-chars';
  if (!multiline && LINE_BREAKS.test(s)) return 'control-chars';
  return null;
}

function refineText(multiline: boolean) {
  return (s: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(s, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/** The refinement alone, for a schema that must not trim (stored labels keep their spacing). */
export const cleanText = (multiline = false) => refineText(multiline);

/** One line a person types (a name, a role, a category): trimmed, 1..max characters, no controls. */
export const userLine = (max: number, min = 1) => z.string().trim().min(min).max(max).superRefine(refineText(false));

/** Multi-line text (a note, a description): tab and line breaks allowed, other controls not. */
export const userText = (max: number) => z.string().max(max).superRefine(refineText(true));

/**
 * A file name as display text only (never a path): directory parts, path separators, control
 * characters, bidi overrides and lone surrogates removed; falls back to `fallback` when nothing
 * printable is left. Kept short (120 characters) and without leading dots.
 */
export function displayFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => !CONTROL_INLINE.test(ch) && !LINE_BREAKS.test(ch) && !BIDI_CONTROLS.test(ch) && !LONE_SURROGATE.test(ch) && ch !== ':')
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || fallback;
}
