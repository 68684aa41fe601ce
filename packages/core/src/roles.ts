/**
 * Operator roles, derived from the last dot-separated segment of an execution's type name
 * (case-insensitive), with user overrides. Groups follow the paper's Figure 6.
 */

/** The role an execution plays in a pipeline. */
export const ROLES = [
  'ingestion',
  'data_validation',
  'transform',
  'tuner',
  'trainer',
  'model_validation',
  'deployment',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

/** A user override: executions whose type name (or name) matches `pattern` take `role`. */
export interface RoleOverride {
  /** A regular expression tested (case-insensitive) against the full type name, or the names. */
  readonly pattern: string;
  readonly role: Role;
  /** What the pattern is tested against: the type name (default) or the task/job names. */
  readonly field?: 'type' | 'name' | undefined;
}

const BUILT_IN: Readonly<Record<string, Role>> = {
  importer: 'ingestion',
  importernode: 'ingestion',
  statisticsgen: 'data_validation',
  schemagen: 'data_validation',
  importschemagen: 'data_validation',
  examplevalidator: 'data_validation',
  transform: 'transform',
  trainer: 'trainer',
  tuner: 'tuner',
  evaluator: 'model_validation',
  modelvalidator: 'model_validation',
  infravalidator: 'model_validation',
  pusher: 'deployment',
};

/** The built-in role of an execution type name, e.g. `tfx.components.trainer.component.Trainer` -> trainer. */
export function builtInRole(typeName: string): Role {
  const segment = (typeName.split('.').pop() ?? '').toLowerCase();
  if (segment.endsWith('examplegen')) return 'ingestion';
  return BUILT_IN[segment] ?? 'other';
}

/** Builds a role function of type names alone: the first matching type override wins, else the built-in mapping. */
export function roleResolver(overrides: readonly RoleOverride[] = []): (typeName: string) => Role {
  const compiled = overrides
    .filter((o) => (o.field ?? 'type') === 'type')
    .map((o) => ({ re: new RegExp(o.pattern, 'i'), role: o.role }));
  const cache = new Map<string, Role>();
  return (typeName) => {
    let role = cache.get(typeName);
    if (role === undefined) {
      role = compiled.find((o) => o.re.test(typeName))?.role ?? builtInRole(typeName);
      cache.set(typeName, role);
    }
    return role;
  };
}
