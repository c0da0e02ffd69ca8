// A local HTTP server that records each request exactly as it arrives on the wire, so the tests
// verify what the official SDKs really send rather than what we think they send.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from '../../src/signatures/index.js';

export interface CaptureServer {
  port: number;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function readReceived(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') };
}

/** Starts a recorder on 127.0.0.1 at a free port that answers every request with `answer`. */
export async function startCaptureServer(answer: { contentType: string; body: string }): Promise<CaptureServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    void readReceived(req).then((received) => {
      requests.push(received);
      res.writeHead(200, { 'content-type': answer.contentType, 'x-amzn-requestid': 'capture-1' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
