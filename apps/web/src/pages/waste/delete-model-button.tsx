/** Deletes the selected waste model after an inline "are you sure". */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteWasteModel, invalidateCorpus } from '../../api/queries.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';

export interface DeleteModelButtonProps {
  readonly modelId: string;
  /** Called once the model is gone (the page then shows the newest remaining one). */
  readonly onDeleted: () => void;
}

/** "Delete model…", then Delete / Cancel. */
export function DeleteModelButton({ modelId, onDeleted }: DeleteModelButtonProps) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteWasteModel(modelId),
    onSuccess: async () => {
      onDeleted();
      // Graphlet pages show the newest model's predictions: those change too.
      await invalidateCorpus(queryClient);
    },
  });
  return (
    <>
      <ConfirmAction
        // A new key per model: after a delete the page shows another model, asked about afresh.
        key={modelId}
        className="delete-model"
        label="Delete model…"
        ariaLabel={`Delete model ${modelId}…`}
        question={`Delete model ${modelId}?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        danger
      />
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete the model" />}
    </>
  );
}
