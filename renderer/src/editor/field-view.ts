import type { Node as PMNode } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';
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

  constructor(
    private node: PMNode,
    private ctx: FieldContext,
    private registry: Set<FieldView>,
  ) {
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
      dom.textContent = `{${this.key}}`;
      return;
    }
    const value = this.ctx.values()[this.key];
    const empty = def.type === 'handwritten' || isEmptyValue(value);
    dom.className = `ld-field ld-field-${def.type}${empty ? ' ld-field-empty' : ' ld-field-filled'}${def.required && empty && def.type !== 'handwritten' ? ' ld-field-required' : ''}`;
    dom.title = `${def.label}${def.required ? '（必填）' : ''}${def.type === 'handwritten' ? '（手写，打印时留空）' : ''}${def.hint ? `\n${def.hint}` : ''}`;
    dom.setAttribute('aria-label', dom.title);
    const parts = printField(def, value);
    let labelShown = false;
    for (const part of parts) {
      const span = document.createElement('span');
      if (part.kind === 'text') {
        span.textContent = part.text;
        if (part.field) span.className = 'ld-field-value';
      } else {
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

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
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
