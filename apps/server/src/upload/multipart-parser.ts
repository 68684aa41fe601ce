// Kept: Hono's parseBody and Request.formData() buffer the whole body and busboy wants a Node stream; this push parser streams a 1 GiB upload off the Web stream to disk one chunk at a time.
/**
 * A push parser for multipart/form-data (RFC 7578): feed body chunks, get part headers and
 * data slices back, never holding more than one chunk plus a delimiter's length in memory.
 */

export type MultipartEvent =
  | { readonly type: 'part'; readonly name: string; readonly filename?: string | undefined }
  | { readonly type: 'data'; readonly data: Buffer }
  | { readonly type: 'end' };

/** A body that is not well-formed multipart. */
export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'done';

/** The boundary of a `multipart/form-data` content type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\s*(;|$)/i.test(contentType))
    return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Parses one multipart body incrementally. */
export class MultipartParser {
  private readonly delimiter: Buffer;
  // The body is read as if preceded by CRLF, so the first delimiter looks like every other one.
  private buffer: Buffer = Buffer.from(CRLF);
  private state: State = 'preamble';

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /**
   * Feeds the next chunk of the body; returns the events it completes. Data events are views of
   * the chunks given (never copied), so a chunk must not change once pushed.
   */
  push(chunk: Uint8Array): MultipartEvent[] {
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const events: MultipartEvent[] = [];
    this.buffer = this.joinBody(view, events) ?? Buffer.concat([this.buffer, view]);
    while (this.step(events));
    return events;
  }

  /** Declares the body complete; throws when it stopped before the closing delimiter. */
  end(): void {
    if (this.state !== 'done')
      throw new MultipartError('multipart: the body ended before the closing boundary');
  }

  /**
   * The chunk alone when nothing is held back from the last one, or inside a part's data when no
   * delimiter starts in the bytes held back (fewer than a delimiter's length): those are data
   * then, and the chunk is not copied onto them. Undefined when the two must be joined.
   */
  private joinBody(chunk: Buffer, events: MultipartEvent[]): Buffer | undefined {
    const held = this.buffer;
    if (held.length === 0) return chunk;
    // A delimiter starting in `held` ends within the chunk's first `delimiter.length - 1` bytes.
    const reach = this.delimiter.length - 1;
    if (this.state !== 'body' || chunk.length < reach) return undefined;
    const at = Buffer.concat([held, chunk.subarray(0, reach)]).indexOf(this.delimiter);
    if (at !== -1 && at < held.length) return undefined;
    events.push({ type: 'data', data: held });
    return chunk;
  }

  /** Advances one state if the buffer allows; false when more input is needed. */
  private step(events: MultipartEvent[]): boolean {
    const keep = this.delimiter.length - 1;
    switch (this.state) {
      case 'preamble': {
        const at = this.buffer.indexOf(this.delimiter);
        if (at === -1) {
          if (this.buffer.length > keep)
            this.buffer = this.buffer.subarray(this.buffer.length - keep);
          return false;
        }
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'delimiter';
        return true;
      }
      case 'delimiter': {
        if (this.buffer.length < 2) return false;
        if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
          this.state = 'done';
          this.buffer = Buffer.alloc(0);
          events.push({ type: 'end' });
          return false;
        }
        const at = this.buffer.indexOf(CRLF);
        if (at === -1) {
          if (this.buffer.length > 1024)
            throw new MultipartError('multipart: malformed boundary line');
          return false;
        }
        // RFC 2046 allows transport padding (linear white space) after a boundary.
        if (!/^[ \t]*$/.test(this.buffer.subarray(0, at).toString('latin1'))) {
          throw new MultipartError('multipart: malformed boundary line');
        }
        this.buffer = this.buffer.subarray(at + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        const empty = this.buffer.length >= 2 && this.buffer[0] === 0x0d && this.buffer[1] === 0x0a;
        const at = empty ? -2 : this.buffer.indexOf(HEADER_END);
        if (at === -1) {
          if (this.buffer.length > MAX_HEADER_BYTES)
            throw new MultipartError('multipart: part headers too long');
          return false;
        }
        events.push(parsePartHeaders(empty ? '' : this.buffer.subarray(0, at).toString('utf8')));
        this.buffer = this.buffer.subarray(at + 4);
        this.state = 'body';
        return true;
      }
      case 'body': {
        const at = this.buffer.indexOf(this.delimiter);
        if (at === -1) {
          const safe = this.buffer.length - keep;
          if (safe > 0) {
            events.push({ type: 'data', data: this.buffer.subarray(0, safe) });
            this.buffer = this.buffer.subarray(safe);
          }
          return false;
        }
        if (at > 0) events.push({ type: 'data', data: this.buffer.subarray(0, at) });
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'delimiter';
        return true;
      }
      case 'done':
        this.buffer = Buffer.alloc(0);
        return false;
    }
  }
}

/** Reads the field name and file name from a part's Content-Disposition header. */
function parsePartHeaders(text: string): MultipartEvent {
  const disposition = text.split('\r\n').find((line) => /^content-disposition\s*:/i.test(line));
  if (disposition === undefined)
    throw new MultipartError('multipart: a part has no Content-Disposition header');
  const name = parameter(disposition, 'name');
  if (name === undefined) throw new MultipartError('multipart: a part has no field name');
  return { type: 'part', name, filename: parameter(disposition, 'filename') };
}

function parameter(header: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (match === null) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}
