/**
 * A letter number given by hand, as a database can hold one: the number on the letter and
 * its 'number-set' event in the chain (what migration 6 backfills for hand-set numbers).
 * The API no longer sets numbers by hand (issue 10: neither the app nor the CLI called
 * lettersSetNumber), so tests that need such a letter make it here, the way the old handler did.
 */
import type { VersionStore } from '../../electron/core/versions/version-store';
import { createEventsRepo } from '../../electron/core/signatures/events-repo';
import { createLetterNumbers } from '../../electron/core/signatures/letter-numbers';

export function setNumberByHand({ db, search }: VersionStore, letterId: number, number: string, nowIso = new Date().toISOString()): void {
  db.transaction(() => {
    createLetterNumbers(db, search).assign(letterId, number);
    createEventsRepo(db, search).append(letterId, 'number-set', null, { number }, nowIso);
  })();
}
