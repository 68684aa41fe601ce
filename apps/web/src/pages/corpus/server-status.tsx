/** The server's limits and how full its bounded caches are, read each time it is opened. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { serverStatusQuery } from '../../api/queries.ts';
import type { ServerStatus as Status } from '../../api/schemas.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { formatBytes } from '../../lib/format.ts';
import { countOf } from '../../lib/plural.ts';

const usage = (cache: Status['memoryCache'], one: string, other?: string) =>
  `${formatBytes(cache.bytes)} of ${formatBytes(cache.limitBytes)} · ${countOf(cache.entries, one, other)}`;

/** A disclosure under the sources: upload and body limits, memory and statistics caches. */
export function ServerStatus() {
  const [open, setOpen] = useState(false);
  const status = useQuery({ ...serverStatusQuery(), enabled: open });
  return (
    <details
      className="server-status"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Server limits and caches</summary>
      {status.isError ? (
        <QueryErrorMessage query={status} title="Could not read the server status" />
      ) : status.data === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <dl className="server-status-list">
          <dt>Largest upload</dt>
          <dd>{formatBytes(status.data.limits.maxUploadBytes)} (MAX_UPLOAD_BYTES)</dd>
          <dt>Largest JSON request</dt>
          <dd>{formatBytes(status.data.limits.maxJsonBytes)} (MAX_JSON_BYTES)</dd>
          <dt>Memory cache</dt>
          <dd>{usage(status.data.memoryCache, 'entry', 'entries')} (CACHE_BYTES)</dd>
          <dt>Statistics cache</dt>
          <dd>{usage(status.data.statsCache, 'result')} (STATS_CACHE_BYTES)</dd>
        </dl>
      )}
    </details>
  );
}
