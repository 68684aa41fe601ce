/** Role toggles that also serve as the legend: glyph (shape) + colour + name. */
import type { ColorScheme } from '../../lib/graph/canvas-palette.ts';
import { NODE_ROLES, type NodeRole, ROLE_STYLES, roleColor } from '../../lib/roles.ts';

export interface RoleFilterProps {
  /** Roles shown; empty means all. */
  readonly roles: readonly NodeRole[];
  readonly scheme: ColorScheme;
  readonly onChange: (roles: NodeRole[]) => void;
}

/** A group of pressed/unpressed role buttons. */
export function RoleFilter({ roles, scheme, onChange }: RoleFilterProps) {
  const all = roles.length === 0;
  const toggle = (role: NodeRole) => {
    const current = all ? [] : roles;
    const next = current.includes(role) ? current.filter((r) => r !== role) : [...current, role];
    onChange(next.length === NODE_ROLES.length ? [] : next);
  };
  return (
    <fieldset className="toolbar" style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend className="visually-hidden">Show roles</legend>
      <button type="button" aria-pressed={all} onClick={() => onChange([])}>
        All roles
      </button>
      {NODE_ROLES.map((role) => {
        const style = ROLE_STYLES[role];
        return (
          <button
            key={role}
            type="button"
            aria-pressed={!all && roles.includes(role)}
            onClick={() => toggle(role)}
            title={`Show ${style.label.toLowerCase()} nodes`}
          >
            <span className="glyph" style={{ color: roleColor(role, scheme) }} aria-hidden="true">
              {style.glyph}
            </span>{' '}
            {style.label}
          </button>
        );
      })}
    </fieldset>
  );
}
