/** Chooses one of Table 3's seven variants; those no model at hand has are disabled. */

import { WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';
import { useId } from 'react';

export interface VariantPickerProps {
  readonly selected: WasteVariant;
  readonly available: ReadonlySet<WasteVariant>;
  readonly onSelect: (variant: WasteVariant) => void;
}

/** A labelled select of the variants. */
export function VariantPicker({ selected, available, onSelect }: VariantPickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Variant</label>
      <select
        id={id}
        value={selected}
        onChange={(event) => onSelect(event.target.value as WasteVariant)}
      >
        {WASTE_VARIANTS.map((v) => (
          <option key={v} value={v} disabled={!available.has(v)}>
            {available.has(v) ? v : `${v} (not trained)`}
          </option>
        ))}
      </select>
    </div>
  );
}
