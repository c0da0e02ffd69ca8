// The portal and the code samples tell readers the mock's ports and test keys; they must be
// the ones @layerspec/mock really uses.
import { readFileSync } from 'node:fs';
import { DEFAULT_PORTS, defaultTestCredentials } from '@layerspec/mock';
import { describe, expect, it } from 'vitest';

const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));

describe('providers.json', () => {
  it('names the mock ports that layerspec-mock listens on', () => {
    expect(providers.apis['aws-lambda'].mockPort).toBe(DEFAULT_PORTS['aws-lambda']);
    expect(providers.apis['tencent-scf'].mockPort).toBe(DEFAULT_PORTS['tencent-scf']);
  });

  it('names the test keys that the mock verifies signatures with', () => {
    const aws = defaultTestCredentials['aws-lambda'];
    const tencent = defaultTestCredentials['tencent-scf'];
    expect(providers.apis['aws-lambda'].mockCredentials).toEqual({ id: aws.accessKeyId, secret: aws.secretAccessKey });
    expect(providers.apis['tencent-scf'].mockCredentials).toEqual({ id: tencent.secretId, secret: tencent.secretKey });
  });
});
