/** Input span ids as a diff line: "+ a12  + a13" (added) or "− a7" (dropped), the first 40 shown. */

const SHOWN = 40;

export interface SpanIdsProps {
  readonly ids: readonly number[];
  readonly sign: '+' | '−';
}

/** The ids with their sign, "none" when empty, and how many more beyond the first 40. */
export function SpanIds({ ids, sign }: SpanIdsProps) {
  if (ids.length === 0) return <span className="muted">none</span>;
  const shown = ids.slice(0, SHOWN);
  return (
    <span className={sign === '+' ? 'diff-add mono' : 'diff-drop mono'}>
      {shown.map((id) => `${sign} a${id}`).join('  ')}
      {ids.length > shown.length ? `  … ${ids.length - shown.length} more` : ''}
    </span>
  );
}
