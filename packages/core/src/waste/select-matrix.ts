/** Copies a variant's columns for a subset of rows out of the columnar feature table. */

/** A row-major table as @graphlet/forest's FeatureMatrix expects. */
export interface RowMajorMatrix {
  readonly values: Float64Array;
  readonly nRows: number;
  readonly nFeatures: number;
}

/** What selectMatrix reads: one array per feature column. */
export interface ColumnarTable {
  readonly columns: readonly ArrayLike<number>[];
}

/** The sub-table of `rows` (in order) and `columns`, row-major in double precision. */
export function selectMatrix(
  table: ColumnarTable,
  columns: Int32Array,
  rows: Int32Array,
): RowMajorMatrix {
  const k = columns.length;
  const out = new Float64Array(rows.length * k);
  for (let c = 0; c < k; c++) {
    const column = table.columns[columns[c]!]!;
    for (let i = 0; i < rows.length; i++) out[i * k + c] = column[rows[i]!]!;
  }
  return { values: out, nRows: rows.length, nFeatures: k };
}

/** Values of a per-row array at `rows`, as a new array of the same kind. */
export function selectRows<T extends Uint8Array | Float64Array | Int32Array>(
  array: T,
  rows: Int32Array,
): T {
  const out = new (array.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = array[rows[i]!]!;
  return out;
}
