// The signature checks answer with the spec's own wording and rules, read from the model: the
// messages are the spec examples' messages, and the signing name is the spec's.
import { models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { scenarioMessage } from '../src/model.js';
import { verifySignature } from '../src/signatures/index.js';

const request = (headers: Record<string, string>) => ({ method: 'GET', url: '/', headers, body: '' });

/** The message of a named scenario, read from the model's scenario value directly. */
function modelMessage(api: 'aws-lambda' | 'tencent-scf', name: string): string {
  const value = models[api].operations.GetLayerVersion!.scenarios.find((scenario) => scenario.name === name)!.value as any;
  return api === 'aws-lambda' ? value.message : value.Response.Error.Message;
}

describe('scenarioMessage', () => {
  it.each([
    ['aws-lambda', 'invalid-signature'],
    ['aws-lambda', 'missing-authentication-token'],
    ['tencent-scf', 'signature-expired'],
    ['tencent-scf', 'unrecognized-client'],
  ] as const)("%s %s is the spec example's message", (api, name) => {
    expect(scenarioMessage(api, name)).toBe(modelMessage(api, name));
  });

  it('refuses a scenario the spec does not have, naming it', () => {
    expect(() => scenarioMessage('aws-lambda', 'no-such-scenario')).toThrow(/no error scenario "no-such-scenario"/);
  });
});

describe('verifySignature', () => {
  it("answers an unsigned request with the spec's missing-token message", async () => {
    expect(await verifySignature('aws-lambda', request({}))).toEqual({
      example: 'missing-authentication-token',
      message: modelMessage('aws-lambda', 'missing-authentication-token'),
    });
    expect(await verifySignature('tencent-scf', request({}))).toEqual({
      example: 'missing-authentication-token',
      message: modelMessage('tencent-scf', 'missing-authentication-token'),
    });
  });

  it('refuses a credential scoped to another service, naming the signing name the spec states', async () => {
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKIALAYERSPECMOCK000/20240102/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';
    const rejection = await verifySignature('aws-lambda', request({ authorization, host: 'x', 'x-amz-date': '20240102T030405Z' }));
    expect(rejection?.message).toContain(`'${models['aws-lambda'].signing.service}'`);
  });
});

describe('the request log', () => {
  it('names the error code where the model says each provider carries it', async () => {
    const { startMock } = await import('../src/index.js');
    const lines: string[] = [];
    const [aws, tencent] = await Promise.all([
      startMock({ provider: 'aws-lambda', port: 0, log: (line) => lines.push(line) }),
      startMock({ provider: 'tencent-scf', port: 0, log: (line) => lines.push(line) }),
    ]);
    try {
      await fetch(`${aws.url}${models['aws-lambda'].operations.GetLayerVersion!.path.replace('{LayerName}', 'my-layer').replace('{VersionNumber}', '1')}`, {
        headers: { authorization: 'x', prefer: 'code=404' },
      });
      await fetch(tencent.url, {
        method: 'POST',
        headers: {
          authorization: 'x',
          'content-type': 'application/json',
          prefer: 'example=resource-not-found',
          'x-tc-action': 'GetLayerVersion',
          'x-tc-version': models['tencent-scf'].version,
          'x-tc-timestamp': '1',
        },
        body: '{"LayerName":"layer3","LayerVersion":1}',
      });
    } finally {
      await Promise.all([aws.close(), tencent.close()]);
    }
    expect(lines.find((line) => line.startsWith('aws-lambda GET'))).toMatch(/-> 404 ResourceNotFoundException$/);
    expect(lines.find((line) => line.startsWith('tencent-scf POST'))).toMatch(/-> 200 ResourceNotFound\.LayerVersion$/);
  }, 60_000);
});
