/** "Compare with": picks any other graphlet of the trace and opens the two side by side. */
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { GraphletSummary } from '../../api/schemas.ts';
import { formatTime } from '../../lib/format.ts';
import { compareHref } from '../../lib/graphlet/compare-graphlets.ts';

export interface ComparePickerProps {
  readonly traceId: string;
  readonly trainer: number;
  readonly graphlets: readonly GraphletSummary[];
}

/** A select of the trace's other graphlets (the previous one first chosen) and a Compare button. */
export function ComparePicker({ traceId, trainer, graphlets }: ComparePickerProps) {
  const id = useId();
  const navigate = useNavigate();
  const others = graphlets.filter((g) => g.trainer !== trainer);
  const self = graphlets.find((g) => g.trainer === trainer);
  const before = self === undefined ? undefined : others.filter((g) => g.index < self.index).at(-1);
  const [chosen, setChosen] = useState<number | undefined>((before ?? others[0])?.trainer);
  if (others.length === 0) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === undefined) return;
    void navigate(compareHref({ traceId, trainer: chosen }, { traceId, trainer }));
  };
  return (
    <form className="compare-picker" onSubmit={onSubmit}>
      <label htmlFor={id}>Compare with</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
        {others.map((g) => (
          <option key={g.trainer} value={g.trainer}>
            #{g.index + 1} · trainer {g.trainer}
            {g.startMs === null ? '' : ` · ${formatTime(g.startMs)}`}
            {g.pushed ? ' · pushed' : ''}
          </option>
        ))}
      </select>
      <button type="submit">Compare</button>
    </form>
  );
}
