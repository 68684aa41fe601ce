/** Drop a file or choose one: posts it to /api/sources and shows the import's progress. */
import { type DragEvent, useRef, useState } from 'react';
import { useUpload } from '../../hooks/use-upload.ts';
import { UploadProgress } from './upload-progress.tsx';

/** The upload area of the corpus page. */
export function UploadArea() {
  const { state, upload, reset, cancel } = useUpload();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = state.phase === 'sending' || state.phase === 'importing';

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined && !busy) upload(file);
  };

  return (
    <section
      className={over ? 'dropzone over' : 'dropzone'}
      aria-label="Upload an MLMD store or JSON trace"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div>
        <button
          type="button"
          className="primary"
          onClick={() => input.current?.click()}
          disabled={busy}
        >
          Upload a store…
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose an MLMD SQLite store or JSON trace"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) upload(file);
            e.target.value = '';
          }}
        />
      </div>
      <p className="muted" style={{ margin: 0, flex: '0 1 260px' }}>
        or drop an MLMD SQLite store, a JSON trace, OpenLineage events, PROV-JSON or Kubeflow
        Pipelines runs here.
      </p>
      <UploadProgress state={state} onDismiss={reset} onCancel={cancel} />
    </section>
  );
}
