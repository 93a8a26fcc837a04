import type { Db } from '../db/open-db';
import type { DialogsPort } from '../ports';
import type { LettersRepo } from '../letters-repo';
import type { VersionsRepo } from '../versions/versions-repo';
import type { SearchIndex } from '../search/search-index';
import type { TemplatesRepo } from '../templates-repo';
import type { Settings, Profile } from '../../shared/domain';
import { createEventsRepo, type EventsRepo } from './events-repo';
import { createScansRepo } from './scans-repo';
import { createLetterNumbers } from './letter-numbers';

/** What the signature-history operations need; built once per open database. */
export interface SignContext {
  db: Db;
  letters: LettersRepo;
  versions: VersionsRepo;
  search: SearchIndex;
  templates: TemplatesRepo;
  events: EventsRepo;
  scans: ReturnType<typeof createScansRepo>;
  numbers: ReturnType<typeof createLetterNumbers>;
  settings: () => Settings;
  profile: () => Profile;
  dialogs: DialogsPort;
  now: () => string;
  /** The export for signature in progress; the next one waits for it (see lifecycle.ts). */
  exportTurn: Promise<unknown>;
}

export function createSignContext(base: Omit<SignContext, 'events' | 'scans' | 'numbers' | 'exportTurn'>): SignContext {
  return { ...base, events: createEventsRepo(base.db, base.search), scans: createScansRepo(base.db), numbers: createLetterNumbers(base.db, base.search), exportTurn: Promise.resolve() };
}
