// createLayersClient: getLayerVersion, listLayerVersions and latestLayerVersion over the provider
// clients the caller gives, answering in neutral fields. Which operation each calls, its input
// names and its paging come from the generated mapping.
import type { CallOptions, DownloadOptions, LambdaClient } from '@layerspec/aws-lambda';
import { MAX_PAGES, pages } from '@layerspec/client-runtime/paginate';
export type { DownloadOptions } from '@layerspec/aws-lambda';
import type { ScfClient } from '@layerspec/tencent-scf';
import { archiveAnswer } from './download.js';
import { type ErrorKind, LayersError } from './errors.js';
import { exactInteger } from './integers.js';
import { type AnswerOf, type LayerContext, type LayerVersion, type LayerVersionSummary, toLayerVersion, toLayerVersionSummaries } from './layer-version.js';
import { mapping } from './generated/mapping.js';
import { checkProvider, operationFor, type Provider } from './operations.js';
import { shown } from './shown.js';

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

/** Options of a listing: a call's options, and the most pages one listing asks for. */
export interface ListOptions extends CallOptions {
  /** The most pages asked of a provider that pages its list (AWS); default 100. A list longer than that rejects rather than coming back cut short. */
  readonly maxPages?: number;
}

/** The newest version of a layer on each provider the client was given: undefined where the layer has none. */
export type LatestLayerVersions = { readonly [P in Provider]?: LayerVersionSummary<P> };

export interface LayersClient {
  /** Calls the provider's client and converts its answer; rejects with LayersError keeping the client's error as `cause`. */
  getLayerVersion<P extends Provider>(input: GetLayerVersionInput<P>, call?: CallOptions): Promise<LayerVersion<P>>;
  /**
   * Downloads the archive at `archive.location` through the provider's client and resolves to its
   * bytes once the size (where the provider gave one) and the SHA-256 match the LayerVersion's;
   * rejects with LayersError (an IntegrityError of the client as `cause`, kind `invalid-response`) otherwise.
   */
  downloadLayerVersion(layer: LayerVersion<Provider, unknown>, options?: DownloadOptions): Promise<Uint8Array>;
  /**
   * Every version of the layer on `provider`, newest first (by version), following every page the
   * provider gives (bounded by `maxPages`). A layer the provider does not know lists as `[]` on every
   * provider (AWS answers an empty list; Tencent's not-found answer is read as one).
   */
  listLayerVersions<P extends Provider>(provider: P, name: string, options?: ListOptions): Promise<LayerVersionSummary<P>[]>;
  /**
   * The newest version of the layer (the highest version number) on each provider the client was
   * given, listed with listLayerVersions. Version numbers count each cloud's own history, so each
   * provider gets its own newest rather than one winner across clouds.
   */
  latestLayerVersion(name: string, options?: ListOptions): Promise<LatestLayerVersions>;
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
        call(operationId: string, input: Record<string, unknown>, call?: CallOptions): Promise<unknown>;
        getLayerVersion(input: Record<string, unknown>, call?: CallOptions): Promise<unknown>;
        downloadLayerVersion(output: unknown, options?: DownloadOptions): Promise<Uint8Array>;
      }
    | undefined;
  if (client === undefined) throw new TypeError(`createLayersClient was given no ${provider} client`);
  return client;
}

/** Newest first: a higher version before a lower one; an item without a version last, in the order given. */
function newestFirst<S extends { readonly version?: number | bigint }>(summaries: S[]): S[] {
  return summaries
    .map((summary, i) => ({ summary, i }))
    .sort((a, b) => {
      if (a.summary.version === undefined || b.summary.version === undefined)
        return a.summary.version === b.summary.version ? a.i - b.i : a.summary.version === undefined ? 1 : -1;
      const diff = BigInt(b.summary.version) - BigInt(a.summary.version);
      return diff === 0n ? a.i - b.i : diff > 0n ? 1 : -1;
    })
    .map(({ summary }) => summary);
}

/**
 * Every answer of the list operation: one call where the provider does not page; else each page's
 * next-page token passed to the next call by the clients' paginator, which ends at a missing or
 * repeated token or after `maxPages`. A list cut short by either rejects rather than passing for whole.
 */
async function listAnswers(provider: Provider, client: ReturnType<typeof clientFor>, name: string, { maxPages = MAX_PAGES, ...call }: ListOptions): Promise<unknown[]> {
  const operation = operationFor(provider, 'listLayerVersions');
  const input = { [operation.inputs.name as string]: name };
  const send = (values: Record<string, unknown>, options?: CallOptions) => client.call(operation.id, values, options);
  const { paging } = operation;
  if (paging === undefined) return [await send(input, call)];
  const sizeMaximum = paging.sizeMaximum === undefined ? undefined : Number(paging.sizeMaximum);
  const answers: unknown[] = [];
  const tokens = new Set<unknown>();
  let next: unknown;
  for await (const answer of pages(send, paging, input, { ...call, maxPages, ...(sizeMaximum === undefined ? {} : { pageSize: sizeMaximum }) })) {
    answers.push(answer);
    if (next !== undefined) tokens.add(next);
    next = paging.next.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), answer);
  }
  if (next === undefined || next === null || next === '') return answers;
  if (tokens.has(next))
    throw new LayersError(provider, 'invalid-response', `the list's page token ${shown(next)} came back a second time; the provider is paging in a circle`);
  throw new LayersError(provider, 'invalid-input', `the list has more than maxPages (${maxPages}) pages; raise maxPages to list them all`);
}

export function createLayersClient(options: LayersClientOptions): LayersClient {
  const listLayerVersions = async <P extends Provider>(provider: P, name: string, list: ListOptions = {}): Promise<LayerVersionSummary<P>[]> => {
    const client = clientFor(options, provider);
    let answers: unknown[];
    try {
      answers = await listAnswers(provider, client, name, list);
    } catch (error) {
      // AWS answers an unknown layer with an empty list; Tencent's not-found answer means the same.
      if (kindOf(error) === 'not-found') return [];
      throw error instanceof LayersError ? error : neutral(provider, error);
    }
    const context = options.context?.[provider];
    const summaries = answers.flatMap((answer) => toLayerVersionSummaries(provider, answer as object, context));
    // An item without a name is of the layer asked for (AWS's items name it only in their ARN).
    return newestFirst(summaries.map((summary) => (summary.name === undefined ? { ...summary, name } : summary)) as LayerVersionSummary<P>[]);
  };
  return {
    listLayerVersions,
    async latestLayerVersion(name, list) {
      const providers = (Object.keys(mapping) as Provider[]).filter((provider) => options[provider] !== undefined);
      const newest = await Promise.all(providers.map(async (provider) => [provider, (await listLayerVersions(provider, name, list))[0]] as const));
      return Object.fromEntries(newest) as LatestLayerVersions;
    },
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
