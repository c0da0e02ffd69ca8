// Which transport each entry uses (see the shared suite); run by both vitest projects.
import { describeEntry } from '../../client-runtime/testing/entry-suite.js';
import { createLambdaClient } from '../src/index.js';

describeEntry({
  create: (options) => createLambdaClient({ region: 'us-east-1', ...options } as never),
  input: { LayerName: 'my-layer', VersionNumber: 1 },
  keys: { accessKeyId: 'AKIDENTRY0000000001', secretAccessKey: 'entry-secret-0000000001' },
  ok: { status: 200, body: { Version: 1 } },
  scheme: 'AWS4-HMAC-SHA256',
});
