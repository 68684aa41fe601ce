/** Pushed, not pushed, or a failed trainer (no model, so no push decision), by colour, symbol and word. */
export interface PushedBadgeProps {
  readonly pushed: boolean;
  /** The trainer failed or was canceled: shown instead of pushed / not pushed. */
  readonly failed?: boolean | undefined;
}

/** A badge: "▲ pushed" solid, "✕ not pushed" dashed, "⚠ failed trainer" dotted. */
export function PushedBadge({ pushed, failed = false }: PushedBadgeProps) {
  if (failed) return <span className="badge failed">⚠ failed trainer</span>;
  return pushed ? (
    <span className="badge pushed">▲ pushed</span>
  ) : (
    <span className="badge unpushed">✕ not pushed</span>
  );
}
