import type { Node as PMNode, Schema } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import type { FieldValue } from '../../../electron/shared/fields';

export interface FieldValueChange {
  key: string;
  before: FieldValue;
  after: FieldValue;
}

/**
 * Field values live beside the document (draft.values), not in it. A replace that changes text
 * and field values must still be one undo step (issue #15), so the value changes ride in the
 * transaction as this step: it leaves the document as it is, and its inverse puts the old
 * values back. The editor hands every such step to its owner (Editor.svelte onfieldvalues),
 * which writes the values through the draft like a typed value.
 */
export class FieldValueStep extends Step {
  constructor(readonly changes: readonly FieldValueChange[]) {
    super();
  }

  override apply(doc: PMNode): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  override invert(): Step {
    return new FieldValueStep(this.changes.map((c) => ({ key: c.key, before: c.after, after: c.before })));
  }

  override map(_mapping: Mappable): Step {
    return this;
  }

  override toJSON(): { stepType: string; changes: FieldValueChange[] } {
    return { stepType: 'fieldValues', changes: this.changes.map((c) => ({ ...c })) };
  }

  static fromJSON(_schema: Schema, json: { changes?: FieldValueChange[] }): FieldValueStep {
    if (!Array.isArray(json.changes)) throw new RangeError('Invalid input for FieldValueStep.fromJSON');
    return new FieldValueStep(json.changes);
  }
}

Step.jsonID('fieldValues', FieldValueStep);

export function setFieldValues(tr: Transaction, changes: FieldValueChange[]): Transaction {
  return tr.step(new FieldValueStep(changes));
}

/** The value changes a transaction carries, in order (a later change of a key wins). */
export function fieldValueChanges(tr: Transaction): FieldValueChange[] {
  return tr.steps.flatMap((s) => (s instanceof FieldValueStep ? s.changes : []));
}
