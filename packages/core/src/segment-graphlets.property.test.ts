import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentGraphlets } from './segment-graphlets.ts';
import { type PlannedExecution, randomTrace } from './testing/random-trace.ts';
import { referenceGraphlets } from './testing/reference-segmentation.ts';
import type { Trace } from './trace.ts';

const plannedExecution: fc.Arbitrary<PlannedExecution> = fc.record({
  kind: fc.nat(7),
  state: fc.nat(4),
  inputs: fc.array(fc.nat(1000), { maxLength: 3 }),
  baseModel: fc.boolean(),
  outputs: fc.nat(2),
  reuse: fc.array(fc.nat(1000), { maxLength: 1 }),
  name: fc.nat(2),
  pushed: fc.nat(4),
});

/** A random DAG trace plus a seed to permute its arrays with. */
const randomCase = fc.array(plannedExecution, { minLength: 1, maxLength: 40 }).chain((plan) =>
  fc.record({
    plan: fc.constant(plan),
    ids: fc.shuffledSubarray(
      Array.from({ length: plan.length }, (_, i) => i + 1),
      { minLength: plan.length },
    ),
    unknownFrom: fc.nat(plan.length),
    seed: fc.nat(),
  }),
);

/** The trace with its executions, artifacts and events in a seeded random order. */
function permuted(trace: Trace, seed: number): Trace {
  let state = seed;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    ...trace,
    executions: shuffle(trace.executions),
    artifacts: shuffle(trace.artifacts),
    events: shuffle(trace.events),
  };
}

const ascending = (xs: readonly number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);

describe('segmentGraphlets on random DAGs', () => {
  it('agrees with the literal reading of the rules', () => {
    fc.assert(
      fc.property(randomCase, ({ plan, ids, unknownFrom }) => {
        const trace = randomTrace(plan, ids, unknownFrom);
        expect(segmentGraphlets(trace).graphlets).toEqual(referenceGraphlets(trace));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its invariants and ignores the order of the arrays', () => {
    fc.assert(
      fc.property(randomCase, ({ plan, ids, unknownFrom, seed }) => {
        const trace = randomTrace(plan, ids, unknownFrom);
        const { graphlets } = segmentGraphlets(trace);
        const byId = new Map(trace.executions.map((e) => [e.id as number, e]));
        const owners = new Map<number, number>();
        graphlets.forEach((g, index) => {
          expect(g.index).toBe(index);
          const trainers = g.executions.filter((id) => byId.get(id)!.role === 'trainer');
          expect(trainers).toEqual([g.trainer]);
          expect(g.executions.some((id) => byId.get(id)!.state === 'cached')).toBe(false);
          for (const list of [g.executions, g.artifacts, g.spans, g.downstream]) {
            expect(ascending(list)).toBe(true);
          }
          for (const d of g.downstream) owners.set(d, (owners.get(d) ?? 0) + 1);
        });
        for (const d of owners.keys()) {
          expect(graphlets.filter((g) => g.executions.includes(d as never))).toHaveLength(1);
        }
        expect(segmentGraphlets(permuted(trace, seed))).toEqual(segmentGraphlets(trace));
      }),
      { numRuns: 300 },
    );
  });
});
