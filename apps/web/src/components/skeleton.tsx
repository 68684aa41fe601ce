/** A placeholder block that reserves the space of what is loading, so nothing jumps. */
export interface SkeletonProps {
  readonly height: number | string;
  readonly width?: number | string;
  readonly label?: string;
}

/** A shimmering block of fixed size, announced as loading. */
export function Skeleton({ height, width = '100%', label = 'Loading' }: SkeletonProps) {
  return (
    <div className="skeleton" style={{ height, width }} role="status" aria-label={label}>
      <span className="visually-hidden">{label}…</span>
    </div>
  );
}
