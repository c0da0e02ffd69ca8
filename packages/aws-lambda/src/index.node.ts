// The Node entry (the `node` export condition): node:http with keep-alive and SigV4 signing on
// node:crypto, the same API and behaviour as the universal entry. A caller's own `fetch` is
// still used when given.
import { directCall } from '@layerspec/client-runtime/direct';
import { nodeTransport } from '@layerspec/client-runtime/node-transport';
import { lambdaClientFactory } from './client.js';
import { signOutgoing } from './sign.node.js';

export * from './exports.js';
// The shared errors, one class for both clients. Re-exported here, in the entry, because a bundler
// drops an `export *` of another package made inside a bundled module.
export * from '@layerspec/client-runtime/errors';
export { signRequest } from './sign.node.js';

/** Creates a client of AWS Lambda's GetLayerVersion. */
export const createLambdaClient = lambdaClientFactory({ sign: signOutgoing, transport: nodeTransport, direct: directCall });
