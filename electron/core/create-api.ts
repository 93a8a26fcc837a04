/**
 * Core's entry point for shells and tests: open a data folder (openCore), or build the API on
 * an open database (createApi) and its dispatcher (createDispatcher). The pieces live in
 * compose-api.ts (with handlers/, one module per domain), dispatcher.ts, open-core.ts,
 * core-deps.ts, and ports.ts (what a shell provides).
 */
export { createApi, handlerModules } from './compose-api';
export { createDispatcher, type Dispatch } from './dispatcher';
export { openCore, type Core } from './open-core';
export { DEFAULT_RESOURCES_DIR, type ApiDeps } from './core-deps';
export { APP_SCHEMA_VERSION } from './db/migrations';
export { LetterdeskError } from '../shared/errors';
