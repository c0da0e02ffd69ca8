// The universal entry (browsers, Deno, Bun, edge runtimes): fetch and Web Crypto.
import { scfClientFactory } from './client.js';
import { signTc3 } from './sign.js';

export * from './exports.js';
// The shared errors, one class for both clients. Re-exported here, in the entry, because a bundler
// drops an `export *` of another package made inside a bundled module.
export * from '@layerspec/client-runtime/errors';
export { signTc3 } from './sign.js';

/** Creates a client of Tencent Cloud SCF's GetLayerVersion. */
export const createScfClient = scfClientFactory({ signTc3 });
