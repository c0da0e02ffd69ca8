// createScfClient: the shared client core (@layerspec/client-runtime) with Tencent's TC3 signer
// and error class; every other fact (each operation and its method, headers, region rule,
// languages) comes from the API's generated rules and method types.
import { checkOptions, createClient, type ApiClient, type DirectCall } from '@layerspec/client-runtime/core';
import type { TransportOptions } from '@layerspec/client-runtime/options';
import type { Transport } from '@layerspec/client-runtime/transport';
import type { Client } from 'openapi-fetch';
import type { components, paths } from './generated/tencent-scf.js';
import { operationMethods, type OperationMethods, type Operations } from './generated/methods.js';
import { errors } from './errors.js';
import { rules, optionRules, servers, headers as names, signing } from './generated/rules.js';
import type { Tc3Input, Tc3Signature } from './tc3.js';

export interface ScfCredentials {
  secretId: string;
  secretKey: string;
  /** The security token of temporary credentials, sent as `X-TC-Token`. */
  token?: string | undefined;
}

export type { CallOptions, DownloadOptions } from '@layerspec/client-runtime/options';
export type { OperationMethods, Operations } from './generated/methods.js';
export type GetLayerVersionInput = Operations['GetLayerVersion']['input'];
export type GetLayerVersionOutput = Operations['GetLayerVersion']['output'];
export type ScfLanguage = components['parameters']['Language'];

export interface ScfClientOptions extends TransportOptions {
  /** The region of the layer, sent as `X-TC-Region`, such as `ap-guangzhou`. */
  region?: string;
  /** Keys, or a function that returns them (called before each attempt). */
  credentials: ScfCredentials | (() => ScfCredentials | Promise<ScfCredentials>);
  /** Base URL; the spec's `https://scf.tencentcloudapi.com` by default. */
  endpoint?: string;
  /** The language of error messages, sent as `X-TC-Language`. */
  language?: ScfLanguage;
  /** Service name in the signature's credential scope. Default the spec's, `scf`. */
  service?: string;
}

/** What createScfClient returns. Written out (not inferred) so the published .d.ts type-checks on its own. */
export interface ScfClient extends ApiClient<paths, Operations>, OperationMethods {
  /** openapi-fetch's typed POST, for the `{ data, error }` style; requests are signed and retried too. */
  POST: Client<paths>['POST'];
}

// API 3.0's own headers, which Tencent's SDKs leave unsigned; every other header is signed.
const lower = Object.fromEntries(Object.entries(names).map(([concept, name]) => [concept, name.toLowerCase()])) as Record<keyof typeof names, string>;
const protocolHeaders = new Set([
  ...Object.values(rules.operations).flatMap((operation) => Object.keys(operation.headers).map((name) => name.toLowerCase())),
  ...Object.values(lower),
]);

/** What differs between the entries: how TC3 is computed and, on Node, how requests travel. */
export interface Platform {
  signTc3: (input: Tc3Input) => Tc3Signature | Promise<Tc3Signature>;
  transport?: Transport;
  /** Calls without openapi-fetch (the Node entry's). */
  direct?: DirectCall;
}

/** createScfClient for one entry (the universal one, or Node's). */
export function scfClientFactory(platform: Platform): (options: ScfClientOptions) => ScfClient {
  return function createScfClient(options) {
    checkOptions(options as never, optionRules, []);
    const { region, language, service = signing.service, ...transport } = options;
    const { api, client } = createClient<paths, ScfCredentials, Operations>(
      {
        rules,
        signer: {
          keys: { required: ['secretId', 'secretKey'], secrets: ['secretKey', 'token'] },
          async sign({ method, url, headers, body = '' }, keys) {
            const timestamp = Math.floor(Date.now() / 1000);
            headers['content-type'] = 'application/json';
            headers[lower.time] = String(timestamp);
            if (region) headers[lower.region] = region;
            if (language) headers[lower.language] = language;
            if (keys.token) headers[lower.token] = keys.token;
            // The host is signed without its port, as Tencent's own SDKs do.
            const signed: Record<string, string> = { host: new URL(url).hostname };
            for (const name in headers) if (!protocolHeaders.has(name)) signed[name] = headers[name]!;
            const { authorization } = await platform.signTc3({
              method,
              url,
              headers: signed,
              payload: body,
              timestamp,
              service,
              secretId: keys.secretId,
              secretKey: keys.secretKey,
            });
            headers.authorization = authorization;
            return { method, url, headers, body };
          },
        },
        errors,
        errorKinds: () => import('./generated/errors.js'),
        successSchemas: () => import('@layerspec/specs/model/tencent-scf-response-schema'),
        ...(platform.transport ? { transport: platform.transport } : {}),
        ...(platform.direct ? { direct: platform.direct } : {}),
      },
      { ...transport, baseUrl: servers[0] },
    );
    return { ...api, ...operationMethods(api), POST: client.POST };
  };
}
