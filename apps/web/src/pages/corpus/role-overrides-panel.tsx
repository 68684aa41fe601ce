/**
 * A source's role overrides: every execution type and task/job name in it, with a role picker.
 * Picking a role stores an override for that type or name (the server re-segments the source);
 * "as classified" removes it.
 */
import { ROLES } from '@graphlet/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { putRoleOverrides, roleOverridesQuery } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { RoleOverrideEntry, RoleOverrides } from '../../api/schemas.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { ROLE_STYLES } from '../../lib/roles.ts';

export interface RoleOverridesPanelProps {
  readonly sourceId: string;
  readonly sourceName: string;
}

/** The role table of one source. */
export function RoleOverridesPanel({ sourceId, sourceName }: RoleOverridesPanelProps) {
  const queryClient = useQueryClient();
  const query = useQuery(roleOverridesQuery(sourceId));
  const save = useMutation({
    mutationFn: (overrides: RoleOverrideEntry[]) => putRoleOverrides(sourceId, overrides),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.roleOverrides(sourceId), answer);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all });
    },
  });
  if (query.isError) return <QueryErrorMessage query={query} title="Could not load the roles" />;
  if (query.data === undefined) return <p className="muted">Loading roles…</p>;
  const { overrides, subjects } = query.data;
  const choose = (field: 'type' | 'name', value: string, role: string) => {
    const rest = overrides.filter((o) => !(o.field === field && o.value === value));
    save.mutate(
      role === '' ? rest : [...rest, { field, value, role: role as RoleOverrideEntry['role'] }],
    );
  };
  return (
    <section aria-label={`Roles of ${sourceName}`} className="stack" style={{ gap: 6 }}>
      <p className="muted" style={{ margin: 0 }}>
        Roles come from type names, then task and job names. Override them per type or name; the
        traces are segmented again.
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">by</th>
            <th scope="col">type or name</th>
            <th scope="col">executions</th>
            <th scope="col">role</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((s) => (
            <SubjectRow
              key={`${s.field}:${s.value}`}
              subject={s}
              overrides={overrides}
              disabled={save.isPending}
              onChoose={choose}
            />
          ))}
        </tbody>
      </table>
      {save.isError && <ErrorMessage error={save.error} title="Could not save the roles" />}
    </section>
  );
}

function SubjectRow({
  subject,
  overrides,
  disabled,
  onChoose,
}: {
  readonly subject: RoleOverrides['subjects'][number];
  readonly overrides: RoleOverrides['overrides'];
  readonly disabled: boolean;
  readonly onChoose: (field: 'type' | 'name', value: string, role: string) => void;
}) {
  const override = overrides.find((o) => o.field === subject.field && o.value === subject.value);
  return (
    <tr>
      <td>{subject.field}</td>
      <td style={{ overflowWrap: 'anywhere' }}>{subject.value}</td>
      <td>{subject.executions}</td>
      <td>
        <select
          aria-label={`Role of ${subject.field} ${subject.value}`}
          value={override?.role ?? ''}
          disabled={disabled}
          onChange={(event) => onChoose(subject.field, subject.value, event.target.value)}
        >
          <option value="">
            {override !== undefined
              ? 'as classified'
              : `as classified (${subject.role === null ? 'mixed' : ROLE_STYLES[subject.role].label})`}
          </option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_STYLES[r].label}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
