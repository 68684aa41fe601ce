/** Graphlet selection stepping and trainer-id matching for the trace page. */

/** The graphlet `delta` steps from `current` in `order`; from none, forward picks the first, back the last. */
export function stepGraphlet(
  order: readonly string[],
  current: string | undefined,
  delta: 1 | -1,
): string | undefined {
  if (order.length === 0) return undefined;
  const at = current === undefined ? -1 : order.indexOf(current);
  if (at === -1) return delta === 1 ? order[0] : order[order.length - 1];
  const next = Math.min(order.length - 1, Math.max(0, at + delta));
  return order[next];
}

/** The node id of a trainer: MLMD execution ids are written `e<id>` on nodes and bare in graphlets. */
export function trainerNodeId(trainer: string): string {
  return /^\d+$/.test(trainer) ? `e${trainer}` : trainer;
}

/** The graphlet key among `keys` whose trainer is node `nodeId`, if any. */
export function graphletOfTrainerNode(
  nodeId: string,
  keys: ReadonlySet<string>,
): string | undefined {
  if (keys.has(nodeId)) return nodeId;
  const bare = /^e(\d+)$/.exec(nodeId)?.[1];
  return bare !== undefined && keys.has(bare) ? bare : undefined;
}
