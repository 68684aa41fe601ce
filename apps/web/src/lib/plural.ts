/** English plurals through Intl.PluralRules: "1 trace", "2 traces", "0 traces". */
import { formatNumber } from './format.ts';

const rules = new Intl.PluralRules('en-US');

/** The word for `count`: `one` when English says singular, else `other` (default `one` + s). */
export function plural(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === 'one' ? one : other;
}

/** `count` with grouping and its word, e.g. `1 trace`, `1,204 nodes`. */
export function countOf(count: number, one: string, other?: string): string {
  return `${formatNumber(count)} ${plural(count, one, other)}`;
}
