/** Regenerates packages/formats/schema/trace.schema.json: `node packages/formats/src/write-trace-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { traceJsonSchema } from './json-trace-format.ts';

/** Where the committed JSON Schema of the trace format lives. */
export const TRACE_SCHEMA_FILE = new URL('../schema/trace.schema.json', import.meta.url);

if (import.meta.main) {
  writeFileSync(TRACE_SCHEMA_FILE, `${JSON.stringify(traceJsonSchema(), null, 2)}\n`);
}
