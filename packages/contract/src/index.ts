/**
 * The HTTP API's schemas (plain zod, OpenAPI component names in `.meta({ id })`), for server and
 * web alike. Route definitions live in `@graphlet/contract/routes`, which only the server imports.
 */
export * from './connections.ts';
export * from './error.ts';
export * from './graphlets.ts';
export * from './health.ts';
export * from './jobs.ts';
export * from './role-overrides.ts';
export * from './search.ts';
export * from './sources.ts';
export * from './stats.ts';
export * from './traces.ts';
export * from './vocabulary.ts';
export * from './waste.ts';
