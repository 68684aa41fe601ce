/** The side panel of a clicked node: label, type, role, state, times, properties, links, graphlets. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { nodeQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { formatTime } from '../../lib/format.ts';
import { countOf } from '../../lib/plural.ts';
import { nodeRole, ROLE_STYLES } from '../../lib/roles.ts';
import { PropertyTable } from './property-table.tsx';
import { StateBadge } from './state-badge.tsx';

/** Graphlet links listed at most (a shared schema can belong to hundreds). */
const MAX_GRAPHLET_LINKS = 12;

export interface NodePanelProps {
  readonly traceId: string;
  readonly nodeId: string;
  /** The node's label as drawn; labels of linked nodes by id. */
  readonly labelOf: (nodeId: string) => string | undefined;
  readonly hops: number;
  readonly onSelectNode: (nodeId: string) => void;
  readonly onSelectGraphlet: (trainer: string) => void;
  readonly onShowLineage: (nodeId: string) => void;
  readonly onClose: () => void;
}

/** Details of one node from /api/traces/:id/nodes/:nodeId. */
export function NodePanel(props: NodePanelProps) {
  const { traceId, nodeId, labelOf, onSelectNode, onSelectGraphlet, onClose } = props;
  const node = useQuery(nodeQuery(traceId, nodeId));
  return (
    <section aria-labelledby="node-panel-title">
      <div className="toolbar" style={{ justifyContent: 'space-between', flexWrap: 'nowrap' }}>
        <h2 id="node-panel-title" style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {labelOf(nodeId) ?? nodeId}{' '}
          <span className="mono muted" data-testid="node-id">
            {nodeId}
          </span>
        </h2>
        <button type="button" onClick={onClose} aria-label="Close node details">
          ✕
        </button>
      </div>
      <p>
        <button type="button" onClick={() => props.onShowLineage(nodeId)}>
          Show lineage ({countOf(props.hops, 'hop')} each way)
        </button>
      </p>
      {node.isPending ? (
        <Skeleton height={240} label="Loading node" />
      ) : node.isError ? (
        <QueryErrorMessage query={node} title="Could not load the node" />
      ) : (
        <>
          <dl>
            <dt>Name</dt>
            <dd>{node.data.name ?? '–'}</dd>
            {node.data.node !== undefined && (
              <>
                <dt>Pipeline node</dt>
                <dd className="mono">{node.data.node}</dd>
              </>
            )}
            <dt>Type</dt>
            <dd className="mono">{node.data.type}</dd>
            <dt>Role</dt>
            <dd>{ROLE_STYLES[nodeRole(node.data.kind, node.data.role)].label}</dd>
            <dt>State</dt>
            <dd data-testid="node-state">
              {node.data.kind === 'execution' ? (
                <StateBadge state={node.data.state} />
              ) : (
                node.data.state
              )}
            </dd>
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
          <NodeLinks
            title="Inputs"
            links={node.data.inputs}
            labelOf={labelOf}
            onSelect={onSelectNode}
          />
          <NodeLinks
            title="Outputs"
            links={node.data.outputs}
            labelOf={labelOf}
            onSelect={onSelectNode}
          />
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
  readonly labelOf: (nodeId: string) => string | undefined;
  readonly onSelect: (nodeId: string) => void;
}

function NodeLinks({ title, links, labelOf, onSelect }: NodeLinksProps) {
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
              <button
                type="button"
                className="link"
                onClick={() => onSelect(link.node)}
                data-node={link.node}
              >
                {labelOf(link.node) ?? link.node}
              </button>{' '}
              <span className="mono muted">{link.node}</span>
              {link.key === undefined ? null : <span className="muted"> ({link.key})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
