export * from './graphlet.ts';
export * from './ids.ts';
export * from './metadata-keys.ts';
export * from './roles.ts';
export * from './trace.ts';
export * from './trace-builder.ts';
