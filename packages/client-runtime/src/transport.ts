// What the client core sends and receives, without Request or Response: one signed request out,
// one complete answer in. Two transports give it: fetch (here, for every runtime) and node:http
// (`node-transport.ts`, the `node` condition of `@layerspec/client-runtime/transport`).
import { ResponseTooLargeError } from './errors.js';
import { NO_BODY, readBounded, refuseRedirect } from './retry.js';

/** One request as signed: header names lower-case. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** One complete answer: header names lower-case, repeated headers joined with `, ` as fetch does. */
export interface Incoming {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface Transport {
  /**
   * Sends one request and reads its answer completely, its body (decompressed) within `maxBytes`.
   * Rejects with InvalidResponseError for a redirect (never followed) and ResponseTooLargeError
   * past the bound; stops when `signal` aborts.
   */
  exchange(request: Outgoing, signal: AbortSignal, maxBytes: number): Promise<Incoming>;
  /** fetch-shaped, for openapi-fetch's methods and the archive download (which follows redirects itself). */
  fetch: (request: Request) => Promise<Response>;
}

const EMPTY = new Uint8Array(0);

/** A transport over a fetch function: the caller's, or the runtime's `fetch` (read when first called). */
export function fetchTransport(fetch: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request)): Transport {
  return {
    fetch,
    async exchange({ method, url, headers, body }, signal, maxBytes) {
      const answer = await fetch(new Request(url, { method, headers, body, signal, redirect: 'manual' }));
      try {
        refuseRedirect(answer.type === 'opaqueredirect' ? 307 : answer.status, answer.headers.get('location'), answer.status);
      } catch (error) {
        answer.body?.cancel().catch(() => {});
        throw error;
      }
      const bytes = NO_BODY.has(answer.status) ? EMPTY : await readBounded(answer, maxBytes);
      if (bytes === undefined) throw new ResponseTooLargeError(maxBytes, answer.status);
      return { status: answer.status, statusText: answer.statusText, headers: Object.fromEntries(answer.headers), body: bytes };
    },
  };
}

/** The transport of this entry: fetch wherever it runs (the `node` condition gives node:http instead); pure, so a bundle that never uses it leaves it out. */
export const defaultTransport: Transport = /* @__PURE__ */ fetchTransport();
