export { createScfClient } from './client.js';
export type { CallOptions, DownloadOptions, GetLayerVersionInput, GetLayerVersionOutput, ScfClient, ScfClientOptions, ScfCredentials, ScfLanguage } from './client.js';
export { TencentCloudError, type TencentErrorCode } from './errors.js';
export { signTc3, type Tc3Input, type Tc3Signature } from './sign.js';
// The shared errors, one class for both clients, so `instanceof` works across them.
export * from '@layerspec/client-runtime/errors';
export type { components, operations, paths } from './generated/tencent-scf.js';
