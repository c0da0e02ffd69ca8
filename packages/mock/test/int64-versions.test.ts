// Version numbers are 64-bit integers on both providers: every integer up to the spec's maximum
// is a version, compared exactly (not as a JavaScript number), and nothing else is.
import { describe, expect, it } from 'vitest';
import { useBothMocks } from './both-mocks.js';
import { AWS_HEADERS, TENCENT_HEADERS } from './spec-examples.js';

const INT64_MAX = '9223372036854775807';
const TWO_TO_THE_63 = '9223372036854775808';

const mocks = useBothMocks();

const awsGet = (version: string) => fetch(`${mocks.aws.url}/2018-10-31/layers/my-layer/versions/${version}`, { headers: AWS_HEADERS });
const tencentPost = (versionJson: string) =>
  fetch(mocks.tencent.url, { method: 'POST', headers: TENCENT_HEADERS, body: `{"LayerName":"layer3","LayerVersion":${versionJson}}` });

describe('AWS Lambda: VersionNumber', () => {
  for (const version of ['9007199254740992', '1152921504606846976', INT64_MAX]) {
    it(`${version} is a version (answered 200)`, async () => {
      const response = await awsGet(version);
      expect(response.status).toBe(200);
    });
  }

  it(`${TWO_TO_THE_63} is above the maximum, and the message quotes the spec's bound digit for digit`, async () => {
    const response = await awsGet(TWO_TO_THE_63);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
    expect((await response.json()).message).toBe(
      `1 validation error detected: Value '${TWO_TO_THE_63}' at 'versionNumber' failed to satisfy constraint: Member must have value less than or equal to ${INT64_MAX}`,
    );
  });

  for (const version of ['0x1', '1e3', '0b1', '0o7', '1.0', '+1', '%2B1', '01', '%201', '1%20', '-0']) {
    it(`"${decodeURIComponent(version)}" is not an integer: 400 InvalidParameterValueException`, async () => {
      const response = await awsGet(version);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
      expect((await response.json()).message).toContain(`Value '${decodeURIComponent(version)}' at 'versionNumber'`);
    });
  }
});

describe('Tencent SCF: LayerVersion', () => {
  for (const version of ['9007199254740992', INT64_MAX]) {
    it(`${version} is a version (answered with the result)`, async () => {
      const body = await (await tencentPost(version)).json();
      expect(body.Response.Error).toBeUndefined();
      expect(body.Response.Status).toBe('Active');
    });
  }

  it(`${TWO_TO_THE_63} is InvalidParameterValue quoting the spec's bound digit for digit`, async () => {
    const body = await (await tencentPost(TWO_TO_THE_63)).json();
    expect(body.Response.Error.Code).toBe('InvalidParameterValue');
    expect(body.Response.Error.Message).toContain('`LayerVersion`');
    expect(body.Response.Error.Message).toContain(INT64_MAX);
    expect(body.Response.Error.Message).not.toContain('9007199254740991');
  });

  for (const version of ['1.0', '1e0', '-0.0']) {
    it(`${version} is not an integer: InvalidParameter`, async () => {
      const body = await (await tencentPost(version)).json();
      expect(body.Response.Error.Code).toBe('InvalidParameter');
      expect(body.Response.Error.Message).toBe('The type of parameter `LayerVersion` must be Integer.');
    });
  }
});

describe('Tencent SCF: X-TC-Timestamp, an int64 header without a stated maximum', () => {
  it('is refused past 2^63 - 1 as a 64-bit integer, never quoting an undefined bound', async () => {
    const response = await fetch(mocks.tencent.url, {
      method: 'POST',
      headers: { ...TENCENT_HEADERS, 'x-tc-timestamp': '99999999999999999999' },
      body: '{"LayerName":"layer3","LayerVersion":1}',
    });
    const error = (await response.json()).Response.Error;
    expect(error.Code).toBe('InvalidParameterValue');
    expect(error.Message).toBe('The value of parameter `X-TC-Timestamp` does not match the rule; it must be a 64-bit integer.');
  });

  it(`takes ${INT64_MAX}, the largest 64-bit integer`, async () => {
    const response = await fetch(mocks.tencent.url, {
      method: 'POST',
      headers: { ...TENCENT_HEADERS, 'x-tc-timestamp': INT64_MAX },
      body: '{"LayerName":"layer3","LayerVersion":1}',
    });
    expect((await response.json()).Response.Status).toBe('Active');
  });
});
