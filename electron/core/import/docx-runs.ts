/**
 * The text of one Word paragraph with its bold and underline: runs (also inside hyperlinks,
 * insertions, fields, content controls and mc:AlternateContent), symbols from Wingdings/Segoe
 * as ☐/☑, content controls as `[名称]` placeholders (a drop-down or date picker carrying its
 * type, items and value), and underlined runs of spaces as `____` blanks.
 */
import type { ControlField } from '../../shared/import/import-types';
import type { StyleRange } from '../../shared/import/raw-blocks';
import { child, elements, isOn, path, wAttr, wVal, type XmlElement } from './docx-xml';

interface Seg {
  text: string;
  bold: boolean;
  underline: boolean;
  control?: ControlField;
}

export interface RunText {
  text: string;
  styles: StyleRange[];
  objects: number;
  controls: { start: number; end: number; field: ControlField }[];
}

// Wingdings / Wingdings 2 code points (also as U+F0xx private-use) that draw check boxes.
const EMPTY_BOX = new Set([0x6f, 0x71, 0xa8, 0xa3, 0x72]);
const TICKED_BOX = new Set([0xfe, 0xfd, 0x78, 0x52, 0x54, 0x51, 0x53]);

function symbolChar(font: string, code: number): string | null {
  if (!/wingdings|segoe ui symbol|webdings/i.test(font)) return null;
  const c = code >= 0xf000 ? code - 0xf000 : code;
  if (/wingdings 2/i.test(font)) return c === 0xa3 || c === 0x2a ? '☐' : c === 0x52 || c === 0x54 || c === 0x51 || c === 0x53 || c === 0x50 ? '☑' : null;
  if (EMPTY_BOX.has(c)) return '☐';
  if (TICKED_BOX.has(c)) return '☑';
  return null;
}

function runFont(rPr: XmlElement | null): string {
  const f = path(rPr, 'rFonts');
  return (wAttr(f, 'ascii') ?? wAttr(f, 'hAnsi') ?? wAttr(f, 'eastAsia') ?? '') as string;
}

function underlined(rPr: XmlElement | null): boolean {
  const u = path(rPr, 'u');
  return !!u && (wVal(u) ?? 'single') !== 'none';
}

function collect(node: XmlElement, out: Seg[], state: { objects: number }): void {
  for (const el of elements(node)) {
    switch (el.localName) {
      case 'r': {
        const rPr = child(el, 'rPr');
        const bold = isOn(path(rPr, 'b'));
        const underline = underlined(rPr);
        const font = runFont(rPr);
        for (const c of elements(el)) {
          const add = (text: string) => out.push({ text, bold, underline });
          switch (c.localName) {
            case 't': {
              const text = c.textContent ?? '';
              const mapped = /wingdings/i.test(font) ? [...text].map((ch) => symbolChar(font, ch.codePointAt(0)!) ?? ch).join('') : text;
              add(mapped.replace(/☒/g, '☑'));
              break;
            }
            case 'tab':
              add(' ');
              break;
            case 'br':
            case 'cr':
              add(' ');
              break;
            case 'noBreakHyphen':
              add('-');
              break;
            case 'sym': {
              const ch = symbolChar(wAttr(c, 'font') ?? '', parseInt(wAttr(c, 'char') ?? '0', 16));
              if (ch) add(ch);
              break;
            }
            case 'drawing':
            case 'pict':
            case 'object':
              state.objects++;
              break;
            case 'AlternateContent':
              // A picture or text box WPS and Word write with a VML fallback: one object.
              state.objects++;
              break;
          }
        }
        break;
      }
      case 'sdt':
        contentControl(el, out, state);
        break;
      case 'AlternateContent': {
        // mc:AlternateContent (Word 2010+, WPS): read the first choice only; its fallback repeats it.
        const choice = elements(el).find((e) => e.localName === 'Choice') ?? child(el, 'Fallback');
        if (choice) collect(choice, out, state);
        break;
      }
      case 'hyperlink':
      case 'ins':
      case 'smartTag':
      case 'customXml':
      case 'fldSimple':
      case 'moveTo':
        collect(el, out, state);
        break;
      // w:del, w:moveFrom: deleted text is not part of the letter.
    }
  }
}

