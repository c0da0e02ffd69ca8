export { createLambdaClient, defaultEndpoint } from './client.js';
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
export { signRequest, type SignOptions } from './sign.js';
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
export type { components, operations, paths } from './generated/aws-lambda.js';
