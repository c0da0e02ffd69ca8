// Which transport each entry uses (see the shared suite); run by both vitest projects.
import { describeEntry } from '../../client-runtime/testing/entry-suite.js';
import { createScfClient } from '../src/index.js';

describeEntry({
  create: (options) => createScfClient({ region: 'ap-guangzhou', ...options } as never),
  input: { LayerName: 'layer3', LayerVersion: 1 },
  keys: { secretId: 'AKIDENTRY0000000001', secretKey: 'entry-secret-0000000001' },
  ok: { status: 200, body: { Response: { LayerVersion: 1, RequestId: 'r' } } },
  scheme: 'TC3-HMAC-SHA256',
});
