/**
 * Metrics the server may or may not report for a graphlet (similarities, code match, compute by
 * operator group, push probability, features). Read defensively by name; absent means "not available".
 */

export interface OptionalMetrics {
  readonly datasetSimilarity?: number | undefined;
  readonly jaccard?: number | undefined;
  readonly codeMatch?: boolean | undefined;
  readonly computeByGroup?: Readonly<Record<string, number>> | undefined;
  readonly pushProbability?: number | undefined;
  readonly features?: Readonly<Record<string, number | string | boolean>> | undefined;
}

type Bag = Readonly<Record<string, unknown>>;

const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);

function first<T>(
  bags: readonly Bag[],
  names: readonly string[],
  pick: (v: unknown) => T | undefined,
): T | undefined {
  for (const bag of bags) {
    for (const name of names) {
      const value = pick(bag[name]);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const numbers = (v: unknown) => {
  if (!isBag(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'number') out[k] = x;
  return Object.keys(out).length === 0 ? undefined : out;
};
const scalars = (v: unknown) => {
  if (!isBag(v)) return undefined;
  const out: Record<string, number | string | boolean> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') out[k] = x;
  }
  return Object.keys(out).length === 0 ? undefined : out;
};

/** Optional metrics from a graphlet detail document (top level, graphlet, graphlet.metrics). */
export function optionalMetrics(detail: Bag): OptionalMetrics {
  const graphlet = isBag(detail.graphlet) ? detail.graphlet : {};
  const metrics = isBag(graphlet.metrics) ? graphlet.metrics : {};
  const bags = [metrics, graphlet, detail];
  return {
    datasetSimilarity: first(bags, ['datasetSimilarity', 'dataSimilarity'], num),
    jaccard: first(bags, ['jaccard', 'spanJaccard', 'inputJaccard'], num),
    codeMatch: first(bags, ['codeMatch', 'sameCode'], bool),
    computeByGroup: first(bags, ['computeByGroup', 'computeByRole', 'computeByOperator'], numbers),
    pushProbability: first(bags, ['pushProbability', 'predictedPushProbability'], num),
    features: first(bags, ['features'], scalars),
  };
}
