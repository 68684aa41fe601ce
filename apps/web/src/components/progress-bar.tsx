/** A progress bar: determinate when the fraction is known, indeterminate otherwise. */
export interface ProgressBarProps {
  /** Completed share in [0, 1]; undefined draws an indeterminate bar. */
  readonly fraction: number | undefined;
  readonly label: string;
}

/** An accessible progress bar (role=progressbar with aria-valuenow when known). */
export function ProgressBar({ fraction, label }: ProgressBarProps) {
  const known = fraction !== undefined;
  const percent = known ? Math.round(fraction * 100) : undefined;
  return (
    <div
      className={known ? 'progress' : 'progress indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
