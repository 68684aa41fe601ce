// The benches' upload client: a file POSTed as the multipart field `file`, streamed from disk
// through node:http. FormData with a 6.4 GB blob sent nothing for over a minute (the server
// dropped it, 408); fetch with a streamed body sent it in 44 s using 30 s of the client's CPU, on
// the cores the server shares; node:http, in 30 s using 6 s.

import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';

/** The answer to an upload: its status and body text. */
export interface UploadAnswer {
  readonly status: number;
  readonly text: string;
}

/** POSTs the file at `path` to `url` as the multipart field `file`; answers status and body. */
export async function postFile(url: string, path: string): Promise<UploadAnswer> {
  const boundary = `bench-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="store.sqlite"\r\n` +
      'content-type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + statSync(path).size + tail.length),
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  request.write(head);
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), request, { end: false });
  request.end(tail);
  const response = await answered;
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') };
}

/** Uploads the file and answers its JSON body; throws on another status than 2xx. */
export async function uploadFile(url: string, path: string): Promise<unknown> {
  const { status, text } = await postFile(url, path);
  if (status < 200 || status >= 300) throw new Error(`upload answered ${status}: ${text}`);
  return JSON.parse(text);
}
