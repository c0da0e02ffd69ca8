// Hostile servers against the AWS client: bounded bodies, no redirects for the API, a default
// timeout, no secret in error text, and a download that replaces only a regular file.
import { describeHostileServers, digestOf } from '../../client-runtime/testing/hostile-suite.js';
import lambdaModel from '@layerspec/specs/model/aws-lambda';
import { errorAt, operations } from '../src/generated/rules.js';
import { createLambdaClient, type LambdaClient } from '../src/index.js';
import { downloadLayerVersion } from '../src/node.js';

const secret = 'CANARY-aws-secret-access-key-5e4d3c2b1a';
const token = 'CANARY-aws-session-token-0f9e8d7c6b5a';

describeHostileServers({
  name: 'AWS client',
  create: (options) => createLambdaClient({ region: 'us-east-1', ...options } as never),
  input: { LayerName: 'my-layer', VersionNumber: 1 },
  keys: { accessKeyId: 'AKIDCANARY000000001', secretAccessKey: secret, sessionToken: token },
  secret,
  token,
  signing: lambdaModel.signing,
  ok: { status: 200, body: { Version: 1 } },
  errorQuoting: (text) => ({ status: 403, headers: { [errorAt.code.name]: 'AccessDeniedException' }, body: { message: `Request blocked: ${text}` } }),
  layer: (location, archive) => ({ Version: 1, Content: { Location: location, CodeSize: archive.length, CodeSha256: digestOf(archive).base64 } }),
  sizeKnown: true,
  raw: (client) => (client as LambdaClient).GET(operations.GetLayerVersion.path, { params: { path: { LayerName: 'my-layer', VersionNumber: 1 } } }),
  downloadToFile: (client, output, options) => downloadLayerVersion(client as never, output as never, options),
});
