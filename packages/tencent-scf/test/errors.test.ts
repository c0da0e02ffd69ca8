// One error design for both providers: every error has name, kind, code, status, requestId,
// retryable and cause; the kind and retryability of an error answer are the model's.
import { describe, expect, it } from 'vitest';
import model from '@layerspec/specs/model/tencent-scf';
import { createLambdaClient, InvalidInputError as LambdaInvalidInputError, ClientError as LambdaClientError } from '@layerspec/aws-lambda';
import { ClientError, CredentialsError, InvalidInputError, TencentCloudError, createScfClient } from '../src/index.js';
import { credentials, envelopes, fakeFetch, json } from './helpers.js';

const input = { LayerName: 'layer3', LayerVersion: 1 };

describe('the error design', () => {
  it("an InvalidInputError of one client is instanceof the other client's class (one runtime, one class)", async () => {
    const scfError = await createScfClient({ credentials })
      .getLayerVersion({ LayerName: '', LayerVersion: 1 })
      .catch((e: unknown) => e);
    const lambdaError = await createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
      .getLayerVersion({ LayerName: '', VersionNumber: 1 })
      .catch((e: unknown) => e);
    expect(scfError).toBeInstanceOf(LambdaInvalidInputError);
    expect(lambdaError).toBeInstanceOf(InvalidInputError);
    expect(lambdaError).toBeInstanceOf(ClientError);
    expect(scfError).toBeInstanceOf(LambdaClientError);
    expect(scfError).toMatchObject({ name: 'InvalidInputError', kind: 'invalid-input', code: 'InvalidInputError', retryable: false, field: 'LayerName' });
  });

  it("every documented error code arrives with the model's kind and retryability, its code, status and RequestId", async () => {
    const errors = envelopes().filter((e) => e.Response.Error);
    expect(errors.length).toBeGreaterThan(0);
    for (const envelope of errors) {
      const code = envelope.Response.Error.Code;
      const entry = model.errors.entries.find((e) => e.code === code)!;
      const { fetch } = fakeFetch(json(envelope), json(envelope), json(envelope));
      const error = await createScfClient({ credentials, fetch, retry: { baseDelayMs: 0 } })
        .getLayerVersion(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TencentCloudError);
      expect(error).toMatchObject({ name: 'TencentCloudError', code, kind: entry.kind, retryable: entry.retryable, status: 200, requestId: envelope.Response.RequestId });
    }
  });

  it("an undocumented sub-code takes its parent's kind and retryability", async () => {
    const envelope = { Response: { RequestId: 'r1', Error: { Code: 'ResourceNotFound.SomethingNew', Message: 'gone' } } };
    const { fetch } = fakeFetch(json(envelope));
    const error = await createScfClient({ credentials, fetch })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ResourceNotFound.SomethingNew', kind: 'not-found', retryable: false, message: 'gone' });
  });

  it('a failing credentials provider is a CredentialsError, a class', async () => {
    const error = await createScfClient({ credentials: () => Promise.reject(new Error('vault down')) })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ name: 'CredentialsError', kind: 'credentials', code: 'CredentialsError', retryable: false });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("the region rule is the spec's: ap-1 is refused, ap-guangzhou and ap-shanghai-fsi accepted", () => {
    expect(() => createScfClient({ credentials, region: 'ap-1' })).toThrow(/^region must match the pattern/);
    expect(() => createScfClient({ credentials, region: 'ap-guangzhou' })).not.toThrow();
    expect(() => createScfClient({ credentials, region: 'ap-shanghai-fsi' })).not.toThrow();
  });
});
