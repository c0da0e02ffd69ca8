// The Node transport: node:http and node:https with keep-alive agents, no fetch. On Node 20, fetch
// (undici) costs several times node:http per call and tens of milliseconds to load, and the
// official SDKs sit on node:http too. Same contract as fetchTransport: redirects are refused,
// bodies are decompressed as fetch does and read within their bound, and `signal` ends everything.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { ResponseTooLargeError } from './errors.js';
import { NO_BODY, refuseRedirect } from './retry.js';
import type { Incoming, Outgoing, Transport } from './transport.js';

// One pool per protocol for the process: connections are reused across clients and calls. Idle
// sockets are unreferenced by the agent, so they never keep a process alive. node:https (and TLS
// with it) and node:zlib are loaded when first needed: a few ms of start that plain-http callers
// (a local mock) and uncompressed answers never pay.
const plain = { request: httpRequest, agent: new HttpAgent({ keepAlive: true }) };
let secure: Promise<typeof plain> | undefined;
const loadSecure = () => (secure ??= import('node:https').then(({ request, Agent }) => ({ request, agent: new Agent({ keepAlive: true }) })));

/** Sends a request; resolves with the answer's head once it arrives (the body still to read). */
export async function open(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array | string | undefined,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new TypeError(`cannot send to a ${target.protocol} URL`);
  const { request, agent } = target.protocol === 'https:' ? await loadSecure() : plain;
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method, headers, agent, signal }, resolve);
    outgoing.on('error', reject);
    if (body !== undefined) outgoing.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    outgoing.end(body);
  });
}

/** The answer's body as fetch gives it: decompressed by its content-encoding (unknown ones pass through). */
export async function decoded(answer: IncomingMessage): Promise<NodeJS.ReadableStream & { destroy(error?: Error): void }> {
  const encoding = String(answer.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate' && encoding !== 'br') return answer;
  const zlib = await import('node:zlib');
  const decoder = encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : zlib.createGunzip();
  answer.on('error', (error) => decoder.destroy(error));
  answer.on('aborted', () => decoder.destroy(new Error('aborted')));
  return answer.pipe(decoder);
}

/** Header names lower-case (as Node gives them), repeated values joined as fetch joins them. */
export function headersOf(answer: IncomingMessage): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) names[name] = Array.isArray(value) ? value.join(', ') : value;
  return names;
}

const EMPTY = new Uint8Array(0);

/** Reads the body within `maxBytes`, decompressed; a longer body ends the connection and rejects. */
async function readWithin(answer: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const body = answer.headers['content-encoding'] === undefined ? answer : await decoded(answer);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    body.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) return void chunks.push(chunk);
      // Past the bound: stop reading and drop the connection, so a gzip bomb costs at most the bound.
      answer.destroy();
      body.destroy();
      reject(new ResponseTooLargeError(maxBytes, answer.statusCode ?? 0));
    });
    body.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)));
    body.on('error', reject);
    answer.on('aborted', () => reject(new Error('the answer was cut off')));
    answer.on('error', reject);
  });
}

export const nodeTransport: Transport = {
  async exchange({ method, url, headers, body }: Outgoing, signal: AbortSignal, maxBytes: number): Promise<Incoming> {
    const answer = await open(method, url, headers, body, signal);
    const status = answer.statusCode ?? 0;
    try {
      refuseRedirect(status, answer.headers.location);
    } catch (error) {
      answer.destroy();
      throw error;
    }
    const empty = NO_BODY.has(status) || method === 'HEAD';
    if (empty) answer.resume();
    const bytes = empty ? EMPTY : await readWithin(answer, maxBytes);
    return { status, statusText: answer.statusMessage ?? '', headers: headersOf(answer), body: bytes };
  },
  // Loaded on first use (openapi-fetch's methods with middleware, downloads): streaming Responses.
  fetch: async (request) => (await import('./node-fetch.js')).nodeFetch(request),
};

/** The transport of this entry under the `node` condition. */
export const defaultTransport: Transport = nodeTransport;
