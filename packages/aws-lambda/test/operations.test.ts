// Every operation of the spec, called by its operationId and by its generated method, against a
// local server (127.0.0.1) on this entry's own transport: the request on the wire (path, query,
// signature), the result, the paginator and what is refused before sending.
import { Sha256 } from '@aws-crypto/sha256-js';
import lambdaModel from '@layerspec/specs/model/aws-lambda';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { type Fault, type FaultServer, rejectionOf, useFaultServer } from '../../client-runtime/testing/fault-server.js';
import { InvalidInputError, ResponseTooLargeError, createLambdaClient } from '../src/index.js';
import { credentials } from './helpers.js';

/** The spec's first success example of an operation. */
const example = (id: 'GetLayerVersion' | 'ListLayerVersions'): any => lambdaModel.operations[id]!.scenarios.find((scenario) => scenario.outcome === 'success')!.value;
const ok = (body: unknown): Fault => ({ status: 200, headers: { 'x-amzn-RequestId': 'req-1' }, body });
const page = (versions: number[], next?: string): Fault => ok({ LayerVersions: versions.map((Version) => ({ Version })), ...(next ? { NextMarker: next } : {}) });

const server = useFaultServer();

const client = () => createLambdaClient({ region: 'us-east-1', credentials, endpoint: server.url, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
const sent = () => server.requests.map((request) => new URL(request.url, server.url));
const fail = rejectionOf;

/** The signature AWS's own signer gives the request as the server received it. */
async function smithySignature(request: FaultServer['requests'][number]): Promise<string | undefined> {
  const url = new URL(request.url, server.url);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? [query[key]!].flat().concat(value) : value;
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const smithy = new SignatureV4({ service: lambdaModel.signing.service, region: 'us-east-1', credentials, sha256: Sha256, applyChecksum: false });
  const signed = await smithy.sign(
    { method: request.method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers: { host: url.host } },
    { signingDate },
  );
  return signed.headers.authorization;
}

describe('an operation by its operationId', () => {
  it('calls GetLayerVersion by id and by its method, the same request either way', async () => {
    server.script(ok(example('GetLayerVersion')));
    const input = { LayerName: 'my-layer', VersionNumber: 1 };
    await expect(client().call('GetLayerVersion', input)).resolves.toEqual(example('GetLayerVersion'));
    await expect(client().getLayerVersion(input)).resolves.toEqual(example('GetLayerVersion'));
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(Array(2).fill('GET /2018-10-31/layers/my-layer/versions/1'));
  });

  it('calls ListLayerVersions with its query, serialised and signed as the AWS SDK does', async () => {
    server.script(ok(example('ListLayerVersions')));
    const marker = "a b/c!'()*~é";
    const result = await client().listLayerVersions({
      LayerName: 'my-layer',
      MaxItems: 2,
      Marker: marker,
      CompatibleArchitecture: 'arm64',
      CompatibleRuntime: 'nodejs20.x',
    });
    expect(result).toEqual(example('ListLayerVersions'));
    const [request] = server.requests;
    // The spec's order, every reserved character percent-encoded (RFC 3986), as @smithy/querystring-builder writes it.
    expect(`${request!.method} ${request!.url}`).toBe(
      'GET /2018-10-31/layers/my-layer/versions?CompatibleRuntime=nodejs20.x&CompatibleArchitecture=arm64&Marker=a%20b%2Fc%21%27%28%29%2A~%C3%A9&MaxItems=2',
    );
    expect(sent()[0]!.searchParams.get('Marker')).toBe(marker);
    expect(request!.headers.authorization).toBe(await smithySignature(request!));
  });

  it('sends no query when no query input is given, and leaves out inputs the operation has not', async () => {
    server.script(ok(example('ListLayerVersions')));
    await client().call('ListLayerVersions', { LayerName: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer', VersionNumber: 3 } as never);
    expect(server.requests[0]!.url).toBe('/2018-10-31/layers/arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3Alayer%3Amy-layer/versions');
    expect(server.requests[0]!.headers.authorization).toBe(await smithySignature(server.requests[0]!));
  });

  it("validates each operation's answer against that operation's success schema", async () => {
    const validating = createLambdaClient({ region: 'us-east-1', credentials, endpoint: server.url, validateResponses: true });
    server.script(ok(example('ListLayerVersions')), ok({ LayerVersions: [{ Version: 'seven' }] }));
    await expect(validating.listLayerVersions({ LayerName: 'my-layer' })).resolves.toEqual(example('ListLayerVersions'));
    await expect(validating.listLayerVersions({ LayerName: 'my-layer' })).rejects.toThrow(/schema at \$\.LayerVersions\[0\]\.Version/);
  });

  it('refuses input that breaks the spec, naming the field and the rule, before sending', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ LayerName: 'my-layer', MaxItems: 51 }, 'MaxItems', /^must be at most 50$/],
      [{ LayerName: 'my-layer', MaxItems: 0 }, 'MaxItems', /^must be at least 1$/],
      [{ LayerName: 'my-layer', CompatibleArchitecture: 'sparc' }, 'CompatibleArchitecture', /^must be one of x86_64, arm64$/],
      [{ LayerName: 'my-layer', Marker: 7 }, 'Marker', /^must be a string/],
      [{ MaxItems: 5 }, 'LayerName', /^is required$/],
    ];
    for (const [input, field, rule] of cases) {
      const error = await fail(client().listLayerVersions(input as never));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
      expect((error as InvalidInputError).rule).toMatch(rule);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an operationId the spec does not have, naming those it has', async () => {
    const error = await fail(client().call('DeleteLayerVersion' as never, { LayerName: 'my-layer' } as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'operationId', rule: `must be one of ${Object.keys(lambdaModel.operations)}` });
    expect(await fail(client().call('toString' as never, {} as never))).toMatchObject({ field: 'operationId' });
    // Only an operation whose outputs carry an archive downloads one.
    expect(await fail(client().download('ListLayerVersions', example('ListLayerVersions')))).toMatchObject({
      field: 'operationId',
      rule: 'must be one of GetLayerVersion',
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('paginateListLayerVersions', () => {
  const all = async <T>(pages: AsyncIterable<T>) => {
    const seen: T[] = [];
    for await (const each of pages) seen.push(each);
    return seen;
  };

  it('gives every page, each next call taking the NextMarker of the last, MaxItems from pageSize', async () => {
    server.script(page([3], 'm1'), page([2], 'm2'), page([1]));
    const pages = await all(client().paginateListLayerVersions({ LayerName: 'my-layer', CompatibleRuntime: 'java8' }, { pageSize: 1 }));
    expect(pages.map((each) => each.LayerVersions?.map((version) => version.Version))).toEqual([[3], [2], [1]]);
    expect(sent().map((url) => [url.searchParams.get('Marker'), url.searchParams.get('MaxItems'), url.searchParams.get('CompatibleRuntime')])).toEqual([
      [null, '1', 'java8'],
      ['m1', '1', 'java8'],
      ['m2', '1', 'java8'],
    ]);
  });

  it('starts from the Marker the input gives', async () => {
    server.script(page([2], 'm2'), page([1]));
    const pages = await all(client().paginateListLayerVersions({ LayerName: 'my-layer', Marker: 'm1' }));
    expect(pages).toHaveLength(2);
    expect(sent().map((url) => url.searchParams.get('Marker'))).toEqual(['m1', 'm2']);
  });

  it('stops when a marker repeats, rather than paging in a circle', async () => {
    server.script(page([3], 'm1'), page([2], 'm2'), page([1], 'm1'), page([9], 'm3'));
    const pages = await all(client().paginateListLayerVersions({ LayerName: 'my-layer' }));
    expect(pages).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
  });

  it('stops after maxPages pages, and refuses a bound that is not a positive integer', async () => {
    server.script(page([5], 'm1'), page([4], 'm2'), page([3], 'm3'), page([2], 'm4'));
    expect(await all(client().paginateListLayerVersions({ LayerName: 'my-layer' }, { maxPages: 2 }))).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
    const error = await fail(all(client().paginateListLayerVersions({ LayerName: 'my-layer' }, { maxPages: 0 })));
    expect(error).toMatchObject({ field: 'maxPages', rule: 'must be an integer of at least 1' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a page as any call, and ends with the error of a page past the body bound', async () => {
    server.script(page([3], 'm1'), { status: 429, headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' }, body: { message: 'slow down' } }, page([2], 'm2'), {
      gzipBomb: 10 * 1024 * 1024,
    });
    const seen: unknown[] = [];
    const error = await fail(
      (async () => {
        for await (const each of client().paginateListLayerVersions({ LayerName: 'my-layer' })) seen.push(each);
      })(),
    );
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(sent().map((url) => url.searchParams.get('Marker'))).toEqual([null, 'm1', 'm1', 'm2']);
  });
});
