/** Cancels a queued or running job (DELETE /api/jobs/:id): it ends canceled, nothing stored. */
import { requestJson } from './http.ts';
import { type Job, jobStatus } from './schemas.ts';

/** Asks the server to cancel job `jobId`; resolves with the job as it ended. */
export function cancelJob(jobId: string): Promise<Job> {
  return requestJson(`/api/jobs/${encodeURIComponent(jobId)}`, jobStatus, { method: 'DELETE' });
}
