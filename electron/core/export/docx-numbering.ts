/**
 * Word numbering definitions for the clause lists planned in clause-lists.ts: levels 0 to
 * the deepest used (at most nine — a tenth makes a file Word cannot open), the number
 * followed by nothing (`suffix: NOTHING`, as in 一、服务内容), in its scheme's font; size
 * and language come from the document defaults.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type NumberingDefinition } from 'docx';
import { MAX_CLAUSE_LEVEL } from '../../shared/numbering';
import { levelFormat, levelStart, levelText, type ListDefinition } from './clause-lists';
import type { RunKit } from './docx-runs';
import type { PageSpec } from './page-spec';

/** First-line indent of two characters: Word reads the chars, LibreOffice the twips. */
export function firstLineIndent(spec: PageSpec): { firstLine: number; firstLineChars: number } {
  return { firstLine: 2 * spec.body.pt * 20, firstLineChars: 200 };
}

export function numberingDefinitions(definitions: readonly ListDefinition[], spec: PageSpec, kit: RunKit): NumberingDefinition[] {
  const indent = { left: 0, ...firstLineIndent(spec) };
  return definitions.map((def) => {
    const format = levelFormat(def.scheme) === 'decimal' ? LevelFormat.DECIMAL : LevelFormat.CHINESE_COUNTING;
    const run = { font: kit.font[spec.clauseRoles[def.scheme]] };
    const levels: ILevelsOptions[] = [];
    for (let k = 0; k <= Math.min(def.deepest, MAX_CLAUSE_LEVEL); k++) {
      levels.push({
        level: k,
        format,
        text: levelText(def, k),
        start: levelStart(def, k),
        alignment: AlignmentType.LEFT,
        suffix: LevelSuffix.NOTHING,
        style: { run, paragraph: { indent } },
      });
    }
    return { reference: def.reference, levels };
  });
}
