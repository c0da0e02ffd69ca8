// createLayersClient: one getLayerVersion over the provider clients the caller gives, answering
// with a LayerVersion. The provider's input names come from the generated mapping.
import type { CallOptions, DownloadOptions, LambdaClient } from '@layerspec/aws-lambda';
export type { DownloadOptions } from '@layerspec/aws-lambda';
import type { ScfClient } from '@layerspec/tencent-scf';
import { archiveAnswer } from './download.js';
import { type ErrorKind, LayersError } from './errors.js';
import { exactInteger } from './integers.js';
import { type AnswerOf, type LayerContext, type LayerVersion, toLayerVersion } from './layer-version.js';
import { checkProvider, operationFor, type Provider } from './operations.js';

/** The provider clients to call, by provider. */
export interface LayersClientOptions {
  readonly 'aws-lambda'?: LambdaClient;
  readonly 'tencent-scf'?: ScfClient;
  /** What each provider's answers do not say, such as the Tencent client's region. */
  readonly context?: { readonly [P in Provider]?: LayerContext };
}

export interface GetLayerVersionInput<P extends Provider = Provider> {
  readonly provider: P;
  readonly name: string;
  readonly version: number | bigint;
}

export interface LayersClient {
  /** Calls the provider's client and converts its answer; rejects with LayersError keeping the client's error as `cause`. */
  getLayerVersion<P extends Provider>(input: GetLayerVersionInput<P>, call?: CallOptions): Promise<LayerVersion<P>>;
  /**
   * Downloads the archive at `archive.location` through the provider's client and resolves to its
   * bytes once the size (where the provider gave one) and the SHA-256 match the LayerVersion's;
   * rejects with LayersError (an IntegrityError of the client as `cause`, kind `invalid-response`) otherwise.
   */
  downloadLayerVersion(layer: LayerVersion<Provider, unknown>, options?: DownloadOptions): Promise<Uint8Array>;
}

const kindOf = (error: unknown): ErrorKind | undefined => {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? (kind as ErrorKind) : undefined;
};

/**
 * The version as the clients take it, a JS number: a bigint within 2^53 becomes one; beyond, the
 * client could not send it exactly, which is said here rather than as the client's "must be an integer".
 */
function sendable(provider: Provider, version: number | bigint): number {
  const exact = exactInteger(version);
  if (typeof exact === 'number') return exact;
  const rule = typeof exact === 'bigint' ? `${exact} is beyond 2^53, and the client takes a JS number, which cannot carry it exactly` : exact;
  throw new LayersError(provider, 'invalid-input', `version ${rule}`);
}

/** The client's error as a LayersError of the same kind; an error without a neutral kind is not the client's (a bug) and passes unchanged. */
function neutral(provider: Provider, error: unknown): unknown {
  const kind = kindOf(error);
  return kind === undefined ? error : new LayersError(provider, kind, error instanceof Error ? error.message : String(error), error);
}

function clientFor(options: LayersClientOptions, provider: Provider) {
  checkProvider(provider);
  const client = options[provider] as
    | {
        getLayerVersion(input: Record<string, unknown>, call?: CallOptions): Promise<unknown>;
        downloadLayerVersion(output: unknown, options?: DownloadOptions): Promise<Uint8Array>;
      }
    | undefined;
  if (client === undefined) throw new TypeError(`createLayersClient was given no ${provider} client`);
  return client;
}

export function createLayersClient(options: LayersClientOptions): LayersClient {
  return {
    async downloadLayerVersion(layer, downloadOptions) {
      const client = clientFor(options, layer?.provider);
      try {
        return await client.downloadLayerVersion(archiveAnswer(layer), downloadOptions);
      } catch (error) {
        throw neutral(layer.provider, error);
      }
    },
    async getLayerVersion(input, call) {
      const { provider } = input;
      const client = clientFor(options, provider);
      const names = operationFor(provider, 'getLayerVersion').inputs as { readonly name: string; readonly version: string };
      const version = sendable(provider, input.version);
      let answer: unknown;
      try {
        answer = await client.getLayerVersion({ [names.name]: input.name, [names.version]: version }, call);
      } catch (error) {
        throw neutral(provider, error);
      }
      // The answer is the provider client's typed output, so LayerVersion<P>'s raw type holds.
      return toLayerVersion(provider as Provider, answer as AnswerOf<Provider>, options.context?.[provider]) as unknown as LayerVersion<typeof provider>;
    },
  };
}
