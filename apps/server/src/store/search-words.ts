/**
 * Words for a coarse substring filter. A text's words are its runs between ASCII separators (any
 * ASCII character but a letter or digit); every other character, non-ASCII included, is part of a
 * word. A query is split the same way, so each of its segments lies inside one word of any text
 * containing the query, and a segment the query puts a separator after (or before) ends (or
 * starts) that word: a group of texts whose words match every segment's pattern
 * (case-insensitively) is a superset of the groups holding a text that contains the query.
 */

/** ASCII characters that are not letters or digits (migration 18 splits by the same class in SQL). */
const SEPARATORS = /[^0-9A-Za-z\u{80}-\u{10FFFF}]+/u;

/**
 * The distinct words of some texts (nulls skipped) in first-seen order, each with a space before
 * and after it (` a b `), so that ` word ` is a whole word.
 */
export function distinctWords(texts: Iterable<string | null>): string {
  const words = new Set<string>();
  for (const text of texts) {
    if (text === null) continue;
    for (const word of text.split(SEPARATORS)) if (word !== '') words.add(word);
  }
  return ` ${[...words].join(' ')} `;
}

/**
 * LIKE patterns over `distinctWords` that every group holding a text containing `query` matches:
 * one per segment, anchored to a word's start or end where the query has a separator there (no
 * pattern for a query of separators alone). Segments hold no LIKE wildcard or escape.
 */
export function wordPatterns(query: string): string[] {
  const segments = query.split(SEPARATORS);
  const last = segments.length - 1;
  const patterns = segments.flatMap((segment, i) => {
    if (segment === '') return [];
    // Split by a separator before it (not the query's first) or after it (not its last).
    const start = i > 0 ? ' ' : '';
    const end = i < last ? ' ' : '';
    return [`%${start}${segment}${end}%`];
  });
  return [...new Set(patterns)];
}
