// The portal and the code samples tell readers the mock's ports (from the model) and test keys
// (from providers.json); they must be the ones @layerspec/mock really uses.
import { readFileSync } from 'node:fs';
import { DEFAULT_PORTS, defaultTestCredentials } from '@layerspec/mock';
import { models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';

const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));

describe('providers.json', () => {
  it('leaves the display names, labels and mock ports to the spec, whose ports layerspec-mock listens on', () => {
    for (const api of ['aws-lambda', 'tencent-scf'] as const) {
      expect(Object.keys(providers.apis[api]).sort()).toEqual(['clientPackage', 'mockCredentials', 'sdkPackage']);
      expect(models[api].mock.defaultPort).toBe(DEFAULT_PORTS[api]);
    }
  });

  it('names the test keys that the mock verifies signatures with', () => {
    const aws = defaultTestCredentials['aws-lambda'];
    const tencent = defaultTestCredentials['tencent-scf'];
    expect(providers.apis['aws-lambda'].mockCredentials).toEqual({ id: aws.accessKeyId, secret: aws.secretAccessKey });
    expect(providers.apis['tencent-scf'].mockCredentials).toEqual({ id: tencent.secretId, secret: tencent.secretKey });
  });
});
