/**
 * A slow, literal reading of the segmentation rules (paper §4.1, rules (a)-(c) of
 * segment-graphlets.ts) over Maps and Sets, independent of TraceGraph: the oracle the property
 * tests compare segmentGraphlets with. Quadratic; tests only.
 */
import type { Graphlet } from '../graphlet.ts';
import type { ArtifactId, ExecutionId } from '../ids.ts';
import { BASE_MODEL_KEY, PUSHED } from '../metadata-keys.ts';
import { type Execution, propertyOf, type Trace, type TraceEvent } from '../trace.ts';

/** The graphlets of a DAG trace by the rules, computed naively. */
export function referenceGraphlets(trace: Trace): Graphlet[] {
  const exec = new Map(trace.executions.map((e) => [e.id as number, e]));
  const art = new Map(trace.artifacts.map((a) => [a.id as number, a]));
  const before = (x: Execution, y: Execution) => {
    if (x.startMs !== y.startMs) {
      if (x.startMs === undefined) return false;
      if (y.startMs === undefined) return true;
      return x.startMs < y.startMs;
    }
    return x.id < y.id;
  };
  const live = (id: number) => exec.get(id)?.state !== 'cached';
  const producer = new Map<number, Execution>();
  for (const ev of trace.events) {
    if (ev.kind !== 'output' || !live(ev.execution)) continue;
    const reads = trace.events.some(
      (r) => r.kind === 'input' && r.execution === ev.execution && r.artifact === ev.artifact,
    );
    if (reads) continue;
    const x = exec.get(ev.execution)!;
    const p = producer.get(ev.artifact);
    if (p === undefined || before(x, p)) producer.set(ev.artifact, x);
  }
  const inputs = (id: number) =>
    trace.events.filter((ev) => ev.kind === 'input' && ev.execution === id);
  const outputs = (id: number) =>
    trace.events.filter((ev) => ev.kind === 'output' && ev.execution === id);
  const producerOf = (ev: TraceEvent) => producer.get(ev.artifact);
  const children = (id: number) =>
    outputs(id)
      .filter((ev) => producer.get(ev.artifact)?.id === id)
      .flatMap((ev) =>
        trace.events.filter(
          (c) => c.kind === 'input' && c.artifact === ev.artifact && live(c.execution),
        ),
      )
      .map((c) => c.execution as number);
  const trainers = trace.executions
    .filter((e) => e.role === 'trainer' && e.state !== 'cached')
    .sort((x, y) => (before(x, y) ? -1 : 1));
  const isTrainer = (id: number) => trainers.some((t) => t.id === id);

  const up = (n: number) => {
    const seen = new Set([n]);
    const queue = [n];
    while (queue.length > 0) {
      for (const ev of inputs(queue.shift()!)) {
        const p = producerOf(ev);
        if (p !== undefined && !isTrainer(p.id) && !seen.has(p.id)) {
          seen.add(p.id);
          queue.push(p.id);
        }
      }
    }
    return seen;
  };
  const isSpan = (a: number) => producer.get(a)?.role === 'ingestion';
  const spansOfValidator = (v: number) => {
    let level = [v];
    const seen = new Set(level);
    while (level.length > 0) {
      const found = new Set<number>();
      const next: number[] = [];
      for (const u of level) {
        for (const ev of inputs(u)) {
          if (isSpan(ev.artifact)) found.add(ev.artifact);
          else {
            const p = producerOf(ev);
            if (p?.role === 'data_validation' && !seen.has(p.id)) {
              seen.add(p.id);
              next.push(p.id);
            }
          }
        }
      }
      if (found.size > 0) return found;
      level = next;
    }
    return new Set<number>();
  };
  const reachesTrainer = (d: number) => {
    const seen = new Set<number>();
    const stack = children(d);
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (isTrainer(c)) return true;
      if (!seen.has(c)) {
        seen.add(c);
        stack.push(...children(c));
      }
    }
    return false;
  };
  // Nearest trainer: BFS upstream from d over production edges, fewest hops; ties later, larger.
  const nearest = (d: number) => {
    const dist = new Map([[d, 0]]);
    const queue = [d];
    let best: Execution | undefined;
    let bestDist = Number.POSITIVE_INFINITY;
    while (queue.length > 0) {
      const u = queue.shift()!;
      for (const ev of inputs(u)) {
        const p = producerOf(ev);
        if (p === undefined || dist.has(p.id)) continue;
        const k = dist.get(u)! + 1;
        dist.set(p.id, k);
        if (isTrainer(p.id)) {
          if (k < bestDist || (k === bestDist && best !== undefined && before(best, p))) {
            best = p;
            bestDist = k;
          }
        } else queue.push(p.id);
      }
    }
    return best;
  };
  const downstreamAvoiding = (n: number) => {
    const seen = new Set<number>();
    const stack = [n];
    while (stack.length > 0) {
      for (const c of children(stack.pop()!)) {
        if (!isTrainer(c) && !seen.has(c)) {
          seen.add(c);
          stack.push(c);
        }
      }
    }
    return seen;
  };
  const downs = new Map<number, Set<number>>();
  const downOwner = new Map<number, number>();
  for (const t of trainers) {
    const set = new Set<number>();
    for (const d of downstreamAvoiding(t.id)) {
      if (!reachesTrainer(d) && nearest(d)?.id === t.id) {
        set.add(d);
        downOwner.set(d, t.id);
      }
    }
    downs.set(t.id, set);
  }

  return trainers.map((trainer, index) => {
    const n = trainer.id;
    const members = up(n);
    const spans = new Set(
      [...members]
        .filter((x) => exec.get(x)!.role === 'ingestion')
        .flatMap((x) => outputs(x).filter((ev) => producer.get(ev.artifact)?.id === x))
        .map((ev) => ev.artifact as number),
    );
    for (const v of trace.executions) {
      if (v.role !== 'data_validation' || v.state === 'cached') continue;
      const owner = downOwner.get(v.id);
      if (owner !== undefined && owner !== n) continue;
      if ([...spansOfValidator(v.id)].some((s) => spans.has(s))) members.add(v.id);
    }
    for (const d of downs.get(n)!) members.add(d);
    const events = trace.events.filter((ev) => members.has(ev.execution));
    const deployOutputs = events.filter(
      (ev) => ev.kind === 'output' && exec.get(ev.execution)!.role === 'deployment',
    );
    const flags = deployOutputs.map((ev) => propertyOf(art.get(ev.artifact)!, PUSHED));
    const failed = trainer.state === 'failed' || trainer.state === 'canceled';
    const pushed = failed
      ? false
      : flags.some((f) => f !== undefined)
        ? flags.some((f) => f === 1 || f === true || f === '1')
        : deployOutputs.some((ev) =>
            ['complete', 'unknown'].includes(exec.get(ev.execution)!.state),
          );
    const warmStart = inputs(n).some((ev) => {
      const p = producerOf(ev);
      if (p === undefined || p.id === n || p.role !== 'trainer') return false;
      if (ev.key === BASE_MODEL_KEY) return true;
      const sameName =
        p.name === undefined || trainer.name === undefined || p.name === trainer.name;
      return before(p, trainer) && p.type === trainer.type && sameName;
    });
    const ends = [...members].map((x) => exec.get(x)!.endMs).filter((x) => x !== undefined);
    const asc = (xs: Iterable<number>) => [...xs].sort((x, y) => x - y);
    return {
      trainer: trainer.id,
      index,
      executions: asc(members) as ExecutionId[],
      artifacts: asc(new Set(events.map((ev) => ev.artifact))) as ArtifactId[],
      spans: asc(spans) as ArtifactId[],
      downstream: asc(downs.get(n)!) as ExecutionId[],
      warmStart,
      failed,
      pushed,
      startMs: trainer.startMs,
      endMs: ends.length === 0 ? undefined : Math.max(...ends),
    };
  });
}
