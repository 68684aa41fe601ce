/** Posts a file to /api/sources as multipart `file`, reporting bytes sent (XHR: fetch has no upload progress). */
import { ApiError, apiErrorFrom } from './api-error.ts';
import { authHeaders } from './http.ts';
import { type UploadAccepted, uploadAccepted } from './schemas.ts';
import { requireToken } from './token-store.ts';

/** Bytes sent so far of the request body. */
export type SendProgress = (sent: number, total: number) => void;

/** Uploads `file`; resolves with the source and its import job (absent when already imported). */
export function uploadSource(
  file: Blob,
  fileName: string,
  onProgress: SendProgress,
  signal?: AbortSignal,
): Promise<UploadAccepted> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/sources');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed: network error.'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.onload = () => {
      if (xhr.status === 401) requireToken();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFrom(xhr.status, xhr.responseText));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      const parsed = uploadAccepted.safeParse(json);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'bad_response', 'Unexpected answer to the upload.'));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, fileName);
    xhr.send(form);
  });
}
