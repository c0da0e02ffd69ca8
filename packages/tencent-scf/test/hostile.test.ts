// Hostile servers against the Tencent client: bounded bodies, no redirects for the API, a default
// timeout, no secret in error text, and a download that replaces only a regular file.
import { describeHostileServers, digestOf } from '../../client-runtime/testing/hostile-suite.js';
import { model as scfModel } from '@layerspec/specs/model/tencent-scf';
import { operations } from '../src/generated/rules.js';
import { createScfClient, type ScfClient } from '../src/index.js';
import { downloadLayerVersion } from '../src/node.js';

const secret = 'CANARY-tencent-secret-key-5e4d3c2b1a';
const token = 'CANARY-tencent-token-0f9e8d7c6b5a';

describeHostileServers({
  name: 'Tencent client',
  create: (options) => createScfClient({ region: 'ap-guangzhou', ...options } as never),
  input: { LayerName: 'layer3', LayerVersion: 1 },
  keys: { secretId: 'AKIDCANARY000000001', secretKey: secret, token },
  secret,
  token,
  signing: scfModel.signing,
  ok: { status: 200, body: { Response: { LayerVersion: 1, RequestId: 'r' } } },
  errorQuoting: (text) => ({
    status: 200,
    body: { Response: { Error: { Code: 'AuthFailure.UnauthorizedOperation', Message: `Request blocked: ${text}` }, RequestId: 'r' } },
  }),
  layer: (location, archive) => ({ LayerVersion: 1, Location: location, CodeSha256: digestOf(archive).hex }),
  sizeKnown: false,
  raw: (client) =>
    (client as ScfClient).POST(scfModel.operations.GetLayerVersion.specPath as '/#GetLayerVersion', {
      params: { header: { ...operations.GetLayerVersion.headers, [scfModel.signing.dateHeader]: 0 } },
      body: { LayerName: 'layer3', LayerVersion: 1 },
    }),
  downloadToFile: (client, output, options) => downloadLayerVersion(client as never, output as never, options),
});
