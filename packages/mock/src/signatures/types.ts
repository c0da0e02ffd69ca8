import { loadModel } from '../model.js';
import { PROVIDERS, type Provider } from '../spec.js';
import type { TestCredentials } from './credentials.js';

export type MockProvider = Provider;

/** A request as the mock received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received, still percent-encoded. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as received, which a signature covers; `body` is their UTF-8 decoding. */
  bodyBytes?: Uint8Array;
}

export interface VerifyOptions {
  credentials?: TestCredentials;
  /** The server's clock; tests pin it. */
  now?: Date;
}

/** Why a request was refused: the spec example to answer with and, optionally, a provider-like message. */
export interface SignatureRejection {
  example: string;
  message?: string;
  /** A Tencent error code the spec documents but has no example for (e.g. AuthFailure.TokenFailure). */
  code?: string;
}

/** The bytes a signature covers: as received when known, else the text encoded as UTF-8. */
export function bodyBytesOf(request: ReceivedRequest): Buffer {
  return request.bodyBytes ? Buffer.from(request.bodyBytes) : Buffer.from(request.body, 'utf8');
}

/** How far a request's clock may be from the server's for every provider: the strictest skew the specs state (x-layerspec-signing). */
export const MAX_CLOCK_SKEW_MS = Math.min(...PROVIDERS.map((provider) => loadModel(provider).signing.maxClockSkewSeconds)) * 1000;
