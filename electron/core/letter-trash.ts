/**
 * Moving a letter to the trash (issue #9). A letter that was ever handed over for signature
 * (it has a number, or an export-for-signature event) is evidence: the trash takes it only
 * when the caller repeats its number, so one stray click cannot hide it.
 */
import { LetterdeskError } from '../shared/errors';
import type { Letter } from '../shared/domain';
import type { Db } from './db/open-db';
import type { LettersRepo } from './letters-repo';
import type { EventsRepo } from './signatures/events-repo';

/** The number the caller must repeat to trash this letter, or null when no confirmation is needed. */
export function trashConfirmation(letter: Letter, events: EventsRepo): string | null {
  if (letter.number !== null) return letter.number;
  // Unreachable through the API (export assigns a number first), but an event alone still counts.
  return events.list(letter.id).some((e) => e.kind === 'exported-for-signature') ? `#${letter.id}` : null;
}

export function trashLetter(db: Db, letters: LettersRepo, events: EventsRepo, id: number, confirmNumber: string | undefined, now: string): Letter {
  return db.transaction(() => {
    const letter = letters.get(id);
    if (letter.trashedAt) throw new LetterdeskError('letter-trashed', `Letter ${id} is already in the trash`);
    const expected = trashConfirmation(letter, events);
    if (expected !== null && confirmNumber !== expected) {
      throw new LetterdeskError('confirmation-required', `Letter ${id} went to paper as ${expected}; repeat its number to move it to the trash`);
    }
    return letters.trash(id, now);
  })();
}
