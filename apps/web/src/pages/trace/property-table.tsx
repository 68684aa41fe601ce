/** Property names and values of a node (JSON values shown compactly). */
export interface PropertyTableProps {
  readonly title: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A definition list of properties, or nothing when there are none. */
export function PropertyTable({ title, values }: PropertyTableProps) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <dl>
        {entries.map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt>{name}</dt>
            <dd className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
