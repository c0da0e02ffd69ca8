// Test support: a local HTTP server (127.0.0.1, port 0) that misbehaves on request, one
// scripted fault per incoming request, to test the clients over real sockets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export type Fault =
  | 'drop' // close the connection before any answer
  | 'stall' // accept and never answer
  | 'html502' // a proxy's HTML error page
  | 'cut' // promise a body, send part of it, close the socket
  | 'short' // send a complete HTTP answer whose JSON is cut off
  | 'drip' // answer 200 and send one byte of the body every 100 ms, never ending
  | { gzipBomb: number; status?: number } // a small gzip body that inflates to this many zero bytes
  | { stream: number } // this many bytes, written as fast as the client reads them
  | { redirect: string; status?: number } // 307 (or `status`) to this Location
  | { status: number; headers?: Record<string, string>; body: unknown };

export interface FaultServer {
  url: string;
  /** Requests received so far. */
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  /** Body bytes written for each `stream` fault so far, and whether each was written to the end. */
  streamed: Array<{ sent: number; finished: boolean }>;
  /** Faults for the next requests, in order; the last one repeats. */
  script(...faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let faults: Fault[] = [];
  const requests: FaultServer['requests'] = [];
  const streamed: FaultServer['streamed'] = [];
  const stalled = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const fault = faults[Math.min(requests.length, faults.length - 1)] ?? 'drop';
    const request = { method: req.method!, url: req.url!, headers: req.headers, body: '' };
    requests.push(request);
    req.setEncoding('utf8').on('data', (chunk: string) => (request.body += chunk));
    if (fault === 'drop') return req.socket.destroy();
    if (fault === 'stall') return void stalled.add(res);
    if (fault === 'drip') {
      stalled.add(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const timer = setInterval(() => res.write(' '), 100);
      return res.on('close', () => clearInterval(timer));
    }
    if (fault === 'html502') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    if (fault === 'cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"Version": 1, "Description": "cut');
      return setTimeout(() => req.socket.destroy(), 10);
    }
    if (fault === 'short') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"Version": 1, "Descrip');
    }
    if ('gzipBomb' in fault) {
      res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return res.end(gzipOfZeros(fault.gzipBomb));
    }
    if ('stream' in fault) return streamZeros(res, fault.stream, streamed);
    if ('redirect' in fault) return void res.writeHead(fault.status ?? 307, { location: fault.redirect }).end();
    res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
    res.end(JSON.stringify(fault.body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    streamed,
    script(...next) {
      faults = next;
      requests.length = 0;
      streamed.length = 0;
    },
    close() {
      for (const res of stalled) res.socket?.destroy();
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

const bombs = new Map<number, Buffer>();

/** gzip of `size` zero bytes: about a thousandth of `size` on the wire. */
function gzipOfZeros(size: number): Buffer {
  if (!bombs.has(size)) bombs.set(size, gzipSync(Buffer.alloc(size), { level: 9 }));
  return bombs.get(size)!;
}

/** Writes `size` zero bytes with backpressure, counting what was written before the client left. */
function streamZeros(res: ServerResponse, size: number, streamed: FaultServer['streamed']): void {
  const record = { sent: 0, finished: false };
  streamed.push(record);
  res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(size) });
  const chunk = Buffer.alloc(64 * 1024);
  const pump = () => {
    while (record.sent < size && !res.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, size - record.sent));
      record.sent += part.length;
      if (!res.write(part)) return void res.once('drain', pump);
    }
    if (record.sent >= size) res.end(() => (record.finished = true));
  };
  pump();
}

/**
 * A fault server for one test file: started before its tests, closed after them, and with no
 * requests recorded at the start of each test. The handle forwards to the running server.
 */
export function useFaultServer(): FaultServer {
  let running: FaultServer | undefined;
  const now = () => {
    if (!running) throw new Error('the fault server runs only while the file runs its tests');
    return running;
  };
  beforeAll(async () => {
    running = await startFaultServer();
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    if (running) running.requests.length = 0;
  });
  return {
    get url() {
      return now().url;
    },
    get requests() {
      return now().requests;
    },
    get streamed() {
      return now().streamed;
    },
    script: (...faults) => now().script(...faults),
    close: () => now().close(),
  };
}

/** What a promise rejects with; a promise that resolves gives an error saying it should not have. */
export const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('resolved, but should have failed'),
    (error: unknown) => error,
  );
