/** Pushed or not, by colour, symbol and word. */
export interface PushedBadgeProps {
  readonly pushed: boolean;
}

/** A badge: "▲ pushed" solid, "✕ not pushed" dashed. */
export function PushedBadge({ pushed }: PushedBadgeProps) {
  return pushed ? (
    <span className="badge pushed">▲ pushed</span>
  ) : (
    <span className="badge unpushed">✕ not pushed</span>
  );
}
