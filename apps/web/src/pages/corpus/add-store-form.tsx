/** "Add a store": connects a live MLMD store (MySQL, PostgreSQL, or an SQLite file on the server). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createConnection, invalidateCorpus } from '../../api/queries.ts';
import type { ConnectionKind } from '../../api/schemas.ts';
import { ErrorMessage } from '../../components/error-message.tsx';

const PLACEHOLDERS: Readonly<Record<ConnectionKind, string>> = {
  mysql: 'mysql://reader@127.0.0.1:3306/mlmd',
  postgres: 'postgres://reader@127.0.0.1:5432/mlmd',
  sqlite: '/srv/mlmd/metadata.sqlite',
};

/** The form; a connected store is listed by ConnectionList and synced by the server. */
export function AddStoreForm() {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ConnectionKind>('mysql');
  const [where, setWhere] = useState('');
  const [name, setName] = useState('');
  const [pollSeconds, setPollSeconds] = useState(60);
  const [storeCredentials, setStoreCredentials] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      createConnection({
        kind,
        ...(kind === 'sqlite' ? { path: where.trim() } : { url: where.trim() }),
        name: name.trim() === '' ? defaultName(where) : name.trim(),
        pollSeconds,
        storeCredentials,
      }),
    onSuccess: () => {
      setWhere('');
      setName('');
      void invalidateCorpus(queryClient);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (where.trim() !== '') add.mutate();
  };
  return (
    <form className="card add-store" aria-labelledby="add-store-title" onSubmit={onSubmit}>
      <h2 id="add-store-title">Add a store</h2>
      <div className="add-store-fields">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as ConnectionKind)}>
            <option value="mysql">MySQL / MariaDB</option>
            <option value="postgres">PostgreSQL</option>
            <option value="sqlite">SQLite file on the server</option>
          </select>
        </label>
        <label className="add-store-where">
          {kind === 'sqlite' ? 'Path' : 'URL'}
          <input
            type="text"
            required
            spellCheck={false}
            autoComplete="off"
            placeholder={PLACEHOLDERS[kind]}
            value={where}
            onChange={(e) => setWhere(e.target.value)}
          />
        </label>
        <label>
          Name
          <input
            type="text"
            placeholder="team store"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Poll every (s)
          <input
            type="number"
            min={1}
            max={86400}
            value={pollSeconds}
            onChange={(e) => setPollSeconds(Math.max(1, Number(e.target.value) || 60))}
            style={{ width: 80 }}
          />
        </label>
        {kind !== 'sqlite' && (
          <label className="inline">
            <input
              type="checkbox"
              checked={storeCredentials}
              onChange={(e) => setStoreCredentials(e.target.checked)}
            />
            Store the password
          </label>
        )}
        <button type="submit" className="primary" disabled={add.isPending || where.trim() === ''}>
          {add.isPending ? 'Connecting…' : 'Connect'}
        </button>
      </div>
      <p className="muted add-store-hint">
        Read-only (a user with SELECT is enough); only what changed is read at each poll.
        {kind === 'sqlite'
          ? ' The file is read in place: no upload, no size limit.'
          : ' Without “Store the password” it is kept in memory only (or taken from MLMD_PASSWORD).'}
      </p>
      {add.isError && <ErrorMessage error={add.error} title="Could not connect" />}
    </form>
  );
}

/** A name from the URL's database or the file's name. */
function defaultName(where: string): string {
  const last = where.trim().split(/[/\\]/).filter(Boolean).at(-1) ?? where;
  return last.replace(/\?.*$/, '') || 'store';
}
