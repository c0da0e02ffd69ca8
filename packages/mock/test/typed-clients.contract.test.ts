// Our own typed clients (@layerspec/aws-lambda, @layerspec/tencent-scf) against the mocks, with
// signatures verified: every scenario of each spec, success and each error, through the typed API.
import * as awsLambda from '@layerspec/aws-lambda';
import { LambdaError, createLambdaClient } from '@layerspec/aws-lambda';
import { TencentCloudError, createScfClient } from '@layerspec/tencent-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';
import { awsErrorName, readBundle, specExamples } from './spec-examples.js';

let aws: RunningMock;
let tencent: RunningMock;

beforeAll(async () => {
  [aws, tencent] = await Promise.all([
    // The examples' own request IDs, so that answers can be compared with the examples whole.
    startMock({ provider: 'aws-lambda', verifySignatures: true, fixedRequestIds: true }),
    startMock({ provider: 'tencent-scf', verifySignatures: true, fixedRequestIds: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([aws.close(), tencent.close()]);
});

describe('@layerspec/aws-lambda against the AWS Lambda mock', () => {
  const document = readBundle('aws-lambda');
  const client = () => createLambdaClient({ region: 'us-east-1', endpoint: aws.url, credentials: defaultTestCredentials['aws-lambda'], maxAttempts: 1 });

  // The clients call GetLayerVersion; each example of it, through them.
  for (const example of specExamples('aws-lambda', 'GetLayerVersion')) {
    if (example.status < 300) {
      it(`returns the success scenario ${example.name}`, async () => {
        const output = await client().getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }, { headers: { Prefer: `example=${example.name}` } });
        expect(output).toEqual(example.value);
      });
    } else {
      it(`rejects with the typed error of the scenario ${example.name}`, async () => {
        const name = awsErrorName(document, example);
        const error = await client()
          .getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }, { headers: { Prefer: `example=${example.name}` } })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(LambdaError);
        expect((error as LambdaError).name).toBe(name);
        expect((error as LambdaError).status).toBe(example.status);
        expect((error as LambdaError).message).toBe(example.value.message ?? example.value.Message);
        const modelled = (awsLambda as unknown as Record<string, unknown>)[name];
        if (typeof modelled === 'function') expect(error).toBeInstanceOf(modelled);
      });
    }
  }

  it('gets a layer by ARN', async () => {
    const output = await client().getLayerVersion({ LayerName: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer', VersionNumber: 1 });
    expect(output.LayerVersionArn).toBeTruthy();
  });

  it('is refused with the provider error when the secret is wrong', async () => {
    const wrong = createLambdaClient({
      region: 'us-east-1',
      endpoint: aws.url,
      credentials: { accessKeyId: defaultTestCredentials['aws-lambda'].accessKeyId, secretAccessKey: 'not-the-secret' },
      maxAttempts: 1,
    });
    const error = await wrong.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }).catch((caught: unknown) => caught);
    expect((error as LambdaError).name).toBe('InvalidSignatureException');
    expect((error as LambdaError).status).toBe(403);
  });
});

describe('@layerspec/tencent-scf against the Tencent SCF mock', () => {
  const client = () => createScfClient({ region: 'ap-guangzhou', endpoint: tencent.url, credentials: defaultTestCredentials['tencent-scf'], maxAttempts: 1 });

  for (const example of specExamples('tencent-scf', 'GetLayerVersion')) {
    const expectedError = example.value.Response.Error;
    if (!expectedError) {
      it(`returns the success scenario ${example.name}`, async () => {
        const output = await client().getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }, { headers: { Prefer: `example=${example.name}` } });
        expect(output).toEqual(example.value.Response);
      });
    } else {
      it(`rejects with code ${expectedError.Code} for the scenario ${example.name}`, async () => {
        const error = await client()
          .getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }, { headers: { Prefer: `example=${example.name}` } })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(TencentCloudError);
        expect((error as TencentCloudError).code).toBe(expectedError.Code);
        expect((error as TencentCloudError).message).toBe(expectedError.Message);
        expect((error as TencentCloudError).requestId).toBe(example.value.Response.RequestId);
      });
    }
  }

  it('is refused with AuthFailure.SignatureFailure when the secret is wrong', async () => {
    const wrong = createScfClient({
      region: 'ap-guangzhou',
      endpoint: tencent.url,
      credentials: { secretId: defaultTestCredentials['tencent-scf'].secretId, secretKey: 'not-the-secret' },
      maxAttempts: 1,
    });
    const error = await wrong.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }).catch((caught: unknown) => caught);
    expect((error as TencentCloudError).code).toBe('AuthFailure.SignatureFailure');
  });
});
