/** Deletes the selected waste model after an inline "are you sure". */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteWasteModel, invalidateCorpus } from '../../api/queries.ts';
import { ErrorMessage } from '../../components/error-message.tsx';

export interface DeleteModelButtonProps {
  readonly modelId: string;
  /** Called once the model is gone (the page then shows the newest remaining one). */
  readonly onDeleted: () => void;
}

/** "Delete model…", then Delete / Cancel. */
export function DeleteModelButton({ modelId, onDeleted }: DeleteModelButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteWasteModel(modelId),
    onSuccess: async () => {
      setConfirming(false);
      onDeleted();
      // Graphlet pages show the newest model's predictions: those change too.
      await invalidateCorpus(queryClient);
    },
  });
  return (
    <span className="toolbar delete-model" style={{ marginBottom: 0 }}>
      {confirming ? (
        <>
          <span>Delete model {modelId}?</span>
          <button
            type="button"
            className="danger"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={remove.isPending}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
          aria-label={`Delete model ${modelId}…`}
        >
          Delete model…
        </button>
      )}
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete the model" />}
    </span>
  );
}
