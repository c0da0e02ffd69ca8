// Test support: a local HTTP server (127.0.0.1, port 0) that misbehaves on request, one
// scripted fault per incoming request, to test the clients over real sockets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'drop' // close the connection before any answer
  | 'stall' // accept and never answer
  | 'html502' // a proxy's HTML error page
  | 'cut' // promise a body, send part of it, close the socket
  | 'short' // send a complete HTTP answer whose JSON is cut off
  | { status: number; headers?: Record<string, string>; body: unknown };

export interface FaultServer {
  url: string;
  /** Requests received so far. */
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>;
  /** Faults for the next requests, in order; the last one repeats. */
  script(...faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let faults: Fault[] = [];
  const requests: FaultServer['requests'] = [];
  const stalled = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    req.resume();
    const fault = faults[Math.min(requests.length, faults.length - 1)] ?? 'drop';
    requests.push({ method: req.method!, url: req.url!, headers: req.headers });
    if (fault === 'drop') return req.socket.destroy();
    if (fault === 'stall') return void stalled.add(res);
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
    res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
    res.end(JSON.stringify(fault.body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    script(...next) {
      faults = next;
      requests.length = 0;
    },
    close() {
      for (const res of stalled) res.socket?.destroy();
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
