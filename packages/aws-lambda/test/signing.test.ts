// SigV4: the official test-suite vector, and agreement with AWS's own signer (@smithy/signature-v4)
// for requests whose LayerName is an ARN, with and without a port.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { createLambdaClient, signRequest } from '../src/index.js';
import { fakeFetch, json, successExample } from './helpers.js';

const vectorCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('signRequest', () => {
  it('reproduces the SigV4 test-suite vector get-vanilla', async () => {
    const signed = await signRequest(
      { method: 'GET', url: 'https://example.amazonaws.com/', headers: new Headers() },
      { credentials: vectorCredentials, region: 'us-east-1', service: 'service', datetime: '20150830T123600Z' },
    );
    expect(signed.headers.get('authorization')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  // The test suite's query vectors: keys sorted by code point, the unreserved characters left as they are.
  const unreserved = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const queryVectors = [
    { name: 'get-vanilla-query-order-key-case', search: '?Param2=value2&Param1=value1', signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500' },
    { name: 'get-vanilla-query-unreserved', search: `?${unreserved}=${unreserved}`, signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197' },
  ];
  for (const { name, search, signature } of queryVectors) {
    it(`reproduces the SigV4 test-suite vector ${name}`, async () => {
      const signed = await signRequest(
        { method: 'GET', url: `https://example.amazonaws.com/${search}`, headers: new Headers() },
        { credentials: vectorCredentials, region: 'us-east-1', service: 'service', datetime: '20150830T123600Z' },
      );
      expect(signed.headers.get('authorization')).toBe(
        `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      );
    });
  }

  // Paths, queries and headers of every kind, signed by this entry's signer and by AWS's own.
  const cases: Array<{ what: string; path: string; query: Record<string, string | string[]>; search: string; headers: Record<string, string>; token?: string }> = [
    { what: 'a path encoded on the wire', path: '/2018-10-31/layers/my%20layer%3Ax/versions/1', query: {}, search: '', headers: {} },
    { what: 'unreserved and sub-delimiter characters', path: "/a-b_c.d~e/f!g'h(i)j*k", query: {}, search: '', headers: {} },
    {
      what: 'a query with repeated, unsorted and encoded keys',
      path: '/things',
      query: { b: '2', a: ['1', '0'], 'c d': 'e/f' },
      search: '?b=2&a=1&a=0&c%20d=e%2Ff',
      headers: {},
    },
    {
      what: "a query of reserved characters, as the client writes ListLayerVersions' Marker",
      path: '/2018-10-31/layers/my-layer/versions',
      query: { Marker: "a b/c!'()*~é+=&", MaxItems: '2' },
      search: '?Marker=a%20b%2Fc%21%27%28%29%2A~%C3%A9%2B%3D%26&MaxItems=2',
      headers: {},
    },
    {
      what: 'headers with inner runs of spaces, and a session token',
      path: '/',
      query: {},
      search: '',
      headers: { 'x-note': 'a   b  c', 'x-trace': 'abc' },
      token: 'TOKEN-abcdef123456',
    },
  ];
  for (const { what, path, query, search, headers, token } of cases) {
    it(`signs ${what} as @smithy/signature-v4 does`, async () => {
      const credentials = { ...vectorCredentials, ...(token ? { sessionToken: token } : {}) };
      const url = `https://lambda.us-west-2.amazonaws.com${path}${search}`;
      const signed = await signRequest({ method: 'GET', url, headers: new Headers(headers) }, { credentials, region: 'us-west-2', datetime: '20150830T123600Z' });
      const smithy = new SignatureV4({ service: 'lambda', region: 'us-west-2', credentials, sha256: Sha256, applyChecksum: false });
      const reference = await smithy.sign(
        { method: 'GET', protocol: 'https:', hostname: 'lambda.us-west-2.amazonaws.com', path, query, headers: { host: 'lambda.us-west-2.amazonaws.com', ...headers } },
        { signingDate: new Date('2015-08-30T12:36:00Z') },
      );
      expect(signed.headers.get('authorization')).toBe(reference.headers.authorization);
    });
  }

  const arn = 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer';
  for (const endpoint of ['https://lambda.us-west-2.amazonaws.com', 'http://127.0.0.1:4010']) {
    it(`signs an ARN LayerName as @smithy/signature-v4 does (${endpoint})`, async () => {
      const { fetch, requests } = fakeFetch(json(successExample()));
      const client = createLambdaClient({ region: 'us-west-2', credentials: vectorCredentials, endpoint, fetch });
      await client.getLayerVersion({ LayerName: arn, VersionNumber: 1 });
      const sent = requests[0]!;
      const url = new URL(sent.url);
      // One path segment: every ':' percent-encoded, no '/' added.
      expect(url.pathname).toBe('/2018-10-31/layers/arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3Alayer%3Amy-layer/versions/1');

      const amzDate = sent.headers.get('x-amz-date')!;
      const signingDate = new Date(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
      );
      const smithy = new SignatureV4({ service: 'lambda', region: 'us-west-2', credentials: vectorCredentials, sha256: Sha256, applyChecksum: false });
      const reference = await smithy.sign(
        {
          method: 'GET',
          protocol: url.protocol,
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: url.pathname,
          query: {},
          headers: { host: url.host },
        },
        { signingDate },
      );
      expect(sent.headers.get('authorization')).toBe(reference.headers.authorization);
      // The canonical URI AWS checks is the wire path encoded once more.
      expect(sent.headers.get('authorization')).toMatch(/SignedHeaders=host;x-amz-date/);
    });
  }

  it('sends X-Amz-Security-Token for temporary credentials and signs it', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const client = createLambdaClient({ region: 'us-east-1', credentials: async () => ({ ...vectorCredentials, sessionToken: 'TOKEN-abcdef123456' }), fetch });
    await client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 });
    expect(requests[0]!.headers.get('x-amz-security-token')).toBe('TOKEN-abcdef123456');
    expect(requests[0]!.headers.get('authorization')).toMatch(/SignedHeaders=host;x-amz-date;x-amz-security-token/);
    expect(new URL(requests[0]!.url).host).toBe('lambda.us-east-1.amazonaws.com');
  });
});
