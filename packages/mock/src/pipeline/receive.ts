// The first stage: a request read from the socket, its body bounded, its headers in lower case.
import type { IncomingMessage } from 'node:http';
import type { ReceivedRequest } from '../answer.js';

/** Requests up to this size are read; Tencent's TC3 limit is 10 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The request, or `tooLarge` when its body passed MAX_BODY_BYTES (the rest is read and dropped). */
export async function receive(incoming: IncomingMessage): Promise<ReceivedRequest | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return { tooLarge: true };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const bodyBytes = Buffer.concat(chunks);
  return { method: incoming.method ?? 'GET', url: originForm(incoming.url ?? '/'), headers, body: bodyBytes.toString('utf8'), bodyBytes };
}

/**
 * The mock's own address, as the connection arrived on it: Location is built from this, never
 * from the request's Host header, which a client may fill with anything (`a@evil.example`).
 */
export function listeningUrl(incoming: IncomingMessage): string {
  const address = incoming.socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${incoming.socket.localPort}`;
}

/**
 * The path and query of a request target: an absolute-form target (`GET http://host/path`), which
 * HTTP/1.1 servers must accept, is read as its path; `*` (of `OPTIONS *`) stays as it is.
 */
function originForm(target: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (!match) return target;
  const rest = target.slice(match[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}
