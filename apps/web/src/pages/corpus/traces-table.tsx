/** The corpus table: one row per trace, column headers sort (state lives in the URL). */
import { Link } from 'react-router';
import type { TraceRow } from '../../lib/corpus/trace-rows.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { TraceColumn } from '../../lib/url-state.ts';

export interface TracesTableProps {
  readonly rows: readonly TraceRow[];
  readonly sort: TraceColumn;
  readonly dir: 'asc' | 'desc';
  readonly onSort: (column: TraceColumn, dir: 'asc' | 'desc') => void;
}

interface Column {
  readonly key: TraceColumn;
  readonly label: string;
  readonly numeric: boolean;
  readonly render: (row: TraceRow) => string;
}

const COLUMNS: readonly Column[] = [
  { key: 'pipeline', label: 'Pipeline', numeric: false, render: (r) => r.pipeline },
  { key: 'source', label: 'Source', numeric: false, render: (r) => r.source },
  {
    key: 'executions',
    label: 'Executions',
    numeric: true,
    render: (r) => formatNumber(r.executions),
  },
  { key: 'artifacts', label: 'Artifacts', numeric: true, render: (r) => formatNumber(r.artifacts) },
  { key: 'graphlets', label: 'Graphlets', numeric: true, render: (r) => formatNumber(r.graphlets) },
  {
    key: 'failedGraphlets',
    label: 'Failed trainers',
    numeric: true,
    render: (r) => formatNumber(r.failedGraphlets),
  },
  {
    key: 'pushedShare',
    label: 'Pushed',
    numeric: true,
    render: (r) => formatPercent(r.pushedShare),
  },
  {
    key: 'lifespan',
    label: 'Lifespan (d)',
    numeric: true,
    render: (r) => formatNumber(r.lifespan, 1),
  },
  {
    key: 'modelsPerDay',
    label: 'Models/day',
    numeric: true,
    render: (r) => formatNumber(r.modelsPerDay, 2),
  },
  {
    key: 'compute',
    label: 'Compute (CPU h)',
    numeric: true,
    render: (r) => formatNumber(r.compute, 1),
  },
];

/** A sortable table of traces; the pipeline name links to the trace page. */
export function TracesTable({ rows, sort, dir, onSort }: TracesTableProps) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">
          Traces, sorted by {sort} ({dir}ending)
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = column.key === sort;
              const next =
                active && dir === 'asc' ? 'desc' : active ? 'asc' : column.numeric ? 'desc' : 'asc';
              return (
                <th
                  key={column.key}
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  scope="col"
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort(column.key, next)}
                  >
                    {column.label}
                    <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {COLUMNS.map((column) =>
                column.key === 'pipeline' ? (
                  <td key={column.key} className="name-cell">
                    <Link to={`/traces/${encodeURIComponent(row.id)}`}>{row.pipeline}</Link>
                  </td>
                ) : (
                  <td
                    key={column.key}
                    className={
                      column.numeric ? 'num' : column.key === 'source' ? 'name-cell' : undefined
                    }
                  >
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
