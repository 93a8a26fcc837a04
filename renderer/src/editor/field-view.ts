import type { Node as PMNode } from 'prosemirror-model';
import type { Decoration, NodeView } from 'prosemirror-view';
import type { FieldFindSpec } from './find-plugin';
import { isEmptyValue, printField, type FieldDef, type FieldValues } from '../../../electron/shared/fields';

/** What a field atom needs to draw itself; the form panel owns the values. */
export interface FieldContext {
  def(key: string): FieldDef | undefined;
  values(): FieldValues;
  onActivate(key: string): void;
}

/**
 * A field inside the text: its printed value (styled as a field), or a visible blank with
 * its label. Live views register themselves so value changes redraw them without touching
 * the document.
 */
export class FieldView implements NodeView {
  dom: HTMLElement;
  /** Find matches inside the shown value (find-plugin.ts), offsets as in fieldDisplay. */
  private findRanges: FieldFindSpec['findRanges'] = [];

  constructor(
    private node: PMNode,
    private ctx: FieldContext,
    private registry: Set<FieldView>,
    decorations: readonly Decoration[] = [],
  ) {
    this.findRanges = rangesOf(decorations);
    this.dom = document.createElement('span');
    this.dom.className = 'ld-field';
    this.dom.addEventListener('mousedown', (e) => {
      e.preventDefault();
      this.ctx.onActivate(this.key);
    });
    registry.add(this);
    this.render();
  }

  get key(): string {
    return String(this.node.attrs['key']);
  }

  render(): void {
    const def = this.ctx.def(this.key);
    const dom = this.dom;
    dom.replaceChildren();
    dom.dataset['field'] = this.key;
    if (!def) {
      dom.className = 'ld-field ld-field-unknown';
      appendMarked(dom, `{${this.key}}`, 0, this.findRanges);
      return;
    }
    const value = this.ctx.values()[this.key];
    const empty = def.type === 'handwritten' || isEmptyValue(value);
    dom.className = `ld-field ld-field-${def.type}${empty ? ' ld-field-empty' : ' ld-field-filled'}${def.required && empty && def.type !== 'handwritten' ? ' ld-field-required' : ''}`;
    dom.title = `${def.label}${def.required ? '（必填）' : ''}${def.type === 'handwritten' ? '（手写，打印时留空）' : ''}${def.hint ? `\n${def.hint}` : ''}`;
    dom.setAttribute('aria-label', dom.title);
    const parts = printField(def, value);
    let labelShown = false;
    let offset = 0;
    for (const part of parts) {
      const span = document.createElement('span');
      if (part.kind === 'text') {
        appendMarked(span, part.text, offset, this.findRanges);
        offset += part.text.length;
        if (part.field) span.className = 'ld-field-value';
      } else {
        offset += 1; // BLANK_CHAR in fieldDisplay
        span.className = 'ld-blank';
        span.style.minWidth = `${part.width * 0.6}em`;
        // The label inside the first blank tells the clerk what goes here (screen only).
        if (!labelShown && (def.type !== 'date' || parts.length > 0)) {
          span.textContent = def.type === 'date' ? '' : def.label;
          labelShown = def.type !== 'date';
        }
      }
      dom.append(span);
    }
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    const ranges = rangesOf(decorations);
    // Same field, same find marks: nothing to redraw (values and definitions redraw through
    // render() from the letter view). Keeps typing near a field from rebuilding it (issue #15).
    const same = node.attrs['key'] === this.node.attrs['key'] && sameRanges(ranges, this.findRanges);
    this.node = node;
    this.findRanges = ranges;
    if (!same) this.render();
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  stopEvent(): boolean {
    return false;
  }

  /** Its own redraws are ignored, but not a caret that lands inside it: ProseMirror must move it out. */
  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: Node }): boolean {
    return mutation.type !== 'selection';
  }

  destroy(): void {
    this.registry.delete(this);
  }
}

function sameRanges(a: FieldFindSpec['findRanges'], b: FieldFindSpec['findRanges']): boolean {
  return a.length === b.length && a.every((r, i) => r.start === b[i]!.start && r.end === b[i]!.end && r.current === b[i]!.current);
}

function rangesOf(decorations: readonly Decoration[]): FieldFindSpec['findRanges'] {
  return decorations.flatMap((d) => (d.spec as Partial<FieldFindSpec>).findRanges ?? []);
}

/** `text` (starting at `offset` of the field's shown text) with the find matches in it marked. */
function appendMarked(parent: HTMLElement, text: string, offset: number, ranges: FieldFindSpec['findRanges']): void {
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(r.start - offset, at);
    const end = Math.min(r.end - offset, text.length);
    if (end <= start) continue;
    if (start > at) parent.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = r.current ? 'ld-find-match ld-find-current' : 'ld-find-match';
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}
