/** Says which graphlets are marked as skipped, by which model and threshold, with a way back. */
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import { formatThreshold } from '../../lib/waste/curve-series.ts';
import type { SkippedGraphlets } from './use-skipped-graphlets.ts';

export interface SkipNoticeProps {
  readonly skipped: SkippedGraphlets;
  readonly onClear: () => void;
}

/** A one-line notice; nothing without a `skip` selection. */
export function SkipNotice({ skipped, onClear }: SkipNoticeProps) {
  const { selection } = skipped;
  if (selection === undefined) return null;
  const t = formatThreshold(selection.threshold);
  const back = `/waste?model=${encodeURIComponent(selection.model)}&variant=${encodeURIComponent(selection.variant)}&t=${selection.threshold}`;
  return (
    <p className="notice skip-notice" role="status" data-testid="skip-notice">
      {skipped.error !== null ? (
        <>Could not load the skipped graphlets: {errorMessage(skipped.error)} </>
      ) : skipped.pending ? (
        <>Loading the graphlets {selection.variant} would skip… </>
      ) : (
        <>
          <span className="skip-glyph" aria-hidden="true">
            ⊘
          </span>{' '}
          {skipped.trainers.size === 0
            ? 'No test graphlet of this trace'
            : `${skipped.trainers.size} test graphlet${skipped.trainers.size === 1 ? '' : 's'} of this trace (marked ⊘)`}{' '}
          would be skipped by {selection.variant} at threshold {t} ({selection.model}).{' '}
        </>
      )}
      <Link to={back}>Back to Waste</Link> ·{' '}
      <button type="button" className="link-button" onClick={onClear}>
        Clear marks
      </button>
    </p>
  );
}
