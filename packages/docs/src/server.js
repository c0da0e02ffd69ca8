// @ts-check
// Serves the built docs folder on node:http, bound to 127.0.0.1 by default.
// tools/start.mjs imports this beside the mocks; `npm run serve -w @layerspec/docs` runs it alone.
// Only regular files whose real path lies under the root are served (a symlink out of the root,
// a dangling link, a folder or a dotfile is 404), only to GET and HEAD, each answer with
// nosniff, a Referrer-Policy and a Content-Security-Policy (see ./csp.js). Given the mocks' URLs,
// it also forwards the console's calls under /mock/ to them (see ./mock-proxy.js). It answers
// only requests whose Host names it as bound (see ./host-check.js), so a page whose DNS name was
// pointed at 127.0.0.1 reads nothing.
import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'mrmime';
import { contentSecurityPolicy, DOCUMENT_POLICY } from './csp.js';
import { allowedHosts, isAllowedHost } from './host-check.js';
import { answerMockRequest, checkMockUrls, MOCK_PREFIX } from './mock-proxy.js';

/** The port the docs take unless told otherwise. */
export const DEFAULT_PORT = 4000;

export const defaultRoot = fileURLToPath(new URL('../dist', import.meta.url));

const ALLOWED_METHODS = 'GET, HEAD';
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The pages link to each other and to downloads only; no other site needs to know where from.
  'referrer-policy': 'no-referrer',
};

/**
 * The real path of the regular file a URL path names (a folder's index.html), or undefined when
 * it is not a regular file under the root.
 * @param {string} realRoot @param {string} urlPath
 */
async function resolveFile(realRoot, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter(Boolean);
  // `..` (even percent-encoded), dotfiles, backslashes and NUL never name a file of the site.
  if (segments.some((segment) => segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'))) return undefined;
  const wanted = decoded.endsWith('/') ? [...segments, 'index.html'] : segments;
  try {
    const real = await realpath(join(realRoot, ...wanted));
    if (!real.startsWith(realRoot + sep)) return undefined;
    const stats = await stat(real);
    return stats.isFile() ? { path: real, stats } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {import('node:http').ServerResponse} response @param {number} status @param {string} text
 * @param {Record<string, string>} [headers]
 */
function answerText(response, status, text, headers = {}) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-security-policy': DOCUMENT_POLICY, 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${text}\n`);
}

/**
 * @param {{ host?: string, port?: number, root?: string, mocks?: Record<string, string> }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startDocsServer({ host = '127.0.0.1', port = DEFAULT_PORT, root = defaultRoot, mocks: mockUrls } = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
  const mocks = checkMockUrls(mockUrls);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} holds no built docs (index.html is missing); run \`npm run docs\` first`);
  }
  const realRoot = realpathSync(root);
  /** The Host values this server answers; set once it is bound (the port may be 0 until then). */
  let ownHosts = /** @type {string[]} */ ([]);
  // Node answers a request without Host with its own bare 400; the Host check answers it instead.
  const server = createServer({ requireHostHeader: false }, async (request, response) => {
    try {
      if (!isAllowedHost(request.headers.host, ownHosts)) {
        return answerText(response, 421, `Misdirected request: this server answers only the Host ${ownHosts.join(', ')}`);
      }
      if (mocks.size > 0 && (request.url ?? '').startsWith(MOCK_PREFIX)) return await answerMockRequest(request, response, mocks, ownHosts);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return answerText(response, 405, `Method not allowed: ${request.method}; the docs answer ${ALLOWED_METHODS}`, { allow: ALLOWED_METHODS });
      }
      const urlPath = new URL(request.url ?? '/', 'http://docs.invalid').pathname;
      const file = await resolveFile(realRoot, urlPath);
      if (!file) return answerText(response, 404, `Not found: ${urlPath}`);
      const type = lookup(file.path) ?? 'application/octet-stream';
      const etag = `W/"${file.stats.size}-${file.stats.mtime.getTime()}"`;
      const headers = {
        ...SECURITY_HEADERS,
        'content-security-policy': type === 'text/html' ? await contentSecurityPolicy(file.path, file.stats) : DOCUMENT_POLICY,
        'content-type': type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type,
        'cache-control': 'no-cache',
        etag,
        'last-modified': file.stats.mtime.toUTCString(),
      };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers);
        return response.end();
      }
      response.writeHead(200, { ...headers, 'content-length': String(file.stats.size) });
      if (request.method === 'HEAD') return response.end();
      createReadStream(file.path)
        .on('error', () => response.destroy())
        .pipe(response);
    } catch (error) {
      // Nothing a request carries may stop the server; the reader gets a 500 instead.
      if (!response.headersSent) answerText(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else response.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  ownHosts = allowedHosts({ host, port: boundPort });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}/`;
  return {
    url,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; end them so close() does not wait for their timeout.
        server.closeAllConnections();
      }),
  };
}
