/**
 * The letter's blocks as both renderers print them: the same line decisions in the .docx
 * and the print HTML, made here once by measuring (layout.ts) — the signing area fitted
 * (signing-area.ts), and a party's name kept whole on its line (issue #14).
 */
import type { FieldDef } from '../../shared/fields';
import type { Block, Run } from '../../shared/letter-model';
import { emTwips, textTwips } from './layout';
import { textWidthTwips, type PageSpec } from './page-spec';
import { fitSignatureTable } from './signing-area';

type Defs = ReadonlyMap<string, FieldDef>;
type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;

const BREAK: Run = Object.freeze({ text: '', lineBreak: true });
const LABEL_START = /[\s\u3000]+(?=[^\s\u3000]*$)/;
const MAX_LABEL_CHARS = 12;

function isPartyName(def: FieldDef | undefined): boolean {
  return def !== undefined && (def.type === 'party' || def.role === 'promisor-name' || def.role === 'recipient-name');
}

/**
 * 承诺方：…公司　接收方：…公司 on one line: where the second name would run past the end of
 * the first line, its label (接收方：) starts the next line, so neither name is split. Only
 * the first line is measured: that is where both parties share a line.
 */
export function keepNamesWhole(block: ParagraphBlock, spec: PageSpec, defs: Defs): ParagraphBlock {
  const flowing = block.align === null || block.align === 'left' || block.align === 'justify';
  if (!flowing) return block;
  const em = emTwips(spec);
  const room = textWidthTwips(spec) - (block.indent ? 2 * spec.body.pt * 20 : 0) - em / 2;
  const runs = block.runs;
  let used = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.lineBreak || run.blank) return block; // a line already broken, or a blank: not a party line
    const labelRun = runs[i - 1];
    if (i > 1 && run.fieldKey !== undefined && isPartyName(defs.get(run.fieldKey)) && labelRun && !labelRun.fieldKey && !labelRun.inField) {
      const cut = LABEL_START.exec(labelRun.text);
      const label = cut ? labelRun.text.slice(cut.index + cut[0].length) : labelRun.text;
      const before = cut ? labelRun.text.slice(0, cut.index) : '';
      const unit = textTwips(label, spec) + textTwips(run.text, spec);
      const start = used - textTwips(labelRun.text, spec) + textTwips(before, spec);
      if ([...label].length <= MAX_LABEL_CHARS && start > 0 && start < room && start + unit > room && unit <= room) {
        const split: Run[] = [...(before ? [{ ...labelRun, text: before }] : []), BREAK, { ...labelRun, text: label }];
        return { ...block, runs: [...runs.slice(0, i - 1), ...split, ...runs.slice(i)] };
      }
    }
    used += textTwips(run.text, spec);
  }
  return block;
}

export function printBlocks(blocks: readonly Block[], spec: PageSpec, defs: Defs): Block[] {
  return blocks.map((b) => {
    if (b.type === 'paragraph') return keepNamesWhole(b, spec, defs);
    if (b.type === 'table' && b.kind === 'signature') return fitSignatureTable(b, spec, defs);
    return b;
  });
}
