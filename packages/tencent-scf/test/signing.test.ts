// TC3-HMAC-SHA256: Tencent's published worked example, and agreement with the signer of the
// official Node SDK (tencentcloud-sdk-nodejs-common) for what our client sends.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createScfClient, signTc3 } from '../src/index.js';
import { fakeFetch, json, successExample } from './helpers.js';

const require = createRequire(import.meta.url);
const Sign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js').default;

describe('signTc3', () => {
  // The worked example of "Signature v3" (https://cloud.tencent.com/document/api/213/30654):
  // CVM DescribeInstances, POST, with the x-tc-action header signed too. Every intermediate
  // value below is the one the page prints.
  it("reproduces Tencent's published worked example", async () => {
    const result = await signTc3({
      method: 'POST',
      url: 'https://cvm.tencentcloudapi.com/',
      headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com', 'x-tc-action': 'DescribeInstances' },
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      timestamp: 1551113065,
      service: 'cvm',
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
    });
    expect(result.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\n' +
        'content-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(result.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
    expect(result.signature).toBe('be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3');
    expect(result.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host;x-tc-action, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3',
    );
  });

  for (const endpoint of ['https://scf.tencentcloudapi.com', 'http://127.0.0.1:4011']) {
    it(`signs what the client sends as the official SDK's signer does (${endpoint})`, async () => {
      const { fetch, requests } = fakeFetch(json(successExample()));
      const keys = { secretId: 'AKIDexample0000000001', secretKey: 'example-secret-key-000001' };
      await createScfClient({ region: 'ap-guangzhou', credentials: keys, endpoint, fetch }).getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
      const sent = requests[0]!;
      const payload = await sent.clone().text();
      expect(JSON.parse(payload)).toEqual({ LayerName: 'layer3', LayerVersion: 1 });
      const reference = Sign.sign3({
        method: 'POST',
        url: sent.url,
        payload: JSON.parse(payload),
        timestamp: Number(sent.headers.get('x-tc-timestamp')),
        service: 'scf',
        secretId: keys.secretId,
        secretKey: keys.secretKey,
        headers: { 'Content-Type': sent.headers.get('content-type') },
      });
      expect(sent.headers.get('authorization')).toBe(reference);
      expect(sent.method).toBe('POST');
      expect(sent.headers.get('x-tc-action')).toBe('GetLayerVersion');
      expect(sent.headers.get('x-tc-version')).toBe('2018-04-16');
      expect(sent.headers.get('x-tc-region')).toBe('ap-guangzhou');
      expect(sent.headers.get('content-type')).toBe('application/json');
    });
  }

  it('signs with the UTC date of the timestamp, not a local one', async () => {
    // 1551113065 is 2019-02-26 00:44:25 in UTC+8 but 2019-02-25 in UTC.
    const { stringToSign } = await signTc3({
      method: 'POST',
      url: 'https://scf.tencentcloudapi.com/',
      headers: { 'content-type': 'application/json', host: 'scf.tencentcloudapi.com' },
      payload: '{}',
      timestamp: 1551113065,
      service: 'scf',
      secretId: 'a',
      secretKey: 'b',
    });
    expect(stringToSign.split('\n')[2]).toBe('2019-02-25/scf/tc3_request');
  });
});
