/** The side panel of a clicked node: type, role, state, times, properties, inputs and outputs, graphlets. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { nodeQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { formatTime } from '../../lib/format.ts';
import { nodeRole, ROLE_STYLES } from '../../lib/roles.ts';
import { PropertyTable } from './property-table.tsx';

/** Graphlet links listed at most (a shared schema can belong to hundreds). */
const MAX_GRAPHLET_LINKS = 12;

export interface NodePanelProps {
  readonly traceId: string;
  readonly nodeId: string;
  readonly onSelectNode: (nodeId: string) => void;
  readonly onSelectGraphlet: (trainer: string) => void;
  readonly onClose: () => void;
}

/** Details of one node from /api/traces/:id/nodes/:nodeId. */
export function NodePanel({
  traceId,
  nodeId,
  onSelectNode,
  onSelectGraphlet,
  onClose,
}: NodePanelProps) {
  const node = useQuery(nodeQuery(traceId, nodeId));
  return (
    <section aria-labelledby="node-panel-title">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="node-panel-title" className="mono" style={{ margin: 0 }}>
          {nodeId}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close node details">
          ✕
        </button>
      </div>
      {node.isPending ? (
        <Skeleton height={240} label="Loading node" />
      ) : node.isError ? (
        <QueryErrorMessage query={node} title="Could not load the node" />
      ) : (
        <>
          <dl>
            <dt>Name</dt>
            <dd>{node.data.name ?? '–'}</dd>
            <dt>Type</dt>
            <dd className="mono">{node.data.type}</dd>
            <dt>Role</dt>
            <dd>{ROLE_STYLES[nodeRole(node.data.kind, node.data.role)].label}</dd>
            <dt>State</dt>
            <dd>{node.data.state}</dd>
            {node.data.kind === 'execution' ? (
              <>
                <dt>Started</dt>
                <dd>{formatTime(node.data.startMs)}</dd>
                <dt>Ended</dt>
                <dd>{formatTime(node.data.endMs)}</dd>
              </>
            ) : (
              <>
                <dt>Created</dt>
                <dd>{formatTime(node.data.createdMs)}</dd>
                <dt>URI</dt>
                <dd className="mono">{node.data.uri ?? '–'}</dd>
              </>
            )}
          </dl>
          <NodeLinks title="Inputs" links={node.data.inputs} onSelect={onSelectNode} />
          <NodeLinks title="Outputs" links={node.data.outputs} onSelect={onSelectNode} />
          <h3>Graphlets ({node.data.graphlets.length})</h3>
          {node.data.graphlets.length === 0 ? (
            <p className="muted">In no graphlet.</p>
          ) : (
            <ul>
              {node.data.graphlets.slice(0, MAX_GRAPHLET_LINKS).map((trainer) => (
                <li key={trainer}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelectGraphlet(String(trainer))}
                  >
                    Highlight graphlet {trainer}
                  </button>{' '}
                  ·{' '}
                  <Link to={`/traces/${encodeURIComponent(traceId)}/graphlets/${trainer}`}>
                    open
                  </Link>
                </li>
              ))}
              {node.data.graphlets.length > MAX_GRAPHLET_LINKS && (
                <li className="muted">
                  and {node.data.graphlets.length - MAX_GRAPHLET_LINKS} more (a shared input)
                </li>
              )}
            </ul>
          )}
          <PropertyTable title="Properties" values={node.data.properties} />
          <PropertyTable title="Custom properties" values={node.data.customProperties} />
        </>
      )}
    </section>
  );
}

interface NodeLinksProps {
  readonly title: string;
  readonly links: readonly { readonly node: string; readonly key?: string | undefined }[];
  readonly onSelect: (nodeId: string) => void;
}

function NodeLinks({ title, links, onSelect }: NodeLinksProps) {
  return (
    <>
      <h3>
        {title} ({links.length})
      </h3>
      {links.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={`${link.node}:${link.key ?? ''}`}>
              <button type="button" className="link mono" onClick={() => onSelect(link.node)}>
                {link.node}
              </button>
              {link.key === undefined ? null : <span className="muted"> ({link.key})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
