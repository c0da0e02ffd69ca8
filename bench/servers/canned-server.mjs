// @ts-check
// A plain node:http server that answers GetLayerVersion with fixed bytes and does nothing else:
// GET -> the AWS Lambda answer, POST -> the Tencent SCF answer. It is the "canned server" the
// clients call and, for the mock section, the physical limit (same bytes, no mock logic).
// Runs as a child process: reports its port over IPC, dies with its parent.
import { createServer } from 'node:http';
import { cannedCall } from '../lib/canned.mjs';

/** @type {Record<string, import('../lib/canned.mjs').CannedResponse>} */
const responses = process.env.LAYERSPEC_BENCH_RESPONSES
  ? JSON.parse(process.env.LAYERSPEC_BENCH_RESPONSES)
  : { GET: cannedCall('aws-lambda').response, POST: cannedCall('tencent-scf').response };
const bodies = Object.fromEntries(Object.entries(responses).map(([method, response]) => [method, Buffer.from(response.body)]));

/** The last request seen per method, so the bench can replay exactly what an official SDK sent. */
/** @type {Record<string, { method: string, url: string, headers: Record<string, string | string[] | undefined>, body: string }>} */
const lastRequest = {};

const server = createServer((request, response) => {
  /** @type {Buffer[]} */
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const method = request.method ?? 'GET';
    lastRequest[method] = { method, url: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
    const canned = responses[method];
    const body = bodies[method];
    if (!canned || !body) {
      response.writeHead(405, { 'content-type': 'text/plain' }).end(`canned server answers ${Object.keys(responses).join(' and ')} only\n`);
      return;
    }
    response.writeHead(canned.status, { ...canned.headers, 'content-length': body.length });
    response.end(body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('canned server: no TCP address');
  process.send?.({ type: 'listening', url: `http://127.0.0.1:${address.port}` });
});

process.on('message', (/** @type {any} */ message) => {
  if (message?.type === 'last-request') process.send?.({ type: 'last-request', request: lastRequest[message.method] ?? null });
});
// Never outlive the bench: exit when the parent goes away, and after ten minutes at most.
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(0), 10 * 60_000).unref();
