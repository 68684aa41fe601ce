export * from './error.ts';
export * from './graphlets.ts';
export * from './health.ts';
export * from './jobs.ts';
export * from './sources.ts';
export * from './stats.ts';
export * from './traces.ts';
export * from './waste-routes.ts';
