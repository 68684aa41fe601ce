/** Recomputes or overrides the roles of a trace's executions (importers and per-source overrides). */
import {
  compileOverrides,
  overrideMatches,
  type RoleSubject,
  roleClassifier,
} from './classify-role.ts';
import type { Role, RoleOverride } from './roles.ts';
import type { Execution, Trace } from './trace.ts';

/** The trace with each execution's role from `classify`; the same object when no role changes. */
export function assignRoles(
  trace: Trace,
  classify: (subject: RoleSubject) => Role = roleClassifier(),
): Trace {
  let changed = false;
  const executions = trace.executions.map((e) => {
    const role = classify(e);
    if (role === e.role) return e;
    changed = true;
    return { ...e, role } satisfies Execution;
  });
  return changed ? { ...trace, executions } : trace;
}

/**
 * The trace with overrides applied on top of the roles it has (a JSON trace carries its own
 * roles, an importer's are the classifier's): the first matching override wins, others keep theirs.
 */
export function overrideRoles(trace: Trace, overrides: readonly RoleOverride[]): Trace {
  if (overrides.length === 0) return trace;
  const compiled = compileOverrides(overrides);
  return assignRoles(
    trace,
    (e) => compiled.find((o) => overrideMatches(o, e))?.role ?? (e as Execution).role,
  );
}
