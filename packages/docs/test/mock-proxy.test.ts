// The docs server's forwarding of the console's calls (/mock/<api>/...) to the local mocks, without a browser.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaClient } from '@layerspec/aws-lambda';
import { createScfClient } from '@layerspec/tencent-scf';
import { defaultTestCredentials, startMock } from '@layerspec/mock';
import { models } from '@layerspec/specs/model';
import { startDocsServer } from '../src/server.js';
import { rawExchange, rawRequest, statuses } from './raw-http.js';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in mock on 127.0.0.1 that records what reaches it and answers with odd status and
 * headers (and `extraHeaders`, for headers the docs server must not pass back).
 */
async function recordingUpstream(extraHeaders: Record<string, string | string[]> = {}): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(418, 'Short and Stout', { 'content-type': 'application/json', 'x-amzn-errortype': 'Teapot', 'x-answer': 'as sent', ...extraHeaders });
      response.end('{"Message":"untouched"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the docs server forwarding to the mocks', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'layerspec-docs-proxy-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("keeps the method, the path as sent (percent-encoding and query), the headers and the body; Host is the mock's", async () => {
    const upstream = await recordingUpstream();
    const docs = await startDocsServer({ port: 0, root, mocks: { 'aws-lambda': upstream.url } });
    try {
      const answer = await fetch(`${docs.url}mock/aws-lambda/2018-10-31/layers/arn%3Aaws%3Alambda/versions/1?x=a%2Fb`, {
        method: 'PATCH',
        headers: { authorization: 'AWS4-HMAC-SHA256 Signature=abc', 'x-amz-date': '20261201T000000Z', 'content-type': 'application/json' },
        body: '{"exact": "body ✓"}',
      });
      expect(upstream.seen).toHaveLength(1);
      const [seen] = upstream.seen;
      expect(seen?.method).toBe('PATCH');
      expect(seen?.url).toBe('/2018-10-31/layers/arn%3Aaws%3Alambda/versions/1?x=a%2Fb');
      expect(seen?.headers.host).toBe(new URL(upstream.url).host);
      expect(seen?.headers.authorization).toBe('AWS4-HMAC-SHA256 Signature=abc');
      expect(seen?.headers['x-amz-date']).toBe('20261201T000000Z');
      expect(seen?.body).toBe('{"exact": "body ✓"}');
      // The answer comes back as the mock gave it: status, reason, headers, body.
      expect(answer.status).toBe(418);
      expect(answer.statusText).toBe('Short and Stout');
      expect(answer.headers.get('x-amzn-errortype')).toBe('Teapot');
      expect(answer.headers.get('x-answer')).toBe('as sent');
      expect(await answer.text()).toBe('{"Message":"untouched"}');
    } finally {
      await docs.close();
      await upstream.close();
    }
  });

  it('lists the mocks at GET /mock/, says 404 for an API it does not forward, and 502 naming npm start for a mock that is down', async () => {
    const upstream = await recordingUpstream();
    const down = await recordingUpstream();
    await down.close();
    const docs = await startDocsServer({ port: 0, root, mocks: { 'aws-lambda': upstream.url, 'tencent-scf': down.url } });
    try {
      const listed = await fetch(`${docs.url}mock/`);
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({
        mocks: {
          'aws-lambda': { url: upstream.url, path: '/mock/aws-lambda/', reachable: true },
          'tencent-scf': { url: down.url, path: '/mock/tencent-scf/', reachable: false },
        },
      });
      const unknown = await fetch(`${docs.url}mock/elsewhere/x`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('/mock/aws-lambda/');
      const refused = await fetch(`${docs.url}mock/tencent-scf/`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(502);
      expect(await refused.text()).toContain('npm start');
      expect(upstream.seen).toEqual([]);
    } finally {
      await docs.close();
      await upstream.close();
    }
  });

  it('forwards nothing when given no mocks: /mock/ is just a missing file', async () => {
    const docs = await startDocsServer({ port: 0, root });
    try {
      expect((await fetch(`${docs.url}mock/`)).status).toBe(404);
      expect((await fetch(`${docs.url}mock/aws-lambda/`, { method: 'POST' })).status).toBe(405);
    } finally {
      await docs.close();
    }
  });

  it('accepts only http://127.0.0.1:<port> mock URLs, naming the option and the rule', async () => {
    for (const url of [
      'http://example.com:4010',
      'http://localhost:4010',
      'https://127.0.0.1:4010',
      'http://127.0.0.1',
      'http://127.0.0.1:4010/path',
      'http://u:p@127.0.0.1:4010',
      'not a url',
    ]) {
      await expect(startDocsServer({ port: 0, root, mocks: { 'aws-lambda': url } }), url).rejects.toThrow(/mocks\["aws-lambda"\] must be/);
    }
  });

  it("a request signed by our clients for the mock's URL still verifies when it comes through the docs server", async () => {
    const aws = await startMock({ provider: 'aws-lambda', verifySignatures: true });
    const tencent = await startMock({ provider: 'tencent-scf', verifySignatures: true });
    const docs = await startDocsServer({ port: 0, root, mocks: { 'aws-lambda': aws.url, 'tencent-scf': tencent.url } });
    // What the console's fetch does: the signed request, sent to /mock/<api>/ on the docs server.
    const through = (api: string) => async (request: Request) => {
      const signed = new URL(request.url);
      return fetch(new Request(`${docs.url}mock/${api}${signed.pathname}${signed.search}`, request));
    };
    try {
      const region = (api: keyof typeof models) => models[api].servers.map((server) => server.variables?.region?.default).find(Boolean) as string;
      const lambda = createLambdaClient({
        region: region('aws-lambda'),
        credentials: defaultTestCredentials['aws-lambda'],
        endpoint: aws.url,
        fetch: through('aws-lambda'),
        maxAttempts: 1,
      });
      const scf = createScfClient({
        region: region('tencent-scf'),
        credentials: defaultTestCredentials['tencent-scf'],
        endpoint: tencent.url,
        fetch: through('tencent-scf'),
        maxAttempts: 1,
      });
      await lambda.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 });
      await scf.getLayerVersion({ LayerName: 'my-layer', LayerVersion: 1 });
      for (const mock of [aws, tencent]) {
        const journal = await mock.requests();
        expect(journal).toHaveLength(1);
        expect(journal[0]?.signature, mock.provider).toEqual({ status: 'verified' });
      }
    } finally {
      await docs.close();
      await Promise.all([aws.close(), tencent.close()]);
    }
  });

  /** A docs server forwarding aws-lambda to a recording upstream; removed afterwards. */
  async function withForwarding(check: (docs: string, upstream: Awaited<ReturnType<typeof recordingUpstream>>) => Promise<void>, extraHeaders = {}) {
    const upstream = await recordingUpstream(extraHeaders);
    const docs = await startDocsServer({ port: 0, root, mocks: { 'aws-lambda': upstream.url } });
    try {
      await check(docs.url, upstream);
    } finally {
      await docs.close();
      await upstream.close();
    }
  }

  it('refuses forwarded requests from another origin (a page elsewhere posting text/plain) with 403; none from curl or its own pages', async () => {
    await withForwarding(async (docs, upstream) => {
      const port = Number(new URL(docs).port);
      const path = '/mock/aws-lambda/2018-10-31/layers/a/versions/1';
      const body = '{"kind":"throttle","times":"all"}';
      for (const headers of <Record<string, string>[]>[
        { origin: 'http://evil.test' },
        { origin: `http://evil.test:${port}` },
        { origin: `http://127.0.0.1:${port + 1}` },
        { origin: `https://127.0.0.1:${port}` },
        { origin: 'null' },
        { origin: `http://127.0.0.1:${port}.evil.test` },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'cross-site' },
      ]) {
        const label = JSON.stringify(headers);
        const answer = await rawRequest(docs, { method: 'POST', path, headers: { 'content-type': 'text/plain', ...headers }, body });
        expect(answer.status, label).toBe(403);
        expect(answer.body, label).toContain(`http://127.0.0.1:${port}`);
      }
      const listed = await rawRequest(docs, { path: '/mock/', headers: { origin: 'http://evil.test' } });
      expect(listed.status).toBe(403);
      expect(upstream.seen).toEqual([]);
      for (const headers of <Record<string, string>[]>[
        {},
        { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
        { origin: `http://localhost:${port}` },
        { 'sec-fetch-site': 'none' },
      ]) {
        const answer = await rawRequest(docs, { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body });
        expect(answer.status, JSON.stringify(headers)).toBe(418);
      }
      expect(upstream.seen).toHaveLength(4);
    });
  });

  it("does not forward the mock's control API, however the path spells it, and says where it is", async () => {
    await withForwarding(async (docs, upstream) => {
      for (const path of [
        '__layerspec/faults',
        '__layerspec/requests',
        '__LAYERSPEC/requests',
        '%5F%5Flayerspec/faults',
        '%5f%5fLayerSpec/faults',
        '_%5flayerspec/faults',
        '%255F%255Flayerspec/faults',
        '/__layerspec/faults',
        './__layerspec/faults',
        'x/../__layerspec/faults',
        '%2e/__layerspec/faults',
        'x/%2E%2E/__layerspec/faults',
        '2018-10-31/../../__layerspec/faults',
        '__layerspec/layer.zip',
      ]) {
        for (const method of ['GET', 'POST']) {
          const label = `${method} /mock/aws-lambda/${path}`;
          const answer = await rawRequest(docs, { method, path: `/mock/aws-lambda/${path}`, body: method === 'POST' ? '{"kind":"throttle","times":"all"}' : undefined });
          expect(answer.status, label).toBe(404);
          expect(answer.body, label).toContain('control API');
          expect(answer.body, label).toContain(upstream.url);
        }
      }
      // Dot segments elsewhere are refused too: the mock would be handed a path other than the one shown.
      for (const path of ['x/../2018-10-31/layers/a/versions/1', '2018-10-31/./layers/a/versions/1', '2018-10-31/layers/a/versions/%2e%2e']) {
        const answer = await rawRequest(docs, { path: `/mock/aws-lambda/${path}` });
        expect(answer.status, path).toBe(400);
        expect(answer.body, path).toContain('dot segment');
      }
      expect(upstream.seen).toEqual([]);
      // The query is not routed by the mock, so a word in it is no reason to refuse.
      const fine = await rawRequest(docs, { path: '/mock/aws-lambda/2018-10-31/layers/a/versions/1?note=__layerspec' });
      expect(fine.status).toBe(418);
      expect(upstream.seen.map((seen) => seen.url)).toEqual(['/2018-10-31/layers/a/versions/1?note=__layerspec']);
    });
  });

  it('forwards a body with its length only, so a chunked GET cannot smuggle a second request to the mock', async () => {
    await withForwarding(async (docs, upstream) => {
      const { host } = new URL(docs);
      const smuggled = `GET /__layerspec/requests HTTP/1.1\r\nHost: ${new URL(upstream.url).host}\r\n\r\n`;
      const chunked = (method: string) =>
        `${method} /mock/aws-lambda/2018-10-31/layers/a/versions/1 HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        `${Buffer.byteLength(smuggled).toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`;
      // A body on GET means nothing to either API; it is refused rather than sent on unframed.
      const get = await rawExchange(docs, chunked('GET'));
      expect(statuses(get)).toEqual([400]);
      expect(get).toContain('GET');
      expect(upstream.seen).toEqual([]);
      // On POST the same bytes are the body of one request, framed by Content-Length.
      const post = await rawExchange(docs, chunked('POST'));
      expect(statuses(post)).toEqual([418]);
      expect(upstream.seen).toHaveLength(1);
      expect(upstream.seen[0]?.url).toBe('/2018-10-31/layers/a/versions/1');
      expect(upstream.seen[0]?.body).toBe(smuggled);
      expect(upstream.seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength(smuggled)));
      expect(upstream.seen[0]?.headers['transfer-encoding']).toBeUndefined();
      // A GET with Content-Length and a body is refused as well.
      const withLength = await rawRequest(docs, { path: '/mock/aws-lambda/2018-10-31/layers/a/versions/1', headers: { 'content-length': '2' }, body: 'xy' });
      expect(withLength.status).toBe(400);
      expect(upstream.seen).toHaveLength(1);
    });
  });

  it('drops the headers a Connection header names, both ways', async () => {
    await withForwarding(
      async (docs, upstream) => {
        const answer = await rawRequest(docs, {
          method: 'POST',
          path: '/mock/aws-lambda/2018-10-31/layers/a/versions/1',
          headers: { connection: 'keep-alive, X-Hop-Secret', 'x-hop-secret': 'for the docs server only', 'x-kept': 'yes' },
          body: '{}',
        });
        expect(answer.status).toBe(418);
        expect(upstream.seen).toHaveLength(1);
        expect(upstream.seen[0]?.headers['x-hop-secret']).toBeUndefined();
        expect(upstream.seen[0]?.headers['x-kept']).toBe('yes');
        expect(answer.headers['x-upstream-hop']).toBeUndefined();
        expect(answer.headers['x-answer']).toBe('as sent');
      },
      { connection: 'keep-alive, x-upstream-hop', 'x-upstream-hop': 'for the docs server only' },
    );
  });

  it('reads at most 10 MiB of a body and answers 413 beyond, forwarding nothing', async () => {
    await withForwarding(async (docs, upstream) => {
      const { host } = new URL(docs);
      const limit = 10 * 1024 * 1024;
      const head = (framing: string) => `POST /mock/aws-lambda/2018-10-31/layers/a/versions/1 HTTP/1.1\r\nHost: ${host}\r\n${framing}\r\n\r\n`;
      // Announced too large: refused before a byte of the body is read.
      const announced = await rawExchange(docs, head(`Content-Length: ${limit + 1}`), (received) => received.includes('\r\n\r\n'));
      expect(statuses(announced)).toEqual([413]);
      // Chunked past the limit: refused once the limit is passed.
      const chunk = Buffer.alloc(limit + 1, 'a');
      const sent = Buffer.concat([Buffer.from(head('Transfer-Encoding: chunked')), Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n0\r\n\r\n')]);
      const chunked = await rawExchange(docs, sent, (received) => received.includes('\r\n\r\n'));
      expect(statuses(chunked)).toEqual([413]);
      expect(upstream.seen).toEqual([]);
      // Exactly the limit still goes through.
      const atLimit = await rawRequest(docs, { method: 'POST', path: '/mock/aws-lambda/2018-10-31/layers/a/versions/1', body: 'a'.repeat(limit) });
      expect(atLimit.status).toBe(418);
      expect(upstream.seen[0]?.body.length).toBe(limit);
    });
  });

  it("does not pass the browser's cookies to the mock, nor the mock's cookies back", async () => {
    await withForwarding(
      async (docs, upstream) => {
        const answer = await rawRequest(docs, { path: '/mock/aws-lambda/2018-10-31/layers/a/versions/1', headers: { cookie: 'session=docs-secret', 'x-kept': 'yes' } });
        expect(answer.status).toBe(418);
        expect(answer.headers['set-cookie']).toBeUndefined();
        expect(answer.headers['x-answer']).toBe('as sent');
        expect(upstream.seen).toHaveLength(1);
        expect(upstream.seen[0]?.headers.cookie).toBeUndefined();
        expect(upstream.seen[0]?.headers['x-kept']).toBe('yes');
      },
      { 'set-cookie': ['mock=1; Path=/', 'other=2'] },
    );
  });
});
