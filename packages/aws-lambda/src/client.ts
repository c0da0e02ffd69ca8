// createLambdaClient: the shared client core (@layerspec/client-runtime) with AWS's SigV4 signer
// and error classes; every other fact, each operation and its method included, comes from the
// API's generated rules and method types.
import { checkOptions, createClient, type ApiClient, type DirectCall } from '@layerspec/client-runtime/core';
import type { TransportOptions } from '@layerspec/client-runtime/options';
import type { Outgoing, Transport } from '@layerspec/client-runtime/transport';
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/aws-lambda.js';
import { operationMethods, type OperationMethods, type Operations } from './generated/methods.js';
import { errors } from './errors.js';
import { rules, optionRules, servers, signing } from './generated/rules.js';
import type { LambdaCredentials, SignOptions } from './sign.js';

export type { LambdaCredentials } from './sign.js';
export type { CallOptions, DownloadOptions, PageOptions } from '@layerspec/client-runtime/options';
export type { OperationMethods, Operations } from './generated/methods.js';
export type GetLayerVersionInput = Operations['GetLayerVersion']['input'];
export type GetLayerVersionOutput = Operations['GetLayerVersion']['output'];

export interface LambdaClientOptions extends TransportOptions {
  /** The AWS Region of the layer, such as `us-east-1`; also the signing region. */
  region: string;
  /** Keys, or a function that returns them (called before each attempt, so rotated keys are picked up). */
  credentials: LambdaCredentials | (() => LambdaCredentials | Promise<LambdaCredentials>);
  /** Base URL; the spec's regional endpoint `https://lambda.<region>.amazonaws.com` by default. */
  endpoint?: string;
}

/** What createLambdaClient returns. Written out (not inferred) so the published .d.ts type-checks on its own. */
export interface LambdaClient extends ApiClient<paths, Operations>, OperationMethods {
  /** openapi-fetch's typed GET, for the `{ data, error }` style; requests are signed and retried too. */
  GET: Client<paths>['GET'];
}

/** The spec's default server with the region filled in. */
export function defaultEndpoint(region: string): string {
  return servers[0].replace('{region}', region);
}

/** What differs between the entries: how requests are signed and, on Node, how they travel. */
export interface Platform {
  sign: (request: Outgoing, options: SignOptions) => Outgoing | Promise<Outgoing>;
  transport?: Transport;
  /** Calls without openapi-fetch (the Node entry's). */
  direct?: DirectCall;
}

/** createLambdaClient for one entry (the universal one, or Node's). */
export function lambdaClientFactory(platform: Platform): (options: LambdaClientOptions) => LambdaClient {
  return function createLambdaClient(options) {
    checkOptions(options as never, optionRules, ['region']);
    const { region, ...transport } = options;
    const { api, client } = createClient<paths, LambdaCredentials, Operations>(
      {
        rules,
        signer: {
          keys: { required: ['accessKeyId', 'secretAccessKey'], secrets: ['secretAccessKey', 'sessionToken'] },
          sign: (request, credentials) => platform.sign(request, { credentials, region, service: signing.service }),
        },
        errors,
        errorKinds: () => import('./generated/errors.js'),
        successSchemas: () => import('@layerspec/specs/model/aws-lambda-response-schema'),
        ...(platform.transport ? { transport: platform.transport } : {}),
        ...(platform.direct ? { direct: platform.direct } : {}),
      },
      { ...transport, baseUrl: defaultEndpoint(region) },
    );
    return { ...api, ...operationMethods(api), GET: client.GET };
  };
}
