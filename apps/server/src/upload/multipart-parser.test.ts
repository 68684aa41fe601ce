import { describe, expect, it } from 'vitest';
import {
  MultipartError,
  type MultipartEvent,
  MultipartParser,
  multipartBoundary,
} from './multipart-parser.ts';

interface Part {
  name: string;
  filename?: string | undefined;
  data: Buffer;
}

function parse(boundary: string, chunks: readonly Uint8Array[]): Part[] {
  const parser = new MultipartParser(boundary);
  const parts: Part[] = [];
  const collect = (events: MultipartEvent[]) => {
    for (const e of events) {
      if (e.type === 'part')
        parts.push({ name: e.name, filename: e.filename, data: Buffer.alloc(0) });
      else if (e.type === 'data') {
        const last = parts.at(-1)!;
        last.data = Buffer.concat([last.data, e.data]);
      }
    }
  };
  for (const chunk of chunks) collect(parser.push(chunk));
  parser.end();
  return parts;
}

async function encode(form: FormData): Promise<{ body: Buffer; boundary: string }> {
  const response = new Response(form);
  const boundary = multipartBoundary(response.headers.get('content-type') ?? '')!;
  return { body: Buffer.from(await response.arrayBuffer()), boundary };
}

const tricky = Buffer.from('line one\r\n--not-the-boundary\r\n\r\n--\r\n-');

describe('MultipartParser', () => {
  it('reads every part of a body encoded by the platform, split at every position', async () => {
    const form = new FormData();
    form.append('note', 'hello');
    form.append('file', new Blob([tricky]), 'store.sqlite');
    const { body, boundary } = await encode(form);
    for (let cut = 0; cut <= body.length; cut++) {
      const parts = parse(boundary, [body.subarray(0, cut), body.subarray(cut)]);
      expect(parts.map((p) => [p.name, p.filename])).toEqual([
        ['note', undefined],
        ['file', 'store.sqlite'],
      ]);
      expect(parts[1]!.data.equals(tricky)).toBe(true);
    }
  });

  it('reads a body fed one byte at a time', async () => {
    const form = new FormData();
    form.append('file', new Blob([tricky]), 'a "quoted" name.json');
    const { body, boundary } = await encode(form);
    const bytes = [...body].map((b) => Uint8Array.of(b));
    const [part] = parse(boundary, bytes);
    expect(part!.data.equals(tricky)).toBe(true);
    expect(part!.filename).toBe('a %22quoted%22 name.json');
  });

  it('keeps data that contains a prefix of the delimiter across chunk edges', () => {
    const boundary = 'XyZ';
    const content = Buffer.from('aa\r\n--XyaXbb\r\n--X');
    const body = Buffer.concat([
      Buffer.from(
        `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\nepilogue`),
    ]);
    for (let cut = 0; cut <= body.length; cut++) {
      const [part] = parse(boundary, [body.subarray(0, cut), body.subarray(cut)]);
      expect(part!.data.toString()).toBe(content.toString());
    }
  });

  it('reads a body cut in three at every pair of positions, delimiters straddling every seam', () => {
    const boundary = 'XyZ';
    const content = Buffer.from('\r\n--Xy\r\n--Xa XyZ\r\n-\r\n--XyY');
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="n"\r\n\r\nv`),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    for (let a = 0; a <= body.length; a++) {
      for (let b = a; b <= body.length; b++) {
        const chunks = [body.subarray(0, a), body.subarray(a, b), body.subarray(b)];
        const parts = parse(boundary, chunks);
        expect(parts.map((p) => p.name)).toEqual(['file', 'n']);
        expect(parts[0]!.data.equals(content)).toBe(true);
        expect(parts[1]!.data.toString()).toBe('v');
      }
    }
  });

  it('hands the file part on as views of the chunks pushed, not copies', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="f"\r\n\r\n');
    const parser = new MultipartParser('b');
    parser.push(body);
    const chunks = [Buffer.alloc(64 * 1024, 'a'), Buffer.alloc(64 * 1024, 'b')];
    const data = chunks.flatMap((c) => parser.push(c)).filter((e) => e.type === 'data');
    expect(data.length).toBeGreaterThan(0);
    for (const event of data) expect(chunks.map((c) => c.buffer)).toContain(event.data.buffer);
    expect(Buffer.concat(data.map((e) => e.data)).length).toBe(128 * 1024 - ('\r\n--b'.length - 1));
  });

  it('rejects a body cut before its closing boundary', async () => {
    const form = new FormData();
    form.append('file', new Blob(['abc']), 'f');
    const { body, boundary } = await encode(form);
    expect(() => parse(boundary, [body.subarray(0, body.length - 10)])).toThrow(MultipartError);
  });

  it('rejects a part without a Content-Disposition header', () => {
    const body = Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n');
    expect(() => parse('b', [body])).toThrow(/Content-Disposition/);
  });
});

describe('multipartBoundary', () => {
  it('reads quoted and bare boundaries of form-data only', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
    expect(multipartBoundary(undefined)).toBeUndefined();
  });
});
