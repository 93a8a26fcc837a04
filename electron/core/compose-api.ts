/**
 * createApi: the LetterdeskApi on Node over one open database, composed from one handler
 * module per domain (handlers/). Each module implements its slice of the contract; the
 * compiler checks that together they implement all of it, the contract test that no method
 * has two handlers.
 */
import type { LetterdeskApi } from '../shared/api';
import { createCoreDeps, type ApiDeps, type CoreDeps } from './core-deps';
import { backupHandlers } from './handlers/backup';
import { databaseHandlers } from './handlers/database';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { letterHandlers } from './handlers/letters';
import { officeHandlers } from './handlers/office';
import { registerHandlers } from './handlers/register';
import { searchHandlers } from './handlers/search';
import { signatureHandlers } from './handlers/signatures';
import { templateHandlers } from './handlers/templates';
import { versionHandlers } from './handlers/versions';

/** Every domain's handlers, by domain. */
export function handlerModules(deps: CoreDeps) {
  return {
    database: databaseHandlers(deps),
    letters: letterHandlers(deps),
    versions: versionHandlers(deps),
    export: exportHandlers(deps),
    signatures: signatureHandlers(deps),
    register: registerHandlers(deps),
    search: searchHandlers(deps),
    templates: templateHandlers(deps),
    import: importHandlers(deps),
    office: officeHandlers(deps),
    backup: backupHandlers(deps),
  };
}

export function createApi(deps: ApiDeps): LetterdeskApi {
  const m = handlerModules(createCoreDeps(deps));
  return { ...m.database, ...m.letters, ...m.versions, ...m.export, ...m.signatures, ...m.register, ...m.search, ...m.templates, ...m.import, ...m.office, ...m.backup };
}
