/**
 * The Waste page (`/waste?model=&variant=&t=`, paper §5): train the classifier that predicts which
 * training runs will not push, read Table 3 and Figure 10 for the corpus, and choose a threshold.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { wasteModelsQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useSearchState } from '../../hooks/use-search-state.ts';
import { defaultModel } from '../../lib/waste/default-model.ts';
import { type WasteSearch, wasteSearch } from '../../lib/waste/waste-search.ts';
import { TrainPanel } from './train-panel.tsx';
import { useWasteTraining } from './use-waste-training.ts';
import { VariantGuide } from './variant-guide.tsx';
import { WasteView } from './waste-view.tsx';
import '../../components/charts/charts.css';
import './waste.css';

/** Models, training, and the selected model's view. */
export function WastePage() {
  const [search, setSearch] = useSearchState(wasteSearch);
  const models = useQuery(wasteModelsQuery());
  const update = useCallback(
    (patch: Partial<WasteSearch>, replace = false) => setSearch(patch, { replace }),
    [setSearch],
  );
  const training = useWasteTraining(
    useCallback((modelId: string) => update({ model: modelId, t: undefined }), [update]),
  );
  const list = models.data?.models;
  // Without a choice in the URL: the newest model holding the four main variants (not a newer
  // single ablation), else the newest.
  const selected =
    list === undefined
      ? undefined
      : (list.find((m) => m.id === search.model) ?? defaultModel(list));
  return (
    <div className="stack waste-page">
      <div className="page-title">
        <h1>Waste</h1>
        <span className="muted">
          Predict which training runs will never push a model and skip them (Xin et al., SIGMOD
          2021, §5: Table 3 and Figure 10)
        </span>
      </div>
      <TrainPanel state={training.state} onTrain={training.train} />
      <VariantGuide />
      {models.isError ? (
        <QueryErrorMessage query={models} title="Could not load the trained models" />
      ) : list === undefined ? (
        <Skeleton height={300} label="Loading models" />
      ) : selected === undefined ? (
        <div className="card empty">
          <h2>No model yet</h2>
          <p>
            "Train on corpus" trains the seven classifier variants of Table 3 on the imported traces
            (split by pipeline), then shows their freshness-against-waste curves here.
          </p>
        </div>
      ) : (
        <>
          {search.model !== undefined && search.model !== selected.id && (
            <p className="notice" role="status">
              There is no model {search.model}; showing {selected.id}.
            </p>
          )}
          <WasteView models={list} selected={selected} search={search} onChange={update} />
        </>
      )}
    </div>
  );
}
