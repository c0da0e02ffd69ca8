// What both entries export besides createLambdaClient and signRequest.
export { defaultEndpoint } from './client.js';
export type {
  CallOptions,
  DownloadOptions,
  GetLayerVersionInput,
  GetLayerVersionOutput,
  LambdaClient,
  LambdaClientOptions,
  LambdaCredentials,
  OperationMethods,
  Operations,
  PageOptions,
} from './client.js';
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
export type { components, operations, paths } from './generated/aws-lambda.js';
