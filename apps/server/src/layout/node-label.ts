/**
 * Short drawing labels for trace nodes. Executions are named by their pipeline component (the
 * pipeline node MLMD records as a `node` context, else the component id or task name among its
 * properties, else a readable node name, else the type's last segment); artifacts by type and a short name (the output key from the name, else the last two
 * URI segments). Generated ids (UUIDs, long hex) never become labels: LocalDagRunner stores name
 * every execution with one.
 */
import { type Artifact, type Execution, propertyOf } from '@graphlet/core';

/** Properties that name an execution's pipeline node: TFX, then Kubeflow Pipelines v2. */
const COMPONENT_KEYS = ['component_id', 'node_id', 'task_name', 'display_name'] as const;

const GENERATED =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,})$/i;

/** True for a generated identifier (a UUID or a long hex string) rather than a name. */
export function isGeneratedId(text: string): boolean {
  return GENERATED.test(text.trim());
}

/** The last dotted segment of a type name (`tfx.components.trainer.component.Trainer` -> `Trainer`). */
function typeShortName(type: string): string {
  return type.split('.').pop() || type;
}

function readable(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' || isGeneratedId(trimmed) ? undefined : trimmed;
}

/** An execution's label: its component, else its readable name, else its type's last segment. */
export function executionLabel(execution: Execution): string {
  // TFX names node contexts `<pipeline>.<node id>`; node ids hold no dot.
  const node = readable(execution.node?.split('.').pop());
  if (node !== undefined) return node;
  for (const key of COMPONENT_KEYS) {
    const value = propertyOf(execution, key);
    const text = typeof value === 'string' ? readable(value) : undefined;
    if (text !== undefined) return text;
  }
  const name = readable(execution.name);
  if (name !== undefined) {
    // TFX names nodes `<pipeline>:<run>:<component>[:<detail>]`; the component part is the label.
    const parts = name.split(':');
    const label = parts.length >= 3 ? parts.slice(2).join(':') : name;
    if (readable(label) !== undefined) return label;
  }
  return typeShortName(execution.type);
}

/** An artifact's short name: the output key its name records, else the URI's last two segments. */
function artifactShortName(artifact: Artifact): string | undefined {
  const name = readable(artifact.name);
  if (name !== undefined) {
    // `<key>:<ISO timestamp>` (TFX interactive context), `<pipeline>:<run>:<key>:<n>` (synthetic).
    const keyed = /^([^:]+):\d{4}-\d{2}-\d{2}T/.exec(name);
    if (keyed !== null) return keyed[1];
    const parts = name.split(':');
    const key = parts.length >= 4 ? parts[2] : parts[0];
    if (readable(key) !== undefined) return key;
  }
  const segments = (artifact.uri ?? '').split(/[/\\]/).filter((s) => s !== '' && s !== '.');
  const tail = segments.slice(-2).filter((s) => readable(s) !== undefined);
  return tail.length === 0 ? undefined : tail.join('/');
}

/** An artifact's label: `Type · short name`, or the type alone. */
export function artifactLabel(artifact: Artifact): string {
  const type = typeShortName(artifact.type);
  const short = artifactShortName(artifact);
  return short === undefined || short.toLowerCase() === type.toLowerCase()
    ? type
    : `${type} · ${short}`;
}
