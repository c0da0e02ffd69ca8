// The Node entry (the `node` export condition): node:http with keep-alive and node:crypto
// signing, the same API and behaviour as the universal entry. A caller's own `fetch` is still
// used when given.
import { directCall } from '@layerspec/client-runtime/direct';
import { nodeTransport } from '@layerspec/client-runtime/node-transport';
import { scfClientFactory } from './client.js';
import { signTc3Now } from './sign.node.js';

export * from './exports.js';
// The shared errors, one class for both clients. Re-exported here, in the entry, because a bundler
// drops an `export *` of another package made inside a bundled module.
export * from '@layerspec/client-runtime/errors';
export { signTc3 } from './sign.node.js';

/** Creates a client of Tencent Cloud SCF's GetLayerVersion. */
export const createScfClient = scfClientFactory({ signTc3: signTc3Now, transport: nodeTransport, direct: directCall });
