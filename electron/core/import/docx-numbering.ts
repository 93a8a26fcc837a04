/**
 * Word lists (numbering.xml) as our clause schemes: a level's numFmt and lvlText say which
 * scheme it prints (`%1、` chineseCounting → 一、, `（%1）` → （1）, `%1.%2` → 1.1, `第%1条`),
 * and counting the list paragraphs gives the number Word shows, for the preview.
 */
import { chineseCount, type NumberingScheme } from '../../shared/numbering';
import { elements, path, wAttr, wVal, type XmlElement } from './docx-xml';

interface LevelDef {
  numFmt: string;
  lvlText: string;
  start: number;
}

const CHINESE_FORMATS = /^(chineseCounting|chineseCountingThousand|chineseLegalSimplified|ideographTraditional|ideographZodiac|japaneseCounting|taiwaneseCounting|taiwaneseCountingThousand|ideographDigital|koreanCounting)$/;
const CIRCLED = /^(decimalEnclosedCircle|decimalEnclosedCircleChinese|decimalEnclosedParen|decimalEnclosedFullstop)$/;

export function schemeOfLevel(def: LevelDef, outlineList: boolean): NumberingScheme | null {
  if (def.numFmt === 'bullet' || def.numFmt === 'none') return null;
  const t = def.lvlText.replace(/\s+/g, '');
  if (/^第%\d条/.test(t)) return 'article';
  if (/^第%\d章/.test(t)) return 'chapter';
  if (/%\d[.．]%\d/.test(t) || (outlineList && /^%\d[.．]?$/.test(t))) return 'outline';
  const paren = /[（(]%\d[）)]/.test(t);
  if (CHINESE_FORMATS.test(def.numFmt)) return paren ? 'cn-paren' : 'cn';
  if (CIRCLED.test(def.numFmt)) return 'decimal-paren';
  return paren || /^%\d[）)]$/.test(t) ? 'decimal-paren' : 'decimal';
}

function formatCounter(numFmt: string, n: number): string {
  if (CHINESE_FORMATS.test(numFmt)) return chineseCount(n);
  if (CIRCLED.test(numFmt) && n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  return String(n);
}

export interface ListParagraph {
  scheme: NumberingScheme;
  level: number;
  marker: string;
}

export class WordNumbering {
  private abstract = new Map<string, Map<number, LevelDef>>();
  private nums = new Map<string, string>();
  private counters = new Map<string, number[]>();

  constructor(numberingXml: XmlElement | null) {
    if (!numberingXml) return;
    for (const el of elements(numberingXml)) {
      if (el.localName === 'abstractNum') {
        const levels = new Map<number, LevelDef>();
        for (const lvl of elements(el)) {
          if (lvl.localName !== 'lvl') continue;
          levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), {
            numFmt: wVal(path(lvl, 'numFmt')) ?? 'decimal',
            lvlText: wVal(path(lvl, 'lvlText')) ?? '',
            start: Number(wVal(path(lvl, 'start')) ?? 1),
          });
        }
        this.abstract.set(wAttr(el, 'abstractNumId') ?? '', levels);
      } else if (el.localName === 'num') {
        this.nums.set(wAttr(el, 'numId') ?? '', wVal(path(el, 'abstractNumId')) ?? '');
      }
    }
  }

  /** The clause a list paragraph is, counting it; null for bullets and unknown lists. */
  next(numId: string, ilvl: number): ListParagraph | null {
    if (numId === '0') return null;
    const levels = this.abstract.get(this.nums.get(numId) ?? '');
    const def = levels?.get(ilvl);
    if (!levels || !def) return null;
    const outlineList = [...levels.values()].some((l) => /%\d[.．]%\d/.test(l.lvlText));
    const scheme = schemeOfLevel(def, outlineList);
    if (!scheme) return null;
    const counters = this.counters.get(numId) ?? [];
    for (let k = 0; k < ilvl; k++) counters[k] ??= (levels.get(k)?.start ?? 1) - 1 || 0;
    counters[ilvl] = (counters[ilvl] ?? (def.start - 1)) + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    const marker = def.lvlText.replace(/%(\d)/g, (_m, d: string) => {
      const k = Number(d) - 1;
      return formatCounter(levels.get(k)?.numFmt ?? 'decimal', Math.max(1, counters[k] ?? 1));
    });
    return { scheme, level: ilvl, marker: marker.trim() };
  }
}
