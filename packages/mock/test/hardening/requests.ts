// Generators of requests for both mocks, from well-formed to hostile, as bytes Node's HTTP
// client will put on the wire (it refuses only what no HTTP server could parse).
import fc from 'fast-check';
import { adversarialString } from './arbitraries.js';
import type { RawRequest } from './answers.js';

/** A path segment with the suspect characters kept raw (`../`, `%2F`, `%`) and only unsendable bytes encoded. */
export function rawSegment(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += code >= 0x21 && code <= 0x7e ? char : [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** A segment percent-encoded as clients encode it (lone surrogates as U+FFFD). */
export function encodedSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** A header value as a UTF-8 client sends it: its bytes read as Latin-1, control characters dropped. */
export function headerValue(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
}

const headerName = fc
  .stringMatching(/^[a-z0-9!#$%&'*+.^_`|~-]{1,40}$/)
  .filter((name) => !['content-length', 'transfer-encoding', 'host', 'connection', 'expect', 'upgrade'].includes(name));
const randomHeaders = fc.dictionary(headerName, adversarialString.map(headerValue), { maxKeys: 5 });

/** Methods Node's HTTP parser accepts (others never reach the mock; see the raw-socket test). */
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'PURGE', 'SEARCH') },
);

/** Numbers as JSON or path text: integers, edges of 2^53 and 2^63, floats, NaN and friends. */
export const numberText = fc.oneof(
  fc.integer({ min: -3, max: 12 }).map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n).map(String),
  fc.double().map(String),
  fc.constantFrom('1.5', '1e3', '1e400', '-0', '0x10', '01', '1_000', 'NaN', 'Infinity', '-Infinity', '+1', '.5'),
);

/**
 * Keeps the header block under Node's 16 KB parser limit: past it Node itself answers 431 before
 * the mock sees the request (the raw-socket test covers that case).
 */
export function withinHeaderLimit(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of Object.entries(headers)) {
    size += name.length + value.length + 4;
    if (size > 12 * 1024) break;
    kept[name] = value;
  }
  return kept;
}

function bodyOf(text: fc.Arbitrary<string>) {
  return fc.option(text, { nil: undefined, freq: 3 });
}

export function awsRequests(scenarioNames: string[]): fc.Arbitrary<RawRequest> {
  const layerName = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9_-]{1,140}$/),
    fc.constant(encodeURIComponent('arn:aws:lambda:us-west-2:123456789012:layer:my-layer')),
    fc.constant('arn:aws:lambda:us-west-2:123456789012:layer:my-layer'),
    adversarialString.map(rawSegment),
    adversarialString.map(encodedSegment),
  );
  const version = fc.oneof(numberText.map(rawSegment), adversarialString.map(rawSegment));
  const query = fc.option(
    adversarialString.map((s) => `?${rawSegment(s)}`),
    { nil: '', freq: 3 },
  );
  const path = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(layerName, version, query).map(([n, v, q]) => `/2018-10-31/layers/${n}/versions/${v}${q}`) },
    { weight: 1, arbitrary: fc.tuple(adversarialString, query).map(([s, q]) => `/${rawSegment(s)}${q}`) },
    { weight: 1, arbitrary: layerName.map((n) => `/2018-10-31/layers/${n}`) },
    { weight: 1, arbitrary: fc.constantFrom('/', '//', '/2018-10-31/layers//versions/1', '/2018-10-31/layers/a/versions/1/', '/2015-03-31/functions', '*') },
  );
  const prefer = fc.oneof(
    fc.constantFrom(...scenarioNames).map((name) => `example=${name}`),
    fc.constantFrom('code=200', 'code=400', 'code=403', 'code=404', 'code=429', 'code=201', 'code=abc', 'dynamic=true', 'example='),
    adversarialString.map((s) => `example=${headerValue(s)}`),
    adversarialString.map(headerValue),
  );
  const authorization = fc.oneof(
    fc.constant('AWS4-HMAC-SHA256 Credential=AKIALAYERSPECMOCK000/20260115/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=00'),
    adversarialString.map(headerValue),
  );
  return fc
    .record({
      method,
      path,
      headers: fc.record(
        {
          authorization,
          prefer,
          'content-type': fc.oneof(fc.constant('application/json'), adversarialString.map(headerValue)),
          'x-amz-date': adversarialString.map(headerValue),
        },
        { requiredKeys: [] },
      ),
      extra: randomHeaders,
      body: bodyOf(fc.oneof(adversarialString, fc.json())),
    })
    .map(({ method, path, headers, extra, body }) => ({
      method,
      path,
      headers: withinHeaderLimit({ ...headers, ...extra }),
      ...(body === undefined || method === 'HEAD' ? {} : { body }),
    }));
}

