/** Runs "Train on corpus": the training plan's jobs one after another, followed over SSE. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { followJob } from '../../api/follow-job.ts';
import { startWasteTraining } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { Job } from '../../api/schemas.ts';
import { type TrainProgress, trainPlan, trainProgress } from '../../lib/waste/train-plan.ts';

/** Where training stands. */
export type TrainingState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: TrainProgress }
  | { readonly kind: 'done'; readonly modelId: string }
  | { readonly kind: 'failed'; readonly message: string };

const modelIdOf = (job: Job): string | undefined => {
  const result = job.result as { model?: { id?: unknown } } | undefined;
  return typeof result?.model?.id === 'string' ? result.model.id : undefined;
};

/** The training state and `train(trees)`; `onTrained` gets the main model's id when all is done. */
export function useWasteTraining(onTrained: (modelId: string) => void) {
  const [state, setState] = useState<TrainingState>({ kind: 'idle' });
  const queryClient = useQueryClient();
  const stop = useRef<() => void>(() => {});
  const done = useRef(onTrained);
  done.current = onTrained;
  useEffect(() => () => stop.current(), []);

  const train = useCallback(
    (trees: number) => {
      stop.current();
      let stopped = false;
      let stopJob = () => {};
      stop.current = () => {
        stopped = true;
        stopJob();
      };
      const plan = trainPlan(trees);
      let mainModel: string | undefined;
      const refresh = () =>
        queryClient.invalidateQueries({ queryKey: queryKeys.wasteModels(), exact: true });
      const fail = (message: string) => {
        if (!stopped) setState({ kind: 'failed', message });
        void refresh();
      };
      const run = (index: number) => {
        const step = plan[index];
        if (stopped) return;
        if (step === undefined) {
          void refresh().then(() => {
            if (mainModel !== undefined && !stopped) {
              setState({ kind: 'done', modelId: mainModel });
              done.current(mainModel);
            }
          });
          return;
        }
        setState({ kind: 'running', progress: trainProgress(plan, index, { stage: 'queued' }) });
        startWasteTraining(step.body).then(
          ({ job }) => {
            const onStatus = (status: Job) => {
              if (stopped) return;
              if (status.state === 'failed') {
                fail(status.error?.message ?? 'Training failed.');
              } else if (status.state === 'done') {
                mainModel ??= modelIdOf(status);
                // The main model is usable at once; the ablations follow.
                if (index === 0) void refresh();
                run(index + 1);
              } else {
                setState({
                  kind: 'running',
                  progress: trainProgress(plan, index, status.progress),
                });
              }
            };
            if (job.state === 'done' || job.state === 'failed') onStatus(job);
            else stopJob = followJob(job.id, { onStatus, onError: fail });
          },
          (error: unknown) => fail(errorMessage(error)),
        );
      };
      run(0);
    },
    [queryClient],
  );
  return { state, train };
}
