// What both entries export besides createScfClient and signTc3.
export type {
  CallOptions,
  DownloadOptions,
  GetLayerVersionInput,
  GetLayerVersionOutput,
  OperationMethods,
  Operations,
  ScfClient,
  ScfClientOptions,
  ScfCredentials,
  ScfLanguage,
} from './client.js';
export { TencentCloudError, type TencentErrorCode } from './errors.js';
export type { Tc3Input, Tc3Signature } from './tc3.js';
export type { components, operations, paths } from './generated/tencent-scf.js';
