export * from './graphlet.ts';
export * from './ids.ts';
export * from './metadata-keys.ts';
export * from './roles.ts';
export * from './segment-graphlets.ts';
export * from './trace.ts';
export * from './trace-builder.ts';
export * from './trace-graph.ts';
