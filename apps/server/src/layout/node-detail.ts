/** One node of a trace in full: properties, links both ways with their event keys, graphlets. */
import type { NodeDetail } from '@graphlet/contract';
import type { Trace, TraceGraph } from '@graphlet/core';

/**
 * The detail of `nodeId` (`e12`, `a34`), or undefined when the trace has no such node;
 * `graphletsOf` gives the trainers of the graphlets holding the node at a graph index.
 */
export function nodeDetail(
  trace: Trace,
  graph: TraceGraph,
  nodeId: string,
  graphletsOf: (isExecution: boolean, index: number, id: number) => number[],
): NodeDetail | undefined {
  const numeric = Number(nodeId.slice(1));
  const isExecution = nodeId.startsWith('e');
  const index = isExecution ? graph.executionIndex(numeric) : graph.artifactIndex(numeric);
  if (index < 0) return undefined;
  const inputs: NodeDetail['inputs'] = [];
  const outputs: NodeDetail['outputs'] = [];
  for (const event of trace.events) {
    const link = (node: string) => (event.key === undefined ? { node } : { node, key: event.key });
    if (isExecution && event.execution === numeric) {
      (event.kind === 'input' ? inputs : outputs).push(link(`a${event.artifact}`));
    } else if (!isExecution && event.artifact === numeric) {
      (event.kind === 'output' ? inputs : outputs).push(link(`e${event.execution}`));
    }
  }
  const base = isExecution ? graph.executions[index]! : graph.artifacts[index]!;
  const detail: NodeDetail = {
    id: nodeId,
    kind: isExecution ? 'execution' : 'artifact',
    type: base.type,
    state: base.state,
    properties: base.properties,
    customProperties: base.customProperties,
    inputs,
    outputs,
    graphlets: graphletsOf(isExecution, index, numeric),
  };
  if (base.name !== undefined) detail.name = base.name;
  if ('role' in base) {
    detail.role = base.role;
    if (base.node !== undefined) detail.node = base.node;
    if (base.startMs !== undefined) detail.startMs = base.startMs;
    if (base.endMs !== undefined) detail.endMs = base.endMs;
  } else {
    if (base.uri !== undefined) detail.uri = base.uri;
    if (base.createdMs !== undefined) detail.createdMs = base.createdMs;
  }
  return detail;
}
