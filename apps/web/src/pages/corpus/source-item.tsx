/** One imported source with a delete button that asks for confirmation inline. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteSource } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { Source } from '../../api/schemas.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { formatBytes } from '../../lib/format.ts';
import { countOf } from '../../lib/plural.ts';
import { RolesDialog } from './roles-dialog.tsx';

const FORMAT_LABELS: Readonly<Record<NonNullable<Source['format']>, string>> = {
  trace: 'JSON trace',
  openlineage: 'OpenLineage events',
  prov: 'PROV-JSON',
  kfp: 'Kubeflow Pipelines runs',
};

const CONNECTION_LABELS: Readonly<Record<NonNullable<Source['connection']>, string>> = {
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  sqlite: 'SQLite',
};

export interface SourceItemProps {
  readonly source: Source;
}

/** Name, size and trace count of a source; delete asks "are you sure" first. */
export function SourceItem({ source }: SourceItemProps) {
  const [roles, setRoles] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteSource(source.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.all }),
  });
  const name = source.name;
  return (
    <li>
      <div style={{ flex: '1 1 160px', minWidth: 0 }}>
        <strong style={{ overflowWrap: 'anywhere' }}>{name}</strong>
        <div className="muted">
          {source.live === true
            ? `${countOf(source.traces, 'trace')} · ${countOf(source.size, 'OpenLineage event')}, live`
            : source.connection !== undefined
              ? `${countOf(source.traces, 'trace')} · connected ${CONNECTION_LABELS[source.connection]} store, kept in sync`
              : `${countOf(source.traces, 'trace')} · ${formatBytes(source.size)} · ${source.kind === 'mlmd' ? 'MLMD store' : FORMAT_LABELS[source.format ?? 'trace']}`}
        </div>
      </div>
      <ConfirmAction
        label="Delete…"
        ariaLabel={`Delete ${name}…`}
        question={`Delete ${name} and its traces?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        danger
      >
        <button
          type="button"
          aria-haspopup="dialog"
          aria-label={`Roles of ${name}…`}
          onClick={() => setRoles(true)}
        >
          Roles…
        </button>
      </ConfirmAction>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
      {roles && (
        <RolesDialog sourceId={source.id} sourceName={name} onClose={() => setRoles(false)} />
      )}
    </li>
  );
}
