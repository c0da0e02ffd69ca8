// Requests that fetch will not send as written: a chosen or missing Host, a path with dot segments
// or escapes kept as they are, and bytes straight onto a socket.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sends one request to the server at `url` with the path exactly as given; `host: null` sends no
 * Host header, any other `host` replaces the one Node would send.
 */
export function rawRequest(
  url: string,
  {
    method = 'GET',
    path = '/',
    host,
    headers = {},
    body,
  }: { method?: string; path?: string; host?: string | null; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: Number(target.port),
        method,
        path,
        setHost: host === undefined,
        headers: { ...(typeof host === 'string' ? { host } : {}), ...headers },
        agent: false,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString('utf8') }));
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Writes `bytes` to the server's port and collects what comes back until the server closes the
 * connection or `until` matches what has arrived so far.
 */
export function rawExchange(url: string, bytes: string | Buffer, until: (received: string) => boolean = () => false): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect({ host: target.hostname, port: Number(target.port) });
    const finish = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (until(received)) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    // A server that answers early and closes may reset the rest of a long write; what it said is kept.
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish() : reject(error)));
    socket.write(bytes);
  });
}

/** The status codes of every HTTP answer in what a raw exchange received, in order. */
export function statuses(received: string): number[] {
  return [...received.matchAll(/^HTTP\/1\.[01] (\d{3}) /gm)].map((match) => Number(match[1]));
}
