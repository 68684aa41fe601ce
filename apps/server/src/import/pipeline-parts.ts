/** Where the plan of a JSON import keeps each pipeline's trace, one file each, for its task. */
import { join } from 'node:path';

/** The folder of a file's pipelines, beside the file. */
export const partsDir = (path: string) => `${path}.pipelines`;

/** The file of the `ordinal`-th pipeline. */
export const partFile = (path: string, ordinal: number) => join(partsDir(path), `${ordinal}.json`);
