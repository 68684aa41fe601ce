/** A destructive action that asks "are you sure" inline before it runs. */
import { type ReactNode, useState } from 'react';

export interface ConfirmActionProps {
  /** The button that asks first, e.g. "Delete…". */
  readonly label: string;
  /** Its accessible name when the label alone does not say what it acts on. */
  readonly ariaLabel?: string;
  /** The question shown while confirming, e.g. "Delete x and its traces?". */
  readonly question: string;
  /** The confirming button, e.g. "Delete". */
  readonly confirmLabel: string;
  /** What the confirming button says while the action runs, e.g. "Deleting…". */
  readonly pendingLabel: string;
  readonly pending: boolean;
  readonly onConfirm: () => void;
  /** Draw the asking button as dangerous too (the confirming button always is). */
  readonly danger?: boolean;
  readonly className?: string;
  /** Other buttons shown before the asking button while not confirming. */
  readonly children?: ReactNode;
}

/** The asking button (with `children` beside it), then the question with the action and Cancel. */
export function ConfirmAction(props: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const className = props.className === undefined ? 'toolbar' : `toolbar ${props.className}`;
  return (
    <span className={className} style={{ marginBottom: 0 }}>
      {confirming ? (
        <>
          <span>{props.question}</span>
          <button
            type="button"
            className="danger"
            onClick={props.onConfirm}
            disabled={props.pending}
          >
            {props.pending ? props.pendingLabel : props.confirmLabel}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={props.pending}>
            Cancel
          </button>
        </>
      ) : (
        <>
          {props.children}
          <button
            type="button"
            className={props.danger === true ? 'danger' : undefined}
            onClick={() => setConfirming(true)}
            aria-label={props.ariaLabel}
          >
            {props.label}
          </button>
        </>
      )}
    </span>
  );
}
