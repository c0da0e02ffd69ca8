// The options both clients take besides their provider's own (types only).
import type { ClientOptions } from 'openapi-fetch';
import type { RetryOptions } from './retry.js';

export interface DownloadOptions {
  /** Aborts the download. */
  signal?: AbortSignal;
  /** Allow an `http:` Location (and redirects to `http:`), for a local mock. Default false. */
  allowHttp?: boolean;
  /** Bound of the archive in bytes; default 512 MiB. On AWS, reading also stops one byte past `CodeSize`. */
  maxBytes?: number;
  /** Limit of each download attempt; default the client's `timeoutMs`, else 10 minutes. */
  timeoutMs?: number;
}

export interface CallOptions {
  /** Aborts the call, every attempt and every wait between them. */
  signal?: AbortSignal;
  /** Extra headers for this call (signed with the rest). */
  headers?: Record<string, string>;
}

/** What a paginator takes besides a call's options. */
export interface PageOptions extends CallOptions {
  /** The most pages asked for; the iteration ends after them. Default 100. */
  maxPages?: number;
  /** Sets the operation's page-size input (AWS `MaxItems`) on every page. */
  pageSize?: number;
}

/** openapi-fetch's own options, less those the client sets itself, plus transport and retries. */
export interface TransportOptions
  extends Omit<ClientOptions, 'baseUrl' | 'fetch' | 'signal' | 'headers' | 'body' | 'method' | 'credentials'>,
    Pick<RetryOptions, 'maxAttempts' | 'timeoutMs'> {
  /** The transport; `globalThis.fetch` by default. It receives signed requests. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Check every success body against the spec's schema and reject one that breaks it. Default false. */
  validateResponses?: boolean;
  /** Backoff tuning, mostly for tests; see RetryOptions. */
  retry?: Omit<RetryOptions, 'maxAttempts' | 'timeoutMs'>;
}
