/** The short label a trace node is drawn and listed with. */

/**
 * A node's short label: the server's (an execution's component, an artifact's type and short
 * name), else its name without a `pipeline:run:` prefix, else the last dotted segment of its type.
 */
export function nodeLabel(node: {
  readonly label?: string | undefined;
  readonly name?: string | null | undefined;
  readonly type: string;
}): string {
  if (node.label !== undefined && node.label !== '') return node.label;
  if (node.name !== undefined && node.name !== null && node.name !== '') {
    const parts = node.name.split(':');
    return parts.length >= 3 ? parts.slice(2).join(':') : node.name;
  }
  return node.type.split('.').pop() ?? node.type;
}
