// What both entries export besides createScfClient and signTc3.
export type { CallOptions, DownloadOptions, GetLayerVersionInput, GetLayerVersionOutput, ScfClient, ScfClientOptions, ScfCredentials, ScfLanguage } from './client.js';
export { TencentCloudError, type TencentErrorCode } from './errors.js';
export type { Tc3Input, Tc3Signature } from './tc3.js';
// The shared errors, one class for both clients, so `instanceof` works across them.
export * from '@layerspec/client-runtime/errors';
export type { components, operations, paths } from './generated/tencent-scf.js';
