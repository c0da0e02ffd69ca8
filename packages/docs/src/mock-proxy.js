// @ts-check
// Forwards the console's calls from the docs server to the local mocks, so the console page calls
// its own origin (no CORS, nothing leaves the machine). A request under /mock/<api>/ goes to the
// mock of that API with its method, path after the prefix (byte for byte, percent-encoding kept),
// headers and body; Host is the mock's own. The console's clients sign for the mock's URL (GET
// /mock/ tells them which), so the forwarded request is the one they signed and a mock that
// verifies signatures accepts it.
// Only 127.0.0.1 URLs given at start are ever called, and only for the docs' own pages: a
// request from another origin or site is refused, since any page can send a form-like POST
// without asking. The mock's control API is never forwarded; it is reached on the mock's port.
// The body is read whole (with a bound) and sent with its length, so what the mock parses is one
// request whatever framing the browser used. Cookies go neither way. The answer comes back with
// the mock's status and headers, nothing added.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { CONTROL_PREFIX } from '@layerspec/mock/control-guard';
import { isOwnOrigin } from './host-check.js';

/** The path the forwarded calls live under. */
export const MOCK_PREFIX = '/mock/';

// RFC 9110 7.6.1: these describe one connection, not the message, as does every header the
// Connection header names (see passedOn). Host is set to the mock's.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authenticate', 'proxy-authorization'];
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'host',
  // The docs server's cookies are not the mock's business.
  'cookie',
  // The body is sent with its own length, and already read, so nothing waits for a 100 Continue.
  'content-length',
  'expect',
  // Checked here; the mock sees a call from the docs server, as from curl, not from the page.
  'origin',
]);
// The mock may not set cookies on the docs' origin.
const NOT_RETURNED = new Set([...HOP_BY_HOP, 'set-cookie']);
/** The most a forwarded body may hold: the mock's own limit, 10 MiB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How long a mock may take to answer before the console gets a 504. */
const ANSWER_TIMEOUT_MS = 30_000;
/** How long GET /mock/ waits for a mock's port to accept a connection. */
const REACHABLE_TIMEOUT_MS = 2_000;

/**
 * Checks the mocks' URLs: each must be `http://127.0.0.1:<port>` with nothing else, so the docs
 * server can never be made to call anything but a local mock.
 * @param {Record<string, string> | undefined} mocks API name -> the mock's URL
 * @returns {Map<string, URL>}
 */
export function checkMockUrls(mocks = {}) {
  const checked = new Map();
  for (const [api, text] of Object.entries(mocks)) {
    const field = `mocks[${JSON.stringify(api)}]`;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(api)) throw new TypeError(`${field}: an API name is lower-case words joined by "-"`);
    let url;
    try {
      url = new URL(text);
    } catch {
      throw new TypeError(`${field} must be an absolute URL, got ${JSON.stringify(text)}`);
    }
    if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.port === '' || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
      throw new TypeError(
        `${field} must be http://127.0.0.1:<port> with no path, query or user (the docs server forwards only to local mocks), got ${JSON.stringify(text)}`,
      );
    }
    checked.set(api, url);
  }
  return checked;
}

