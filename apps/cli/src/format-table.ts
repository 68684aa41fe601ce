/** Plain-text tables for terminal output. */

/** Formats rows under headers, columns padded; numbers right-aligned, text left-aligned. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const widths = headers.map((h, c) =>
    Math.max(h.length, ...rows.map((row) => String(row[c] ?? '').length)),
  );
  const line = (cells: readonly (string | number)[]) =>
    cells
      .map((cell, c) =>
        typeof cell === 'number' ? String(cell).padStart(widths[c]!) : cell.padEnd(widths[c]!),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
