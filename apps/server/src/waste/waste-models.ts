/**
 * Trained waste models for the read routes: loaded into typed arrays and kept in the server's
 * cache (models never change), operating points over the stored test predictions, and a
 * graphlet's push prediction.
 */
import type { GraphletPushPrediction } from '@graphlet/contract';
import type { WasteVariant } from '@graphlet/core';
import {
  deserializeForest,
  type Forest,
  forestFromBytes,
  type OperatingPoint,
  operatingPoint,
  predictProba,
} from '@graphlet/forest';
import { thresholdAtFreshness } from '@graphlet/waste';
import type { ServerCache, Sized } from '../cache/server-cache.ts';
import { apiError } from '../http/api-error.ts';
import type { Store } from '../store/store.ts';
import type { StoredVariant, StoredWasteModel } from './stored-waste-model.ts';

/** A variant with its test probabilities as a typed array and its forest rebuilt on first use. */
export interface LoadedVariant extends StoredVariant {
  readonly probability: Float64Array;
  forestCache?: Forest;
}

/** A model ready for fast answers. */
export interface LoadedWasteModel {
  readonly stored: StoredWasteModel;
  readonly pushed: Uint8Array;
  readonly cost: Float64Array;
  readonly variants: ReadonlyMap<WasteVariant, LoadedVariant>;
}

/** The variant a graphlet detail shows: the paper's pick (RF:Input+Pre) when trained, else the first. */
const PREFERRED: WasteVariant = 'RF:Input+Pre';

/** Parsed JSON takes about 1.5 times its text (see cache/trace-entries.ts). */
const PARSED_PER_TEXT_BYTE = 1.5;

/** Loads and caches models; answers operating points and predictions. */
export class WasteModels {
  private readonly store: Store;
  private readonly cache: ServerCache;

  constructor(store: Store, cache: ServerCache) {
    this.store = store;
    this.cache = cache;
  }

  /** The model, or a 404. */
  async require(id: string): Promise<LoadedWasteModel> {
    const model = await this.get(id);
    if (model === undefined) {
      throw apiError(
        404,
        'not_found',
        `waste: no model with id "${id}"; list them at /api/waste/models`,
      );
    }
    return model;
  }

  /** Forgets a deleted model. */
  forget(id: string): void {
    this.cache.drop('waste-model', id);
  }

  /** A variant of a model, or a 400 naming the model's variants. */
  variant(model: LoadedWasteModel, name: WasteVariant): LoadedVariant {
    const v = model.variants.get(name);
    if (v === undefined) {
      throw apiError(
        400,
        'bad_request',
        `waste: model "${model.stored.summary.id}" has no variant ${name}; it has ${[...model.variants.keys()].join(', ')}`,
      );
    }
    return v;
  }

  /** A variant's forest: its blob (or, in older models, its JSON), read on first use. */
  async forest(
    model: LoadedWasteModel,
    name: WasteVariant,
    variant: LoadedVariant,
  ): Promise<Forest> {
    if (variant.forestCache === undefined) {
      const id = model.stored.summary.id;
      const bytes =
        variant.forest === undefined ? await this.store.getWasteForest(id, name) : undefined;
      if (variant.forest === undefined && bytes === undefined) {
        throw new Error(`waste: model ${id} has no stored forest for ${name}`);
      }
      variant.forestCache =
        bytes === undefined ? deserializeForest(variant.forest!) : forestFromBytes(bytes);
      this.cache.grew('waste-model', id, model, forestBytes(variant.forestCache));
    }
    return variant.forestCache;
  }

  /** The operating point of a variant at a threshold over the model's test graphlets. */
  operatingPoint(
    model: LoadedWasteModel,
    variant: LoadedVariant,
    threshold: number,
  ): OperatingPoint {
    return operatingPoint(
      { probability: variant.probability, pushed: model.pushed, cost: model.cost },
      threshold,
    );
  }

  /**
   * A graphlet's push probability: from the newest model whose test set holds it, else scored by
   * the newest model's forest on `features` (by name; NaN = missing); undefined without models.
   */
  async predict(
    traceId: string,
    trainer: number,
    features: Readonly<Record<string, number>>,
  ): Promise<GraphletPushPrediction | undefined> {
    const found = await this.store.findTestGraphlet(traceId, trainer);
    if (found !== undefined) {
      const model = await this.get(found.modelId);
      if (model !== undefined) {
        const [name, v] = preferred(model);
        const probability = v.probability[found.row]!;
        return {
          model: found.modelId,
          variant: name,
          probability,
          testSet: true,
          ...decisionAt(model, name, probability),
        };
      }
    }
    const latest = await this.store.latestWasteModelFor(traceId);
    const model = latest === undefined ? undefined : await this.get(latest);
    if (model === undefined || latest === undefined) return undefined;
    const [name, v] = preferred(model);
    const forest = await this.forest(model, name, v);
    // Single precision, as the training table held the features.
    const row = Float64Array.from(v.features, (f) => Math.fround(features[f] ?? Number.NaN));
    const probability = predictProba(forest, {
      values: row,
      nRows: 1,
      nFeatures: row.length,
    })[0]!;
    return {
      model: latest,
      variant: name,
      probability,
      testSet: false,
      ...decisionAt(model, name, probability),
    };
  }

  private get(id: string): Promise<LoadedWasteModel | undefined> {
    return this.cache.load('waste-model', id, () => this.load(id));
  }

  private async load(id: string): Promise<Sized<LoadedWasteModel> | undefined> {
    const stored = await this.store.getWasteModel(id);
    if (stored === undefined) return undefined;
    const variants = new Map<WasteVariant, LoadedVariant>();
    for (const name of stored.summary.variants) {
      const v = stored.variants[name];
      if (v !== undefined)
        variants.set(name, { ...v, probability: Float64Array.from(v.probabilities) });
    }
    const model: LoadedWasteModel = {
      stored,
      pushed: Uint8Array.from(stored.test.pushed),
      cost: Float64Array.from(stored.test.cost),
      variants,
    };
    const rows = model.pushed.length;
    const arrays = rows * (1 + 8 + 8 * model.variants.size);
    const text = await this.store.wasteModelTextBytes(id);
    return { value: model, bytes: PARSED_PER_TEXT_BYTE * text + arrays };
  }
}

/** The variant's 99%-freshness threshold (the Waste page's default) and what it decides. */
function decisionAt(
  model: LoadedWasteModel,
  variant: WasteVariant,
  probability: number,
): Pick<GraphletPushPrediction, 'threshold' | 'decision'> {
  const curve = model.stored.results.curves[variant] ?? [];
  const threshold = thresholdAtFreshness(curve, 0.99);
  if (threshold === undefined) return { threshold: null, decision: null };
  return { threshold, decision: probability >= threshold ? 'run' : 'skip' };
}

function forestBytes(forest: Forest): number {
  let bytes = 0;
  for (const tree of forest.trees) {
    for (const value of Object.values(tree))
      if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  }
  return bytes;
}

function preferred(model: LoadedWasteModel): [WasteVariant, LoadedVariant] {
  const v = model.variants.get(PREFERRED);
  if (v !== undefined) return [PREFERRED, v];
  const first = [...model.variants][0];
  if (first === undefined)
    throw new Error(`waste: model ${model.stored.summary.id} has no variants`);
  return first;
}
