// The table the forest reads: rows of numeric features, row-major, NaN for a missing value.

/**
 * A row-major table of numbers: the value of feature `f` in row `r` is `values[r * nFeatures + f]`.
 * NaN marks a missing value; ±Infinity are ordinary (extreme) values.
 */
export interface FeatureMatrix {
  readonly values: Float64Array;
  readonly nRows: number;
  readonly nFeatures: number;
}

/** Checks that a matrix's shape matches its values; throws with the calling module's prefix. */
export function checkMatrix(matrix: FeatureMatrix, module: string): void {
  const { values, nRows, nFeatures } = matrix;
  if (!Number.isInteger(nRows) || nRows < 0 || !Number.isInteger(nFeatures) || nFeatures < 1) {
    throw new Error(
      `${module}: nRows must be >= 0 and nFeatures >= 1 (got ${nRows} x ${nFeatures})`,
    );
  }
  if (values.length !== nRows * nFeatures) {
    throw new Error(
      `${module}: values has ${values.length} entries, expected nRows * nFeatures = ${nRows * nFeatures}`,
    );
  }
}
