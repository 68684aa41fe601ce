/**
 * Runs an upload as a TanStack mutation: sends the file (bytes sent from the XHR), then follows the
 * import job through `jobQuery` (its event stream) and refreshes everything computed from the
 * corpus when it is done.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cancelJob } from '../api/cancel-job.ts';
import { isFinished } from '../api/job-events.ts';
import { invalidateCorpus, jobQuery } from '../api/queries.ts';
import type { Job } from '../api/schemas.ts';
import { uploadSource } from '../api/upload-source.ts';
import {
  CANCELED_MESSAGE,
  jobErrorMessage,
  type SendProgress,
  type UploadState,
  uploadState,
} from '../lib/upload-state.ts';

/** The upload state, a function that uploads a file, one that dismisses the result, one that cancels. */
export function useUpload(): {
  state: UploadState;
  upload: (file: File) => void;
  reset: () => void;
  /** Cancels the import job (queued or running); nothing of it is stored. */
  cancel: () => void;
} {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState<SendProgress | null>(null);
  const [accepted, setAccepted] = useState<Job | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: async (file: File) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setAccepted(null);
      setSending({ sent: 0, total: file.size });
      const onSent = (sent: number, total: number) => setSending({ sent, total });
      const { job } = await uploadSource(file, file.name, onSent, controller.signal);
      if (job === null || job.state === 'done') return { job, alreadyImported: true };
      setAccepted(job);
      const last = isFinished(job) ? job : await queryClient.fetchQuery(jobQuery(job.id));
      if (last?.state === 'failed') throw new Error(jobErrorMessage(last));
      if (last?.state === 'canceled') throw new Error(CANCELED_MESSAGE);
      if (last?.state !== 'done') throw new Error('The import stopped before it finished.');
      return { job: last, alreadyImported: false };
    },
    onSuccess: () => invalidateCorpus(queryClient),
  });

  // The job's documents while the upload runs; the mutation's result says how it ended.
  const live = useQuery({
    ...jobQuery(accepted?.id ?? ''),
    enabled: mutation.isPending && accepted !== null,
  });

  const { mutate, reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    abort.current?.abort();
    resetMutation();
    setSending(null);
    setAccepted(null);
  }, [resetMutation]);

  const jobId = accepted?.id;
  const cancel = useCallback(() => {
    if (jobId !== undefined) void cancelJob(jobId).catch(() => {});
  }, [jobId]);

  const state = uploadState({
    fileName: mutation.variables?.name,
    status: mutation.status,
    sending,
    job: live.data ?? accepted,
    result: mutation.data,
    error: mutation.error,
  });
  return { state, upload: mutate, reset, cancel };
}