/** Whether something accepts connections at the URL's port. @param {URL} url @returns {Promise<boolean>} */
function reachable(url) {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(REACHABLE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * @param {import('node:http').ServerResponse} response @param {number} status @param {string} text
 * @param {Record<string, string>} [headers]
 */
function answerText(response, status, text, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  response.end(`${text}\n`);
}

/**
 * The headers of `headers` to pass on: none of `dropped`, and none the Connection header names.
 * @param {import('node:http').IncomingHttpHeaders} headers @param {Set<string>} dropped
 * @returns {Record<string, string | string[]>}
 */
function passedOn(headers, dropped) {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  /** @type {Record<string, string | string[]>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !dropped.has(name) && !named.includes(name)) kept[name] = value;
  }
  return kept;
}

/**
 * Why a request may not use the forwarding, or undefined: it comes from a page of another origin
 * (its Origin) or another site (its Sec-Fetch-Site; another port of 127.0.0.1 is the same site).
 * @param {import('node:http').IncomingMessage} request @param {readonly string[]} ownHosts
 */
function foreignPageRefusal(request, ownHosts) {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if ((origin === undefined || isOwnOrigin(origin, ownHosts)) && site !== 'cross-site' && site !== 'same-site') return undefined;
  const own = ownHosts.map((host) => `http://${host}`).join(', ');
  return `Forbidden: ${MOCK_PREFIX} forwards only the calls of this server's own pages (Origin ${own}), not those of a page elsewhere. Scripts and tools call the mocks on their own ports.`;
}

/**
 * What the mock would route `path` as, for the checks below: percent-escapes decoded twice (the
 * mock decodes once; the second round catches a doubly escaped name), the query left off.
 * @param {string} path
 */
function routedPath(path) {
  const decode = (/** @type {string} */ text) => text.replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
  return decode(decode(path.split('?', 1)[0] ?? ''));
}

/**
 * The request's body, or undefined as soon as it passes `limit`; the rest is read and dropped.
 * @param {import('node:http').IncomingMessage} request @param {number} limit @returns {Promise<Buffer | undefined>}
 */
function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    let chunks = [];
    let size = 0;
    request.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks = [];
      resolve(undefined);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Answers a request under MOCK_PREFIX: GET /mock/ lists the mocks (their URLs, the path each is
 * forwarded under, whether its port answers); /mock/<api>/... is forwarded to that mock.
 * @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response
 * @param {Map<string, URL>} mocks
 * @param {readonly string[]} ownHosts the Host values of the docs server (allowedHosts of ./host-check.js)
 */
export async function answerMockRequest(request, response, mocks, ownHosts) {
  const refusal = foreignPageRefusal(request, ownHosts);
  if (refusal) return answerText(response, 403, refusal);
  const target = request.url ?? '/';
  if (target === MOCK_PREFIX || target.startsWith(`${MOCK_PREFIX}?`)) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answerText(response, 405, `Method not allowed: ${request.method}; ${MOCK_PREFIX} answers GET`);
    const listed = await Promise.all([...mocks].map(async ([api, url]) => [api, { url: url.origin, path: `${MOCK_PREFIX}${api}/`, reachable: await reachable(url) }]));
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    return response.end(request.method === 'HEAD' ? undefined : JSON.stringify({ mocks: Object.fromEntries(listed) }));
  }
  const api = target.slice(MOCK_PREFIX.length).split(/[/?]/, 1)[0] ?? '';
  const mock = mocks.get(api);
  if (!mock)
    return answerText(
      response,
      404,
      `No mock is forwarded under ${MOCK_PREFIX}${api}/; this server forwards ${[...mocks.keys()].map((name) => `${MOCK_PREFIX}${name}/`).join(', ')}`,
    );
  const rest = target.slice(MOCK_PREFIX.length + api.length);
  const path = rest.startsWith('/') ? rest : `/${rest}`;
  const routed = routedPath(path);
  // The console never calls the control API; a page that could would rewrite the mock's fixtures
  // and faults. Any spelling of its name is refused, not only the one the mock routes.
  if (routed.toLowerCase().includes(CONTROL_PREFIX.slice(1, -1))) {
    return answerText(response, 404, `The ${api} mock's control API is not forwarded here; it is reached on the mock's own port: ${mock.origin}${CONTROL_PREFIX}`);
  }
  // Something on the way could resolve `..` and hand the mock a path other than the one sent.
  if (routed.split('/').some((segment) => segment === '.' || segment === '..')) {
    return answerText(response, 400, `Bad request: a path forwarded to a mock may not hold a dot segment (. or ..), got ${JSON.stringify(path.split('?', 1)[0])}`);
  }
  const tooLarge = `Payload too large: a request forwarded to a mock may carry at most ${MAX_BODY_BYTES} bytes`;
  // Refused before reading; the connection is closed, so the unread body is not taken for a request.
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) return answerText(response, 413, tooLarge, { connection: 'close' });
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body) return answerText(response, 413, tooLarge, { connection: 'close' });
  // Neither API gives GET a body, and a signature covers the body, so it is refused, not dropped.
  if ((request.method === 'GET' || request.method === 'HEAD') && body.length > 0) {
    return answerText(response, 400, `Bad request: a ${request.method} forwarded to a mock may not carry a body`);
  }
  const headers = passedOn(request.headers, NOT_FORWARDED);
  headers.host = mock.host;
  if (body.length > 0 || request.headers['content-length'] !== undefined) headers['content-length'] = String(body.length);
  await new Promise((resolve) => {
    const upstream = httpRequest({ host: mock.hostname, port: Number(mock.port), method: request.method, path, headers, timeout: ANSWER_TIMEOUT_MS }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, passedOn(answer.headers, NOT_RETURNED));
      answer.pipe(response).on('finish', resolve);
      answer.on('error', () => {
        response.destroy();
        resolve(undefined);
      });
    });
    upstream.on('timeout', () => upstream.destroy(Object.assign(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
    upstream.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (!response.headersSent) {
        const status = error.code === 'ETIMEDOUT' ? 504 : 502;
        answerText(response, status, `The ${api} mock at ${mock.origin} did not answer (${error.code ?? error.message}). \`npm start\` starts both mocks with the docs.`);
      } else response.destroy();
      resolve(undefined);
    });
    upstream.end(body);
  });
}
