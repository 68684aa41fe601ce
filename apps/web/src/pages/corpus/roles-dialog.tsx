/** A modal dialog holding one source's role overrides; Escape or Close dismisses it. */
import { useEffect, useRef } from 'react';
import { RoleOverridesPanel } from './role-overrides-panel.tsx';

export interface RolesDialogProps {
  readonly sourceId: string;
  readonly sourceName: string;
  readonly onClose: () => void;
}

/** The role overrides of a source, over the page. */
export function RolesDialog({ sourceId, sourceName, onClose }: RolesDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal?.();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`roles-${sourceId}`}
      className="card roles-dialog"
      onClose={onClose}
    >
      <div className="stack">
        <div className="toolbar" style={{ justifyContent: 'space-between', marginBottom: 0 }}>
          <h2 id={`roles-${sourceId}`} style={{ margin: 0 }}>
            Roles of {sourceName}
          </h2>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <RoleOverridesPanel sourceId={sourceId} sourceName={sourceName} />
      </div>
    </dialog>
  );
}
