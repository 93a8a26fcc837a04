/**
 * Word lists (numbering.xml) as our clause schemes: a level's numFmt and lvlText say which
 * scheme it prints (`%1、` chineseCounting → 一、, `（%1）` → （1）, `%1.%2` → 1.1, `第%1条`),
 * and counting the list paragraphs as Word does gives the number Word shows, for the preview.
 *
 * Counting follows ECMA-376 §17.9: every w:num pointing at one w:abstractNum continues the same
 * list, unless the w:num overrides a level (w:lvlOverride with w:startOverride, or a whole
 * w:lvl), which starts a list of its own at the override — how Word writes "restart at 1".
 */
import { chineseCount, type NumberingScheme } from '../../shared/numbering';
import { elements, path, wAttr, wVal, type XmlElement } from './docx-xml';

interface LevelDef {
  numFmt: string;
  lvlText: string;
  start: number;
}

const CHINESE_FORMATS = /^(chineseCounting|chineseCountingThousand|chineseLegalSimplified|ideographTraditional|ideographZodiac|ideographZodiacTraditional|ideographLegalTraditional|japaneseCounting|japaneseLegal|japaneseDigitalTenThousand|taiwaneseCounting|taiwaneseCountingThousand|taiwaneseDigital|ideographDigital|koreanCounting|koreanLegal|koreanDigital|koreanDigital2)$/;
const ENCLOSED = /^(decimalEnclosedCircle|decimalEnclosedCircleChinese|decimalEnclosedParen|decimalEnclosedFullstop|ideographEnclosedCircle)$/;

/** Our scheme for a Word level; roman and letter lists count like decimal ones (I. → 1.). */
export function schemeOfLevel(def: LevelDef, outlineList: boolean): NumberingScheme | null {
  if (def.numFmt === 'bullet' || def.numFmt === 'none') return null;
  const t = def.lvlText.replace(/\s+/g, '');
  if (/^第%\d条/.test(t)) return 'article';
  if (/^第%\d章/.test(t)) return 'chapter';
  if (/%\d[.．]%\d/.test(t) || (outlineList && /^%\d[.．]?$/.test(t))) return 'outline';
  const paren = /[（(]%\d[）)]/.test(t);
  if (CHINESE_FORMATS.test(def.numFmt)) return paren ? 'cn-paren' : 'cn';
  // ① ⑴ ⒈ carry their own brackets; ⒈ reads as 1.
  if (ENCLOSED.test(def.numFmt)) return def.numFmt === 'decimalEnclosedFullstop' ? 'decimal' : 'decimal-paren';
  return paren || /^%\d[）)]$/.test(t) ? 'decimal-paren' : 'decimal';
}

const LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A, B … Z, AA, BB … as Word counts letters (ECMA-376 §17.18.59 upperLetter). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

/** The number Word prints for counter n in a level of this numFmt. */
export function formatCounter(numFmt: string, n: number): string {
  switch (numFmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).join('');
    case 'chineseLegalSimplified':
      // Amounts-style digits, and 拾 always with its 壹 (壹拾贰, as Word prints 12).
      return ((n >= 10 && n < 20 ? '一' : '') + chineseCount(n)).replace(/[一二三四五六七八九十百千]/g, (c) => ({ 十: '拾', 百: '佰', 千: '仟' })[c] ?? LEGAL['零一二三四五六七八九'.indexOf(c)] ?? c);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n);
    case 'ideographDigital':
      return [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    default:
      return CHINESE_FORMATS.test(numFmt) ? chineseCount(n) : String(n);
  }
}

function readLevel(lvl: XmlElement): LevelDef {
  return {
    numFmt: wVal(path(lvl, 'numFmt')) ?? 'decimal',
    lvlText: wVal(path(lvl, 'lvlText')) ?? '',
    start: Number(wVal(path(lvl, 'start')) ?? 1),
  };
}

export interface ListParagraph {
  scheme: NumberingScheme;
  level: number;
  marker: string;
  /** The counter Word shows for the paragraph's own level (the 3 of 2.3); the letter restarts where its own count differs. */
  count: number;
}

interface NumDef {
  abstractId: string;
  /** Levels the w:num redefines or restarts (w:lvlOverride). */
  overrides: Map<number, Partial<LevelDef>>;
}

export class WordNumbering {
  private abstract = new Map<string, Map<number, LevelDef>>();
  private nums = new Map<string, NumDef>();
  private counters = new Map<string, number[]>();

  constructor(numberingXml: XmlElement | null) {
    if (!numberingXml) return;
    for (const el of elements(numberingXml)) {
      if (el.localName === 'abstractNum') {
        const levels = new Map<number, LevelDef>();
        for (const lvl of elements(el)) if (lvl.localName === 'lvl') levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), readLevel(lvl));
        this.abstract.set(wAttr(el, 'abstractNumId') ?? '', levels);
      } else if (el.localName === 'num') {
        const overrides = new Map<number, Partial<LevelDef>>();
        for (const o of elements(el)) {
          if (o.localName !== 'lvlOverride') continue;
          const ilvl = Number(wAttr(o, 'ilvl') ?? 0);
          const lvl = path(o, 'lvl');
          const start = wVal(path(o, 'startOverride'));
          overrides.set(ilvl, { ...(lvl && readLevel(lvl)), ...(start !== null && { start: Number(start) }) });
        }
        this.nums.set(wAttr(el, 'numId') ?? '', { abstractId: wVal(path(el, 'abstractNumId')) ?? '', overrides });
      }
    }
  }

  private levelsOf(num: NumDef): Map<number, LevelDef> | null {
    const base = this.abstract.get(num.abstractId);
    if (!base) return null;
    if (!num.overrides.size) return base;
    const levels = new Map(base);
    for (const [ilvl, o] of num.overrides) levels.set(ilvl, { ...(base.get(ilvl) ?? { numFmt: 'decimal', lvlText: `%${ilvl + 1}.`, start: 1 }), ...o });
    return levels;
  }

  /** The clause a list paragraph is, counting it; null for bullets and unknown lists. */
  next(numId: string, ilvl: number): ListParagraph | null {
    if (numId === '0') return null;
    const num = this.nums.get(numId);
    const levels = num && this.levelsOf(num);
    const def = levels?.get(ilvl);
    if (!num || !levels || !def) return null;
    const outlineList = [...levels.values()].some((l) => /%\d[.．]%\d/.test(l.lvlText));
    const scheme = schemeOfLevel(def, outlineList);
    if (!scheme) return null;
    // A w:num with overrides is a list of its own; others share their abstract list's count.
    const listKey = num.overrides.size ? `num:${numId}` : `abstract:${num.abstractId}`;
    const counters = this.counters.get(listKey) ?? [];
    for (let k = 0; k < ilvl; k++) counters[k] ??= (levels.get(k)?.start ?? 1) - 1 || 0;
    counters[ilvl] = (counters[ilvl] ?? def.start - 1) + 1;
    counters.length = ilvl + 1;
    this.counters.set(listKey, counters);
    const marker = def.lvlText.replace(/%(\d)/g, (_m, d: string) => {
      const k = Number(d) - 1;
      return formatCounter(levels.get(k)?.numFmt ?? 'decimal', Math.max(1, counters[k] ?? 1));
    });
    return { scheme, level: ilvl, marker: marker.trim(), count: Math.max(1, counters[ilvl]!) };
  }
}
