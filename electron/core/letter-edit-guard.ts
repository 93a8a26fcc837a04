/**
 * Content edits are a lifecycle step (issue #9): saving the draft, filling fields, renaming and
 * restoring a version all change what the letter says, so archived and void letters — history
 * that may be evidence — refuse them. The one check every content write calls, inside the
 * transaction of that write, so the status it reads is the status the write commits against.
 */
import { LetterdeskError } from '../shared/errors';
import { canDo } from '../shared/signatures';
import type { Letter } from '../shared/domain';

/** Throws 'letter-trashed' or 'illegal-transition' unless `letter` may have its content changed. */
export function assertEditable(letter: Letter): void {
  if (letter.trashedAt) throw new LetterdeskError('letter-trashed', `Letter ${letter.id} is in the trash`);
  if (!canDo('edit', letter.status)) {
    throw new LetterdeskError('illegal-transition', `Letter ${letter.id} is ${letter.status}; its content cannot change (copy it as a new letter)`);
  }
}
