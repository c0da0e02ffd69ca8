// @ts-check
// A plain node:http server that answers with fixed bytes and does nothing else: each request goes
// to the canned answer of the operation whose route it matches (method, path template and, for an
// RPC API, the action header), so two operations or providers never share an answer. By default it
// serves the benched operation of each API (lib/canned.mjs). It is the "canned server" the clients
// call and, for the mock section, the physical limit (same bytes, no mock logic).
// Runs as a child process: reports its port over IPC, dies with its parent.
import { createServer } from 'node:http';
import { cannedCall, routeMatcher } from '../lib/canned.mjs';

/** @type {import('../lib/canned.mjs').CannedAnswer[]} */
const answers = process.env.LAYERSPEC_BENCH_RESPONSES
  ? JSON.parse(process.env.LAYERSPEC_BENCH_RESPONSES)
  : /** @type {const} */ (['aws-lambda', 'tencent-scf']).map((api) => {
      const { key, route, response } = cannedCall(api);
      return { key, route, response };
    });
const served = answers.map(({ key, route, response }) => ({ key, matches: routeMatcher(route), response, body: Buffer.from(response.body) }));

/** The last request seen per canned answer, by its key, so the bench can replay exactly what an official SDK sent. */
/** @type {Record<string, { method: string, url: string, headers: Record<string, string | string[] | undefined>, body: string }>} */
const lastRequest = {};

const server = createServer((request, response) => {
  /** @type {Buffer[]} */
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const canned = served.find((answer) => answer.matches(method, url, request.headers));
    if (!canned) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`canned server answers ${answers.map((answer) => answer.key).join(' and ')} only\n`);
      return;
    }
    lastRequest[canned.key] = { method, url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
    response.writeHead(canned.response.status, { ...canned.response.headers, 'content-length': canned.body.length });
    response.end(canned.body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('canned server: no TCP address');
  process.send?.({ type: 'listening', url: `http://127.0.0.1:${address.port}` });
});

process.on('message', (/** @type {any} */ message) => {
  if (message?.type === 'last-request') process.send?.({ type: 'last-request', request: lastRequest[message.key] ?? null });
});
// Never outlive the bench: exit when the parent goes away, and after ten minutes at most.
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(0), 10 * 60_000).unref();
