// A fetch over node:http for what needs a Response (openapi-fetch's methods, the archive download):
// redirects returned as they are (redirect: 'manual'), bodies decompressed and streamed, so a
// reader that stops early (a bound, a size mismatch) drops the connection. Loaded on first use.
import { Readable } from 'node:stream';
import { decoded, headersOf, open } from './node-transport.js';
import { NO_BODY } from './retry.js';

export async function nodeFetch(request: Request): Promise<Response> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = await open(request.method, request.url, headers, body, request.signal);
  const status = answer.statusCode ?? 0;
  const empty = NO_BODY.has(status) || request.method === 'HEAD';
  if (empty) answer.resume();
  const stream = empty ? null : await decoded(answer);
  // A body cut off (or aborted) ends the stream with an error, which the reader sees as fetch's would.
  answer.on('aborted', () => stream && (stream as Readable).destroy(new TypeError('terminated')));
  return new Response(stream && (Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>), {
    status,
    statusText: answer.statusMessage ?? '',
    headers: headersOf(answer),
  });
}
