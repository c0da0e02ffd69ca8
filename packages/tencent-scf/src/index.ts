// The universal entry (browsers, Deno, Bun, edge runtimes): fetch and Web Crypto.
import { scfClientFactory } from './client.js';
import { signTc3 } from './sign.js';

export * from './exports.js';
export { signTc3 } from './sign.js';

/** Creates a client of Tencent Cloud SCF's GetLayerVersion. */
export const createScfClient = scfClientFactory({ signTc3 });
