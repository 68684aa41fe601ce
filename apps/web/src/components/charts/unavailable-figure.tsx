/** The panel shown instead of a chart when the corpus lacks the metadata a figure needs. */

export interface UnavailableFigureProps {
  /** The document's `reason`, a sentence saying what is missing. */
  readonly reason: string | undefined;
  /** Space to reserve, so the page does not jump between corpora. */
  readonly height?: number;
}

/** "Not available in this corpus, because <reason>". */
export function UnavailableFigure({ reason, height = 120 }: UnavailableFigureProps) {
  const because =
    reason === undefined || reason === '' ? 'the metadata it needs is missing' : reason;
  return (
    <div className="unavailable-figure" role="note" style={{ minHeight: height }}>
      <strong>Not available in this corpus</strong>
      <span>because {because.replace(/\.$/, '')}.</span>
    </div>
  );
}
