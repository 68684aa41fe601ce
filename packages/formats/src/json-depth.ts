/**
 * A nesting limit for JSON read from files: a property value nested thousands deep imports, but
 * then overflows the stack of every recursive reader, validator and writer after it. Checked
 * iteratively right after parsing, naming where the value is.
 */
import { FormatError } from './format-error.ts';

/** The deepest nesting a JSON document may have (objects and arrays, the document itself at 1). */
export const MAX_JSON_DEPTH = 96;

/** The path of the first value nested deeper than `maxDepth`, or undefined. */
export function tooDeepPath(value: unknown, maxDepth = MAX_JSON_DEPTH): string[] | undefined {
  const stack: { value: unknown; depth: number; path: string[] }[] = [
    { value, depth: 0, path: [] },
  ];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (typeof top.value !== 'object' || top.value === null) continue;
    const depth = top.depth + 1;
    if (depth > maxDepth) return top.path;
    if (Array.isArray(top.value)) {
      top.value.forEach((item, i) => {
        stack.push({ value: item, depth, path: [...top.path, `[${i}]`] });
      });
    } else {
      for (const [key, item] of Object.entries(top.value)) {
        stack.push({ value: item, depth, path: [...top.path, `.${key}`] });
      }
    }
  }
  return undefined;
}

/** Throws FormatError `invalid_trace` naming the property whose value nests too deep. */
export function checkJsonDepth(value: unknown, file: string, where = ''): void {
  const path = tooDeepPath(value);
  if (path === undefined) return;
  // The first steps name the property; the rest is the same key or index many times over.
  const shown = `${where}${path.slice(0, 8).join('')}${path.length > 8 ? '…' : ''}`;
  throw new FormatError(
    'invalid_trace',
    file,
    `the value at ${shown || 'the top'} nests deeper than ${MAX_JSON_DEPTH} levels; flatten it or leave it out`,
  );
}
