// createLambdaClient: the shared client core (@layerspec/client-runtime) with AWS's SigV4 signer
// and error classes; every other fact comes from the API's generated rules.
import { checkOptions, createClient, type ApiClient, type DirectCall } from '@layerspec/client-runtime/core';
import type { TransportOptions } from '@layerspec/client-runtime/options';
import type { Outgoing, Transport } from '@layerspec/client-runtime/transport';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './generated/aws-lambda.js';
import { errors } from './errors.js';
import { rules, optionRules, servers, signing } from './generated/rules.js';
import type { LambdaCredentials, SignOptions } from './sign.js';

export type { LambdaCredentials } from './sign.js';
export type { CallOptions, DownloadOptions } from '@layerspec/client-runtime/options';
export type GetLayerVersionInput = operations['GetLayerVersion']['parameters']['path'];
export type GetLayerVersionOutput = components['schemas']['GetLayerVersionResponse'];

export interface LambdaClientOptions extends TransportOptions {
  /** The AWS Region of the layer, such as `us-east-1`; also the signing region. */
  region: string;
  /** Keys, or a function that returns them (called before each attempt, so rotated keys are picked up). */
  credentials: LambdaCredentials | (() => LambdaCredentials | Promise<LambdaCredentials>);
  /** Base URL; the spec's regional endpoint `https://lambda.<region>.amazonaws.com` by default. */
  endpoint?: string;
}

/** What createLambdaClient returns. Written out (not inferred) so the published .d.ts type-checks on its own. */
export interface LambdaClient extends ApiClient<paths, GetLayerVersionInput, GetLayerVersionOutput> {
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
  /** getLayerVersion without openapi-fetch (the Node entry's). */
  direct?: DirectCall;
}

/** createLambdaClient for one entry (the universal one, or Node's). */
export function lambdaClientFactory(platform: Platform): (options: LambdaClientOptions) => LambdaClient {
  return function createLambdaClient(options) {
    checkOptions(options as never, optionRules, ['region']);
    const { region, ...transport } = options;
    const { api, client } = createClient<paths, LambdaCredentials, GetLayerVersionInput, GetLayerVersionOutput>(
      {
        rules,
        signer: {
          keys: { required: ['accessKeyId', 'secretAccessKey'], secrets: ['secretAccessKey', 'sessionToken'] },
          sign: (request, credentials) => platform.sign(request, { credentials, region, service: signing.service }),
        },
        errors,
        errorKinds: () => import('./generated/errors.js'),
        // The one operation this client calls today: the spec's first.
        successSchema: () =>
          import('@layerspec/specs/model/aws-lambda-response-schema').then(({ successSchemas }) => ({ successSchema: Object.values(successSchemas)[0]! })),
        ...(platform.transport ? { transport: platform.transport } : {}),
        ...(platform.direct ? { direct: platform.direct } : {}),
      },
      { ...transport, baseUrl: defaultEndpoint(region) },
    );
    return { ...api, GET: client.GET };
  };
}
