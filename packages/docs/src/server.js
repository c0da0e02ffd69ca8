// @ts-check
// Serves the built docs folder on node:http with sirv, bound to 127.0.0.1 by default.
// tools/start.mjs imports this beside the mocks; `npm run serve -w @layerspec/docs` runs it alone.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** The port the docs take unless told otherwise. */
export const DEFAULT_PORT = 4000;

export const defaultRoot = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * @param {{ host?: string, port?: number, root?: string }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startDocsServer({ host = '127.0.0.1', port = DEFAULT_PORT, root = defaultRoot } = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} holds no built docs (index.html is missing); run \`npm run docs\` first`);
  }
  const serve = sirv(root, { etag: true, dotfiles: false });
  const server = createServer((request, response) =>
    serve(request, response, () => {
      response.statusCode = 404;
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end(`Not found: ${request.url ?? ''}\n`);
    }),
  );
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
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
