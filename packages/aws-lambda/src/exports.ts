// What both entries export besides createLambdaClient and signRequest.
export { defaultEndpoint } from './client.js';
export type { CallOptions, DownloadOptions, GetLayerVersionInput, GetLayerVersionOutput, LambdaClient, LambdaClientOptions, LambdaCredentials } from './client.js';
export {
  InvalidParameterValueException,
  LambdaError,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
  type LambdaErrorFacts,
  type LambdaErrorName,
} from './errors.js';
export type { SignOptions } from './sign.js';
// The shared errors, one class for both clients, so `instanceof` works across them.
export * from '@layerspec/client-runtime/errors';
export type { components, operations, paths } from './generated/aws-lambda.js';
