/** Chooses the trained model the page shows (newest first), each named by date, variants and corpus. */
import { useId } from 'react';
import type { WasteModelSummary } from '../../api/schemas.ts';
import { describeModel } from '../../lib/waste/default-model.ts';

export interface ModelPickerProps {
  readonly models: readonly WasteModelSummary[];
  readonly selected: string;
  readonly onSelect: (modelId: string) => void;
}

/** A labelled select of the models. */
export function ModelPicker({ models, selected, onSelect }: ModelPickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Model</label>
      <select id={id} value={selected} onChange={(event) => onSelect(event.target.value)}>
        {[...models]
          .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0))
          .map((m) => (
            <option key={m.id} value={m.id}>
              {describeModel(m)}
            </option>
          ))}
      </select>
    </div>
  );
}
