/** One connected store: its state (syncing, up to date at T, unreachable: reason), sync now, remove. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteConnection, invalidateCorpus, syncConnection } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { Connection } from '../../api/schemas.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { countOf } from '../../lib/plural.ts';

const KIND_LABELS: Readonly<Record<Connection['kind'], string>> = {
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  sqlite: 'SQLite',
};

export interface ConnectionItemProps {
  readonly connection: Connection;
}

/** The state line of a connection, as a person reads it. */
function connectionStateText(c: Connection): string {
  switch (c.state) {
    case 'syncing':
      return 'syncing…';
    case 'ready':
      return c.synced === null ? 'up to date' : `up to date at ${timeOf(c.synced)}`;
    case 'unreachable':
      return `unreachable: ${c.reason ?? 'no reason given'}`;
    case 'failed':
      return `failed: ${c.reason ?? 'no reason given'}`;
  }
}

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour12: false });
}

/** Name, location, state, and the Sync now and Remove buttons. */
export function ConnectionItem({ connection: c }: ConnectionItemProps) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() });
  const sync = useMutation({ mutationFn: () => syncConnection(c.id), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: () => deleteConnection(c.id),
    onSuccess: () => invalidateCorpus(queryClient),
  });
  const problem = c.state === 'unreachable' || c.state === 'failed';
  return (
    <li data-connection={c.id} data-state={c.state}>
      <div style={{ flex: '1 1 240px', minWidth: 0 }}>
        <strong style={{ overflowWrap: 'anywhere' }}>{c.name}</strong>{' '}
        <span className="muted" style={{ overflowWrap: 'anywhere' }}>
          {KIND_LABELS[c.kind]} · {c.location}
        </span>
        <div className={problem ? 'connection-state problem' : 'connection-state'}>
          <span className={`state-dot ${c.state}`} aria-hidden="true" />
          {connectionStateText(c)} · {countOf(c.traces, 'trace')} · every {c.pollSeconds} s
        </div>
      </div>
      <ConfirmAction
        label="Remove…"
        question={`Remove ${c.name} and its traces?`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      >
        <button
          type="button"
          onClick={() => sync.mutate()}
          disabled={sync.isPending || c.state === 'syncing'}
        >
          Sync now
        </button>
      </ConfirmAction>
      {(sync.isError || remove.isError) && (
        <ErrorMessage error={sync.error ?? remove.error} title="The connection did not answer" />
      )}
    </li>
  );
}
