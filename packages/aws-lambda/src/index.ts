// The universal entry (browsers, Deno, Bun, edge runtimes): fetch and Web Crypto (aws4fetch).
import { lambdaClientFactory } from './client.js';
import { signOutgoing } from './sign.js';

export * from './exports.js';
// The shared errors, one class for both clients. Re-exported here, in the entry, because a bundler
// drops an `export *` of another package made inside a bundled module.
export * from '@layerspec/client-runtime/errors';
export { signRequest } from './sign.js';

/** Creates a client of AWS Lambda's GetLayerVersion. */
export const createLambdaClient = lambdaClientFactory({ sign: signOutgoing });
