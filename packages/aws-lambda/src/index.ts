export { createLambdaClient, defaultEndpoint } from './client.js';
export type { CallOptions, DownloadOptions, GetLayerVersionInput, GetLayerVersionOutput, LambdaClient, LambdaClientOptions, LambdaCredentials } from './client.js';
export {
  InvalidParameterValueException,
  LambdaError,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
  type LambdaErrorDetails,
  type LambdaErrorName,
} from './errors.js';
export { signRequest, type SignOptions } from './sign.js';
export { ClientError, IntegrityError, InvalidInputError, InvalidResponseError, NetworkError, TimeoutError } from '@layerspec/client-runtime/errors';
export type { components, operations, paths } from './generated/aws-lambda.js';
