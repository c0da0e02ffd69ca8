// What differs per provider protocol: how a request is read before Prism sees it, and how
// every answer is shaped as that provider sends it. One adapter per provider (aws-lambda.ts,
// tencent-scf.ts); the mock's pipeline (pipeline/) calls nothing else provider-specific.
import type { Answer, ReceivedRequest, Violation } from './answer.js';
import type { LoadedSpec } from './spec.js';

/** A request as Prism gets it, after the adapter's own checks. */
export interface PreparedRequest {
  body: unknown;
  /** The path for Prism, with integers it cannot hold replaced by stand-ins. */
  path: string;
  /** Rules the request broke that Prism cannot see (exact integer checks). */
  violations: Violation[];
  /** The headers for Prism, when integers in them were replaced by stand-ins. */
  headers?: Record<string, string>;
}

export interface RenderOptions {
  /** Replaces the example's message, e.g. to name the parameter that broke a rule. */
  message?: string;
}

/**
 * What makes Prism's answers look like one provider's. Every method returns a complete answer
 * in the provider's shape, so nothing Prism invents itself reaches a client.
 */
export interface ProviderAdapter {
  spec: LoadedSpec;
  /** Renders a named example of the spec as the provider sends it. */
  renderScenario(name: string, options?: RenderOptions): Answer;
  /** The provider's answer to a signature the verifier refused. */
  refuseSignature(rejection: { example: string; code?: string; message?: string }): Answer;
  /** The provider's answer to a request without credentials, or null when it has some. */
  checkAuthorization(request: ReceivedRequest): Answer | null;
  /**
   * Reads what Prism cannot read exactly, the way the provider does: an answer for an unreadable
   * request, else the parsed body, the path Prism gets, and the rules the request already broke.
   */
  readRequest(request: ReceivedRequest): { answer: Answer } | PreparedRequest;
  /** No operation matches the method and path. */
  unknownRoute(request: ReceivedRequest): Answer;
  /** The request breaks the spec. */
  invalidRequest(violations: Violation[], request: ReceivedRequest): Answer;
  /** A request the mock cannot read or serve (a `Prefer` naming no scenario, a malformed path): the provider's parameter error. */
  badRequest(message: string): Answer;
  /** A body larger than the mock reads. */
  bodyTooLarge(limitBytes: number): Answer;
  /** Something went wrong inside the mock: answered as the provider's internal error. */
  internalError(): Answer;
  /** The provider's success answer carrying a result (a fixture's), with the headers and request ID it always sends. */
  answerResult(result: Record<string, unknown>): Answer;
  /**
   * The provider's own answer to a request that breaks the spec, where it differs from the
   * model's bounds once real layers are served (AWS checks a version below 1 itself); undefined
   * leaves the usual invalid-request answer.
   */
  refuseLayerRequest?(violations: Violation[]): Answer | undefined;
  /** Puts the finishing touches on an answer Prism made from the spec (headers the provider always sends). */
  finish(answer: Answer, scenario: string | undefined): Answer;
}

export interface AdapterOptions {
  /**
   * Keep the request ID of the spec's example in answers rendered from an example, instead of a
   * new UUID per request (answers the mock makes up without an example always get a new one).
   */
  fixedRequestIds?: boolean;
}
