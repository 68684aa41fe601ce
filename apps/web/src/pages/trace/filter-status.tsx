/** Says how many nodes the filters hide, and offers to clear them; loud when they hide everything. */

import { formatNumber } from '../../lib/format.ts';
import { countOf } from '../../lib/plural.ts';
import { ROLE_STYLES } from '../../lib/roles.ts';
import type { TraceSearch } from '../../lib/url-state.ts';

export interface FilterStatusProps {
  readonly search: TraceSearch;
  readonly total: number;
  readonly hidden: number;
  readonly onClear: () => void;
}

/** The active filters in words, e.g. `roles Trainer, Pusher; from 2021-01-02`. */
function describeFilters(search: TraceSearch): string {
  const parts: string[] = [];
  if (search.roles.length > 0)
    parts.push(`roles ${search.roles.map((r) => ROLE_STYLES[r].label).join(', ')}`);
  if (search.from !== undefined) parts.push(`from ${search.from}`);
  if (search.to !== undefined) parts.push(`to ${search.to}`);
  if (search.focus) parts.push('selected graphlet only');
  return parts.join('; ');
}

/** Nothing when no filter hides a node. */
export function FilterStatus({ search, total, hidden, onClear }: FilterStatusProps) {
  if (hidden === 0) return null;
  const all = hidden >= total;
  return (
    <p
      className={`notice filter-status${all ? ' empty-result' : ''}`}
      role="status"
      data-testid="filter-status"
    >
      {all ? (
        <>
          <strong>No node passes the filters</strong> ({describeFilters(search)}): all{' '}
          {countOf(total, 'node')} are hidden.{' '}
        </>
      ) : (
        <>
          Filters hide {formatNumber(hidden)} of {countOf(total, 'node')} ({describeFilters(search)}
          ).{' '}
        </>
      )}
      <button type="button" onClick={onClear}>
        Clear filters
      </button>
    </p>
  );
}
