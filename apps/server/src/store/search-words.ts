/**
 * Words for a coarse substring filter. A text's words are its runs between ASCII separators (any
 * ASCII character but a letter or digit); every other character, non-ASCII included, is part of a
 * word. A query's segments are split the same way, so each segment of a text's substring lies
 * inside one of the text's words: a group of texts whose words contain every segment of the query
 * (case-insensitively) is a superset of the groups holding a text that contains the query.
 */

/** ASCII characters that are not letters or digits (migration 18 splits by the same class in SQL). */
const SEPARATORS = /[^0-9A-Za-z\u{80}-\u{10FFFF}]+/u;

/** The distinct words of some texts (nulls skipped), joined by spaces, in first-seen order. */
export function distinctWords(texts: Iterable<string | null>): string {
  const words = new Set<string>();
  for (const text of texts) {
    if (text === null) continue;
    for (const word of text.split(SEPARATORS)) if (word !== '') words.add(word);
  }
  return [...words].join(' ');
}

/** The segments of a query: its words, each of which a matching text's words must contain. */
export function querySegments(text: string): string[] {
  return [...new Set(text.split(SEPARATORS).filter((word) => word !== ''))];
}
