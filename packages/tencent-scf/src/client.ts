// createScfClient: the shared client core (@layerspec/client-runtime) with Tencent's TC3 signer
// and error class; every other fact (headers, region rule, languages) comes from the API's
// generated rules.
import { checkOptions, createClient, type ApiClient } from '@layerspec/client-runtime/core';
import type { TransportOptions } from '@layerspec/client-runtime/options';
import type { Client } from 'openapi-fetch';
import type { components, paths } from './generated/tencent-scf.js';
import { errors } from './errors.js';
import { rules, optionRules, servers, headers as names, constantHeaders, signing } from './generated/rules.js';
import { signTc3 } from './sign.js';

export interface ScfCredentials {
  secretId: string;
  secretKey: string;
  /** The security token of temporary credentials, sent as `X-TC-Token`. */
  token?: string | undefined;
}

export type { CallOptions, DownloadOptions } from '@layerspec/client-runtime/options';
export type GetLayerVersionInput = components['schemas']['GetLayerVersionRequest'];
export type GetLayerVersionOutput = components['schemas']['GetLayerVersionResult'];
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
export interface ScfClient extends ApiClient<paths, GetLayerVersionInput, GetLayerVersionOutput> {
  /** openapi-fetch's typed POST, for the `{ data, error }` style; requests are signed and retried too. */
  POST: Client<paths>['POST'];
}

// API 3.0's own headers, which Tencent's SDKs leave unsigned; every other header is signed.
const protocolHeaders = new Set([...Object.keys(constantHeaders), ...Object.values(names)].map((name) => name.toLowerCase()));

export function createScfClient(options: ScfClientOptions): ScfClient {
  checkOptions(options as never, optionRules, []);
  const { region, language, service = signing.service, ...transport } = options;
  const { api, client } = createClient<paths, ScfCredentials, GetLayerVersionInput, GetLayerVersionOutput>(
    {
      rules,
      signer: {
        keys: { required: ['secretId', 'secretKey'], secrets: ['secretKey', 'token'] },
        async sign({ method, url, headers, body = '' }, keys) {
          const timestamp = Math.floor(Date.now() / 1000);
          headers.set('Content-Type', 'application/json');
          headers.set(names.time, String(timestamp));
          for (const [name, value] of Object.entries(constantHeaders)) if (!headers.has(name)) headers.set(name, value);
          if (region) headers.set(names.region, region);
          if (language) headers.set(names.language, language);
          if (keys.token) headers.set(names.token, keys.token);
          // The host is signed without its port, as Tencent's own SDKs do.
          const signed: Record<string, string> = { host: new URL(url).hostname };
          headers.forEach((value, name) => {
            if (!protocolHeaders.has(name)) signed[name] = value;
          });
          const { authorization } = await signTc3({
            method,
            url,
            headers: signed,
            payload: body,
            timestamp,
            service,
            secretId: keys.secretId,
            secretKey: keys.secretKey,
          });
          headers.set('Authorization', authorization);
          return { url, headers };
        },
      },
      errors,
      errorKinds: () => import('./generated/errors.js'),
      successSchema: () => import('@layerspec/specs/model/tencent-scf-response-schema'),
    },
    { ...transport, baseUrl: servers[0] },
  );
  return { ...api, POST: client.POST };
}
