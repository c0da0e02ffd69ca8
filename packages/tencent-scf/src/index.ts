export { createScfClient } from './client.js';
export type { CallOptions, DownloadOptions, GetLayerVersionInput, GetLayerVersionOutput, ScfClient, ScfClientOptions, ScfCredentials, ScfLanguage } from './client.js';
export { TencentCloudError, type TencentErrorCode } from './errors.js';
export { signTc3, type Tc3Input, type Tc3Signature } from './sign.js';
export {
  ApiError,
  ClientError,
  CredentialsError,
  IntegrityError,
  InvalidInputError,
  InvalidResponseError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
  type ErrorKind,
} from '@layerspec/client-runtime/errors';
export type { components, operations, paths } from './generated/tencent-scf.js';
