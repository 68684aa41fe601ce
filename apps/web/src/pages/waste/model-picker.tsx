/** Chooses the trained model the page shows (newest first). */
import { useId } from 'react';
import type { WasteModelSummary } from '../../api/schemas.ts';

export interface ModelPickerProps {
  readonly models: readonly WasteModelSummary[];
  readonly selected: string;
  readonly onSelect: (modelId: string) => void;
}

const describe = (m: WasteModelSummary) =>
  `${m.id} · ${m.trees} trees · ${m.variants.length === 1 ? m.variants[0] : `${m.variants.length} variants`} · ${m.scope.testGraphlets} test graphlets · ${m.created.slice(0, 16).replace('T', ' ')} UTC`;

/** A labelled select of the models. */
export function ModelPicker({ models, selected, onSelect }: ModelPickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Model</label>
      <select id={id} value={selected} onChange={(event) => onSelect(event.target.value)}>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {describe(m)}
          </option>
        ))}
      </select>
    </div>
  );
}
