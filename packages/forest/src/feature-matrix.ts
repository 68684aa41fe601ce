// The tables the forest reads: rows of numeric features, row-major (FeatureMatrix) or as one
// array per feature with an optional row subset (ColumnMatrix); NaN marks a missing value.

/**
 * A row-major table of numbers: the value of feature `f` in row `r` is `values[r * nFeatures + f]`.
 * NaN marks a missing value; ±Infinity are ordinary (extreme) values.
 */
export interface FeatureMatrix {
  readonly values: Float64Array;
  readonly nRows: number;
  readonly nFeatures: number;
}

/**
 * A column-major view: feature `f` of row `i` is `columns[f][rows[i]]` (or `columns[f][i]`
 * without `rows`), so training reads a feature table's own columns without copying them.
 */
export interface ColumnMatrix {
  readonly columns: readonly (Float32Array | Float64Array)[];
  /** The rows to use, in order; every row of the columns when absent. */
  readonly rows?: Int32Array | undefined;
}

/** What training accepts. */
export type TrainingMatrix = FeatureMatrix | ColumnMatrix;

/** Row and feature counts of either layout. */
export function matrixShape(matrix: TrainingMatrix): { nRows: number; nFeatures: number } {
  if ('values' in matrix) return { nRows: matrix.nRows, nFeatures: matrix.nFeatures };
  return {
    nRows: matrix.rows?.length ?? matrix.columns[0]?.length ?? 0,
    nFeatures: matrix.columns.length,
  };
}

/** Checks that a matrix's shape matches its values; throws with the calling module's prefix. */
export function checkMatrix(matrix: TrainingMatrix, module: string): void {
  if (!('values' in matrix)) {
    checkColumns(matrix, module);
    return;
  }
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

function checkColumns(matrix: ColumnMatrix, module: string): void {
  const { columns, rows } = matrix;
  if (columns.length < 1) throw new Error(`${module}: a column matrix needs at least one column`);
  const length = columns[0]!.length;
  if (columns.some((c) => c.length !== length)) {
    throw new Error(`${module}: columns differ in length`);
  }
  if (rows === undefined) return;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < 0 || r >= length) throw new Error(`${module}: row ${r} is outside 0..${length - 1}`);
  }
}