/** A Tencent JSON body from well-formed to hostile, as text so numbers keep every digit. */
export const tencentBody = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record(
        {
          LayerName: fc.oneof(
            fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,62}[A-Za-z0-9]$/).map((s) => JSON.stringify(s)),
            adversarialString.map((s) => JSON.stringify(s)),
            fc.json({ maxDepth: 2 }),
            numberText,
          ),
          LayerVersion: fc.oneof(
            numberText,
            fc.json({ maxDepth: 2 }),
            adversarialString.map((s) => JSON.stringify(s)),
          ),
          extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.json({ maxDepth: 2 }), { maxKeys: 2 }),
        },
        { requiredKeys: ['extra'] },
      )
      .map(({ LayerName, LayerVersion, extra }) => {
        const members = Object.entries(extra).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
        if (LayerName !== undefined) members.push(`"LayerName":${LayerName}`);
        if (LayerVersion !== undefined) members.push(`"LayerVersion":${LayerVersion}`);
        return `{${members.join(',')}}`;
      }),
  },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: adversarialString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '}',
      '[]',
      'null',
      '{"LayerName":"a",}',
      '{"LayerName":"a","LayerName":"b","LayerVersion":1}',
      '\ufeff{"LayerName":"a","LayerVersion":1}',
    ),
  },
);

export function tencentRequests(scenarioNames: string[], nowSeconds: number): fc.Arbitrary<RawRequest> {
  const header = (weighted: string) => fc.oneof({ weight: 4, arbitrary: fc.constant(weighted) }, { weight: 1, arbitrary: adversarialString.map(headerValue) });
  const path = fc.oneof(
    { weight: 8, arbitrary: fc.constant('/') },
    { weight: 1, arbitrary: adversarialString.map((s) => `/${rawSegment(s)}`) },
    { weight: 1, arbitrary: adversarialString.map((s) => `/?${rawSegment(s)}`) },
  );
  const prefer = fc.oneof(
    fc.constantFrom(...scenarioNames).map((name) => `example=${name}`),
    fc.constantFrom('code=200', 'code=400', 'code=500', 'dynamic=true'),
    adversarialString.map(headerValue),
  );
  return fc
    .record({
      method: fc.oneof({ weight: 6, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: method }),
      path,
      headers: fc.record(
        {
          'content-type': header('application/json'),
          'x-tc-action': header('GetLayerVersion'),
          'x-tc-version': header('2018-04-16'),
          'x-tc-timestamp': fc.oneof(fc.constant(String(nowSeconds)), numberText, adversarialString.map(headerValue)),
          'x-tc-region': header('ap-guangzhou'),
          'x-tc-language': header('en-US'),
          'x-tc-token': adversarialString.map(headerValue),
          authorization: header(
            `TC3-HMAC-SHA256 Credential=AKIDLAYERSPECMOCK0000000000000000000/2026-01-15/scf/tc3_request, SignedHeaders=content-type;host, Signature=00`,
          ),
          prefer,
        },
        { requiredKeys: [] },
      ),
      extra: randomHeaders,
      body: bodyOf(tencentBody),
    })
    .map(({ method, path, headers, extra, body }) => ({
      method,
      path,
      headers: withinHeaderLimit({ ...headers, ...extra }),
      ...(body === undefined || method === 'HEAD' ? {} : { body }),
    }));
}
