/**
 * Runs "Train on corpus" as a TanStack mutation: the training plan's jobs one after another, each
 * followed through `jobQuery` (its event stream), the models list refreshed as models arrive.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { isFinished } from '../../api/job-events.ts';
import { jobQuery, startWasteTraining } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { Job } from '../../api/schemas.ts';
import { type TrainProgress, trainPlan, trainProgress } from '../../lib/waste/train-plan.ts';

/** Where training stands. */
export type TrainingState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: TrainProgress }
  | { readonly kind: 'done'; readonly modelId: string }
  | { readonly kind: 'failed'; readonly message: string };

/** The plan step running and its job once the server accepted it. */
interface Step {
  readonly trees: number;
  readonly index: number;
  readonly job: Job | null;
}

const modelIdOf = (job: Job): string | undefined => {
  const result = job.result as { model?: { id?: unknown } } | undefined;
  return typeof result?.model?.id === 'string' ? result.model.id : undefined;
};

/** The training state and `train(trees)`; `onTrained` gets the main model's id when all is done. */
export function useWasteTraining(onTrained: (modelId: string) => void) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const unmounted = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    unmounted.current = controller;
    return () => controller.abort();
  }, []);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.wasteModels(), exact: true });

  const mutation = useMutation({
    mutationFn: async (trees: number) => {
      const stop = unmounted.current.signal;
      let mainModel: string | undefined;
      for (const [index, planned] of trainPlan(trees).entries()) {
        if (stop.aborted) throw new Error('Training stopped: the page was left.');
        setStep({ trees, index, job: null });
        const { job } = await startWasteTraining(planned.body);
        setStep({ trees, index, job });
        const last = isFinished(job) ? job : await queryClient.fetchQuery(jobQuery(job.id));
        if (last?.state !== 'done') throw new Error(last?.error?.message ?? 'Training failed.');
        mainModel ??= modelIdOf(last);
        // The main model is usable at once; the ablations follow.
        if (index === 0) void refresh();
      }
      if (mainModel === undefined) throw new Error('Training finished without a model.');
      await refresh();
      return mainModel;
    },
    onError: () => refresh(),
    onSuccess: (modelId) => onTrained(modelId),
  });

  // The running job's documents; the mutation's result says how the plan ended.
  const live = useQuery({
    ...jobQuery(step?.job?.id ?? ''),
    enabled: mutation.isPending && step?.job != null,
  });

  const state: TrainingState =
    mutation.status === 'success'
      ? { kind: 'done', modelId: mutation.data }
      : mutation.status === 'error'
        ? { kind: 'failed', message: errorMessage(mutation.error) }
        : mutation.status === 'pending' && step !== null
          ? {
              kind: 'running',
              progress: trainProgress(
                trainPlan(step.trees),
                step.index,
                (live.data ?? step.job)?.progress ?? { stage: 'queued' },
              ),
            }
          : mutation.status === 'pending'
            ? { kind: 'running', progress: { fraction: 0, label: 'Starting…' } }
            : { kind: 'idle' };
  return { state, train: mutation.mutate };
}
