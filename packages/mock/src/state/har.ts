// The request journal as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), the
// format browsers, proxies and `redocly drift` read. What HAR has no field for (the signature
// check, the fault, what became of the answer) goes in the `_layerspec` custom field of each
// entry: HAR 1.2 allows custom fields whose names start with `_`.
//
// A request the mock did not answer (`dropped`) is kept, with status 0 and an empty response, as
// browsers record a request that got no answer: leaving it out would hide from a replay or a
// reader that the request was made. A `cut-off` answer keeps the status and headers that were
// sent and, as its content, only the bytes that left the mock. Tools that check answers against
// the spec skip both by their `_layerspec.answer` (tools/drift.mjs does).
import { STATUS_CODES } from 'node:http';
import { createRequire } from 'node:module';
import type { JournalEntry, SignatureCheck } from './journal-entry.js';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: { mimeType: string; text: string };
  headersSize: number;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string; text?: string };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

/** What HAR has no field for, per entry. */
export interface HarLayerspecFields {
  /** The entry's place in the journal. */
  sequence: number;
  /** `answered`, or what the mock did instead of answering whole. */
  answer: 'answered' | 'dropped' | 'cut-off';
  /** For a cut-off answer: the size of the whole body the mock meant to send. */
  intendedBodySize?: number;
  signature: SignatureCheck;
  /** The operationId of the operation the request named, when the mock read one from it. */
  operation?: string;
  fault?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _layerspec: HarLayerspecFields;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

export interface JournalToHarOptions {
  /** The application that wrote the log; defaults to this package's name and version. */
  creator?: { name: string; version: string };
}

const HTTP_VERSION = 'HTTP/1.1';
/** Not known: the journal keeps header values, not the bytes of the header block. */
const UNKNOWN_SIZE = -1;

function ownPackage(): { name: string; version: string } {
  // src/state/ and dist/state/ are both two folders below the package's root.
  const { name, version } = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
  return { name, version };
}

function nameValues(headers: Record<string, string>): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function queryString(url: string): HarNameValue[] {
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
}

function toRequest(request: JournalEntry['request']): HarRequest {
  const bodySize = Buffer.byteLength(request.body);
  return {
    method: request.method,
    url: request.url,
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: nameValues(request.headers),
    queryString: queryString(request.url),
    ...(bodySize > 0 ? { postData: { mimeType: request.headers['content-type'] ?? '', text: request.body } } : {}),
    headersSize: UNKNOWN_SIZE,
    bodySize,
  };
}

function toResponse(status: number, headers: Record<string, string>, body: string): HarResponse {
  const size = Buffer.byteLength(body);
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: nameValues(headers),
    content: { size, mimeType: contentType, text: body },
    redirectURL: '',
    headersSize: UNKNOWN_SIZE,
    bodySize: size,
  };
}

/** A request that got no answer, as browsers record one. */
function noResponse(): HarResponse {
  return {
    status: 0,
    statusText: '',
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: '' },
    redirectURL: '',
    headersSize: UNKNOWN_SIZE,
    bodySize: UNKNOWN_SIZE,
  };
}

function toEntry(entry: JournalEntry): HarEntry {
  const { answer } = entry;
  const layerspec: HarLayerspecFields = {
    sequence: entry.sequence,
    answer: answer.kind,
    signature: entry.signature,
    ...(entry.operation === undefined ? {} : { operation: entry.operation }),
    ...(entry.fault === undefined ? {} : { fault: entry.fault }),
  };
  let response: HarResponse;
  if (answer.kind === 'answered') {
    response = toResponse(answer.status, answer.headers, answer.body);
  } else if (answer.kind === 'cut-off') {
    // Only the bytes that were sent; a cut in the middle of a UTF-8 sequence decodes to U+FFFD.
    const sent = Buffer.from(answer.body).subarray(0, answer.bytesSent).toString('utf8');
    const bytesSent = Math.min(answer.bytesSent, Buffer.byteLength(answer.body));
    const cut = toResponse(answer.status, answer.headers, sent);
    response = { ...cut, content: { ...cut.content, size: bytesSent }, bodySize: bytesSent };
    layerspec.intendedBodySize = Buffer.byteLength(answer.body);
  } else {
    response = noResponse();
  }
  return {
    startedDateTime: entry.startedAt,
    time: entry.durationMs,
    request: toRequest(entry.request),
    response,
    cache: {},
    // The mock knows only when a request arrived and when its answer ended: all of it is waiting.
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    _layerspec: layerspec,
  };
}

/** The journal's entries, in their order, as a HAR 1.2 log. */
export function journalToHar(entries: readonly JournalEntry[], options: JournalToHarOptions = {}): Har {
  return {
    log: {
      version: '1.2',
      creator: options.creator ?? ownPackage(),
      entries: entries.map(toEntry),
    },
  };
}
