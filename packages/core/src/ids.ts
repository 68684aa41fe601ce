/** An MLMD execution id (or the id an importer assigned); branded so it cannot be mixed with an artifact id. */
export type ExecutionId = number & { readonly __brand: 'ExecutionId' };

/** An MLMD artifact id (or the id an importer assigned). */
export type ArtifactId = number & { readonly __brand: 'ArtifactId' };

/** Brands a number as an execution id. */
export const executionId = (id: number): ExecutionId => id as ExecutionId;

/** Brands a number as an artifact id. */
export const artifactId = (id: number): ArtifactId => id as ArtifactId;
