/** A selected model with its companions: pickers, Table 3, and the threshold section. */

import { WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { wasteModelQuery } from '../../api/queries.ts';
import type { WasteModel, WasteModelSummary } from '../../api/schemas.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { formatNumber } from '../../lib/format.ts';
import { countOf } from '../../lib/plural.ts';
import type { CurvePoint } from '../../lib/waste/curve-series.ts';
import { table3Rows, type WasteRowInput } from '../../lib/waste/table-3-rows.ts';
import { variantModels } from '../../lib/waste/variant-models.ts';
import type { WasteSearch } from '../../lib/waste/waste-search.ts';
import { DeleteModelButton } from './delete-model-button.tsx';
import { ModelPicker } from './model-picker.tsx';
import { Table3 } from './table-3.tsx';
import { ThresholdSection } from './threshold-section.tsx';
import { VariantPicker } from './variant-picker.tsx';

export interface WasteViewProps {
  readonly models: readonly WasteModelSummary[];
  readonly selected: WasteModelSummary;
  readonly search: WasteSearch;
  readonly onChange: (patch: Partial<WasteSearch>, replace?: boolean) => void;
}

/** Below this many test graphlets the page says that the numbers are noisy (the paper had ~84,000). */
const FEW_TEST_GRAPHLETS = 1000;

/** Loads the models that hold the seven variants and lays the page out. */
export function WasteView({ models, selected, search, onChange }: WasteViewProps) {
  const sources = useMemo(() => variantModels(models, selected), [models, selected]);
  const ids = useMemo(() => [...new Set(sources.values())], [sources]);
  const details = useQueries({ queries: ids.map((id) => wasteModelQuery(id)) });
  const failed = details.find((d) => d.isError);
  const loaded = details.every((d) => d.data !== undefined);
  const byId = new Map<string, WasteModel>();
  for (const d of details) if (d.data !== undefined) byId.set(d.data.id, d.data);
  const key = loaded ? ids.join(',') : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: byId changes exactly when `key` does
  const { rows, curves } = useMemo(() => {
    const rowSources = new Map<WasteVariant, { model: string; row: WasteRowInput }>();
    const curveMap: Partial<Record<WasteVariant, readonly CurvePoint[]>> = {};
    for (const [variant, id] of sources) {
      const model = byId.get(id);
      const row = model?.rows.find((r) => r.variant === variant);
      if (row !== undefined) rowSources.set(variant, { model: id, row });
      const curve = model?.curves[variant];
      if (curve !== undefined) curveMap[variant] = curve;
    }
    return { rows: table3Rows(rowSources), curves: curveMap };
  }, [key, sources]);

  const available = useMemo(() => new Set(sources.keys()), [sources]);
  const variant = available.has(search.variant)
    ? search.variant
    : (WASTE_VARIANTS.find((v) => available.has(v)) ?? search.variant);
  const modelId = sources.get(variant) ?? selected.id;

  return (
    <div className="stack">
      <div className="toolbar waste-pickers">
        <ModelPicker
          models={models}
          selected={selected.id}
          onSelect={(id) => onChange({ model: id, t: undefined })}
        />
        <VariantPicker
          selected={variant}
          available={available}
          onSelect={(v) => onChange({ variant: v, t: undefined })}
        />
        <DeleteModelButton
          modelId={selected.id}
          onDeleted={() => onChange({ model: undefined, t: undefined }, true)}
        />
        <span className="muted">
          {countOf(selected.scope.pipelines, 'pipeline')} ·{' '}
          {formatNumber(selected.scope.trainGraphlets)} training and{' '}
          {countOf(selected.scope.testGraphlets, 'test graphlet')} ·{' '}
          {countOf(selected.scope.excludedGraphlets, 'warm-start graphlet')} left out (§5)
        </span>
      </div>
      {selected.scope.testGraphlets < FEW_TEST_GRAPHLETS && (
        <p className="notice" role="note">
          Only {selected.scope.testGraphlets} test graphlets: balanced accuracy and the curves move
          a lot from one corpus to the next (the paper tested on ~84,000, 20% of 420,000). For
          numbers close to the paper's, upload a larger corpus, such as{' '}
          <code>pnpm --silent cli synth --pipelines 300 --seed 1 --out corpus.sqlite</code>.
        </p>
      )}
      {variant !== search.variant && (
        <p className="notice" role="status">
          {search.variant} was not trained with this model; showing {variant}.
        </p>
      )}
      {failed !== undefined ? (
        <QueryErrorMessage query={failed} title="Could not load the model" />
      ) : !loaded ? (
        <div className="stack">
          <Skeleton height={260} label="Loading Table 3" />
          <Skeleton height={340} label="Loading Figure 10" />
        </div>
      ) : (
        <>
          <Table3
            rows={rows}
            selected={variant}
            modelId={selected.id}
            onSelect={(v) => onChange({ variant: v, t: undefined })}
          />
          <ThresholdSection
            key={`${modelId}/${variant}`}
            modelId={modelId}
            variant={variant}
            curves={curves}
            threshold={search.t}
            onThreshold={(t) => onChange({ t }, true)}
          />
        </>
      )}
    </div>
  );
}
