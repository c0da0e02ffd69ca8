import type { TestCredentials } from './credentials.js';

export type MockProvider = 'aws-lambda' | 'tencent-scf';

/** A request as the mock received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received, still percent-encoded. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
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
}

/** How far a request's clock may be from the server's, as both providers allow: 5 minutes. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
