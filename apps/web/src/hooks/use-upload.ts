/** Runs an upload: sends the file, follows the import job, refreshes traces and sources when done. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { followJob } from '../api/follow-job.ts';
import { queryKeys } from '../api/query-keys.ts';
import { uploadSource } from '../api/upload-source.ts';
import { idleUpload, type UploadState, uploadReducer } from '../lib/upload-state.ts';

/** The upload state and a function that uploads a file. */
export function useUpload(): {
  state: UploadState;
  upload: (file: File) => void;
  reset: () => void;
} {
  const [state, dispatch] = useReducer(uploadReducer, idleUpload);
  const queryClient = useQueryClient();
  const stop = useRef<() => void>(() => {});

  useEffect(() => () => stop.current(), []);

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.all }),
    [queryClient],
  );

  const upload = useCallback(
    (file: File) => {
      stop.current();
      const abort = new AbortController();
      let stopJob = () => {};
      stop.current = () => {
        abort.abort();
        stopJob();
      };
      dispatch({ type: 'start', fileName: file.name, total: file.size });
      uploadSource(
        file,
        file.name,
        (sent, total) => dispatch({ type: 'sent', sent, total }),
        abort.signal,
      ).then(
        (accepted) => {
          const { job } = accepted;
          dispatch({ type: 'accepted', job });
          if (job === null || job.state === 'done' || job.state === 'failed') {
            void refresh();
            return;
          }
          stopJob = followJob(job.id, {
            onStatus: (status) => {
              dispatch({ type: 'job', status });
              if (status.state === 'done') void refresh();
            },
            onError: (message) => dispatch({ type: 'error', message }),
          });
        },
        (error: unknown) => {
          if (!abort.signal.aborted) dispatch({ type: 'error', message: errorMessage(error) });
        },
      );
    },
    [refresh],
  );

  const reset = useCallback(() => {
    stop.current();
    dispatch({ type: 'reset' });
  }, []);

  return { state, upload, reset };
}
