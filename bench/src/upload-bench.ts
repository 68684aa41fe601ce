// Upload: one large file POSTed to a real server process (the embedded default on a fresh data
// dir) and received whole: parsed out of the multipart body, hashed (sha256), written to a temp
// file. The baseline, measured in the same run and alternating with it, is the least any receiver
// does with those bytes: this process reads the file, hashes it and writes a copy beside the
// server's (fs streams, no HTTP). Each is measured `--repeat` times; medians are reported.
//   node bench/src/upload-bench.ts [--file F | --mb 2048] [--repeat 3] [--port 8473]
// Without --file the file is --mb MiB of random bytes, which the server receives whole and then
// refuses as neither an MLMD store nor JSON (415); a real store is imported after its answer, so
// its source is deleted (the import canceled) before the next round.

import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './server-process.ts';
import { postFile } from './upload-client.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    mb: { type: 'string', default: '2048' },
    repeat: { type: 'string', default: '3' },
    port: { type: 'string', default: '8473' },
  },
});
const round = (x: number) => Number(x.toFixed(2));
const log = (text: string) => process.stderr.write(`upload: ${text}\n`);
const serverMain = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'graphlet-upload-bench-'));

/** One measurement: wall seconds and CPU seconds of the receiving side and of the sender. */
interface Sample {
  readonly seconds: number;
  readonly receiverCpu: number;
  readonly senderCpu: number;
}

/** `--mb` MiB of random bytes in a file of this run's folder. */
async function randomFile(mb: number): Promise<string> {
  const path = join(dir, 'random.bin');
  const out = createWriteStream(path);
  const block = Buffer.alloc(16 << 20);
  for (let written = 0; written < mb; written += 16) {
    if (!out.write(randomFillSync(Buffer.from(block)))) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return path;
}

/** CPU seconds this process used since `since` (process.cpuUsage). */
function ownCpu(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** The baseline: read, hash and write a copy of the file in this process. */
async function copyAndHash(path: string): Promise<Sample> {
  const copy = join(dir, 'copy.bin');
  const cpu = process.cpuUsage();
  const start = performance.now();
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(path, { highWaterMark: 1 << 20 }),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(copy),
  );
  hash.digest('hex');
  const seconds = (performance.now() - start) / 1000;
  const receiverCpu = ownCpu(cpu);
  rmSync(copy);
  return { seconds, receiverCpu, senderCpu: 0 };
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const summary = (samples: readonly Sample[], bytes: number) => ({
  seconds: round(median(samples.map((s) => s.seconds))),
  mbPerSecond: round(bytes / 2 ** 20 / median(samples.map((s) => s.seconds))),
  receiverCpuSeconds: round(median(samples.map((s) => s.receiverCpu))),
  senderCpuSeconds: round(median(samples.map((s) => s.senderCpu))),
  rounds: samples.map((s) => round(s.seconds)),
});

const path = values.file ?? (await randomFile(Number(values.mb)));
const bytes = statSync(path).size;
const server = await startServer(serverMain, values.port, {
  MAX_UPLOAD_BYTES: String(2 * bytes + 2 ** 20),
  UPLOAD_IDLE_SECONDS: '120',
});
const uploads: Sample[] = [];
const copies: Sample[] = [];
try {
  for (let i = 0; i < Number(values.repeat); i++) {
    copies.push(await copyAndHash(path));
    const serverCpu = server.cpuSeconds();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const { status, text } = await postFile(`${server.base}/api/sources`, path);
    const seconds = (performance.now() - start) / 1000;
    uploads.push({ seconds, receiverCpu: server.cpuSeconds() - serverCpu, senderCpu: ownCpu(cpu) });
    if (status === 200 || status === 202) {
      const { source } = JSON.parse(text) as { source: { id: string } };
      await fetch(`${server.base}/api/sources/${source.id}`, { method: 'DELETE' });
    } else if (!(status === 415 && values.file === undefined)) {
      throw new Error(`upload answered ${status}: ${text}`);
    }
    log(`round ${i + 1}: upload ${round(seconds)} s, copy ${round(copies.at(-1)!.seconds)} s`);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
const upload = summary(uploads, bytes);
const copy = summary(copies, bytes);
process.stdout.write(
  `${JSON.stringify(
    {
      bytes,
      file: values.file ?? `${values.mb} MiB of random bytes`,
      upload,
      copyAndHash: copy,
      uploadOverCopy: round(upload.seconds / copy.seconds),
      receiverCpuOverCopy: round(upload.receiverCpuSeconds / copy.receiverCpuSeconds),
    },
    null,
    2,
  )}\n`,
);
