// The universal entry (browsers, Deno, Bun, edge runtimes): fetch and Web Crypto (aws4fetch).
import { lambdaClientFactory } from './client.js';
import { signOutgoing } from './sign.js';

export * from './exports.js';
export { signRequest } from './sign.js';

/** Creates a client of AWS Lambda's GetLayerVersion. */
export const createLambdaClient = lambdaClientFactory({ sign: signOutgoing });