function listItems(list: XmlElement): string[] {
  const items = elements(list)
    .filter((e) => e.localName === 'listItem')
    .map((e) => (wAttr(e, 'displayText') ?? wAttr(e, 'value') ?? '').trim())
    // Word's own prompt item (选择一项。/ Choose an item.) is not an option.
    .filter((t) => t && !/^(选择一项|请选择|Choose an item)[。.]?$/i.test(t));
  return [...new Set(items)].slice(0, 50);
}

/**
 * A content control (w:sdt): a check box is its box glyph; a drop-down list or combo box is a
 * choice field with its items; a date picker a date field; a titled or placeholder text control
 * a `[名称]` blank; a plain wrapper is just its content.
 */
function contentControl(el: XmlElement, out: Seg[], state: { objects: number }): void {
  const pr = child(el, 'sdtPr');
  const content = child(el, 'sdtContent');
  const kinds = pr ? elements(pr).map((e) => e.localName) : [];
  const alias = (wVal(path(pr, 'alias')) ?? wVal(path(pr, 'tag')) ?? '').replace(/[[\]【】\n]/g, '').trim().slice(0, 30);
  const placeholder = !!path(pr, 'showingPlcHdr');
  if (kinds.includes('checkbox')) {
    if (content) collect(content, out, state);
    return;
  }
  const list = path(pr, 'dropDownList') ?? path(pr, 'comboBox');
  const date = path(pr, 'date');
  if (!list && !date && !alias && !placeholder) {
    if (content) collect(content, out, state);
    return;
  }
  const prompt: Seg[] = [];
  if (content) collect(content, prompt, state);
  const shown = prompt.map((x) => x.text).join('').trim();
  const name = alias || shown.replace(/[[\]【】\n]/g, '').trim().slice(0, 30) || (date ? '日期' : list ? '选项' : '内容');
  let control: ControlField | undefined;
  if (list) {
    const choices = listItems(list);
    const picked = !placeholder && choices.includes(shown) ? [shown] : [];
    control = { type: 'choice', ...(alias && { label: alias }), choices, ...(picked.length && { selected: picked }) };
  } else if (date) {
    const full = /^(\d{4})-(\d{2})-(\d{2})/.exec(wAttr(date, 'fullDate') ?? '');
    const picked = full && !placeholder ? { y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) } : null;
    control = { type: 'date', ...(alias && { label: alias }), ...(picked && { date: picked }) };
  }
  out.push({ text: `[${name}]`, bold: false, underline: false, ...(control && { control }) });
}

function isBlankChar(c: string): boolean {
  return c === ' ' || c === '\u00a0' || c === '\u3000' || c === '\t' || c === '_' || c === '＿';
}

/**
 * A paragraph's text. A stretch of underlined characters that are all spaces (or underscores)
 * is a blank drawn as an underline: it becomes underscores, one per space (at least two),
 * an ideographic space counting two.
 */
export function paragraphText(p: XmlElement): RunText {
  const segs: Seg[] = [];
  const state = { objects: 0 };
  collect(p, segs, state);
  let text = '';
  const styles: StyleRange[] = [];
  const controls: RunText['controls'] = [];
  let i = 0;
  while (i < segs.length) {
    const s = segs[i]!;
    if (s.underline) {
      let j = i;
      let run = '';
      while (j < segs.length && segs[j]!.underline) run += segs[j++]!.text;
      if (run && [...run].every(isBlankChar)) {
        const width = [...run].reduce((w, c) => w + (c === '\u3000' ? 2 : 1), 0);
        text += '_'.repeat(Math.min(40, Math.max(2, width)));
        i = j;
        continue;
      }
    }
    if (s.text) {
      const start = text.length;
      text += s.text;
      if (s.control) controls.push({ start, end: text.length, field: s.control });
      if (s.bold || s.underline) {
        const last = styles[styles.length - 1];
        if (last && last.end === start && !!last.bold === s.bold && !!last.underline === s.underline) last.end = text.length;
        else styles.push({ start, end: text.length, ...(s.bold && { bold: true }), ...(s.underline && { underline: true }) });
      }
    }
    i++;
  }
  return { text, styles, objects: state.objects, controls };
}
