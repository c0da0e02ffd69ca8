// What differs per provider protocol, and nothing else: how a request is read into an operation
// and its inputs before Prism sees it, how a result is sent, and how an error is sent. One
// adapter per provider (aws-lambda.ts, tencent-scf.ts); the mock's pipeline (pipeline/) calls
// nothing else provider-specific.
import type { OperationModel } from '@layerspec/specs/model';
import type { Answer, ReceivedRequest, Violation } from './answer.js';
import type { LoadedSpec } from './spec.js';

/** A request read into the operation it names and its inputs, as Prism gets them. */
export interface PreparedRequest {
  operation: OperationModel;
  body: unknown;
  /** The path for Prism (an RPC action's pseudo-path), with integers it cannot hold replaced by stand-ins. */
  path: string;
  /** Rules the request broke that Prism cannot see (exact integer checks). */
  violations: Violation[];
  /** The headers for Prism, when integers in them were replaced by stand-ins. */
  headers?: Record<string, string>;
}

/** An error the mock answers, by what went wrong; each adapter sends it in its provider's shape. */
export type MockError =
  /** A named example of the spec, for an operation when one is known; `message` replaces the example's. */
  | { kind: 'scenario'; name: string; operation?: OperationModel | undefined; message?: string }
  /** The request carries no credentials. */
  | { kind: 'unauthenticated' }
  /** The verifier refused the signature: the example it names, or a documented code with a message. */
  | { kind: 'signature'; rejection: { example: string; code?: string; message?: string } }
  /** No operation matches the request's method and path. */
  | { kind: 'unknown-route'; request: ReceivedRequest }
  /** The request breaks the operation's rules; `fixtures` when the mock serves real layers (AWS checks some bounds itself then). */
  | { kind: 'invalid-request'; operation: OperationModel; violations: Violation[]; request: ReceivedRequest; fixtures: boolean }
  /** A request the mock cannot read or serve (a malformed path, no Host): the provider's parameter error. */
  | { kind: 'bad-request'; message: string }
  /** A body larger than the mock reads. */
  | { kind: 'body-too-large'; limitBytes: number }
  /** Something went wrong inside the mock: the provider's internal error. */
  | { kind: 'internal' };

/**
 * What makes the mock's answers look like one provider's. Every method returns a complete answer
 * in the provider's shape, so nothing Prism invents itself reaches a client.
 */
export interface ProviderAdapter {
  spec: LoadedSpec;
  /** The operation a request names (AWS: method and path; Tencent: its action), or undefined. */
  operationOf(request: ReceivedRequest): OperationModel | undefined;
  /**
   * Reads a request the way the provider does: an answer for one it refuses before any operation's
   * rules apply (an unknown route or action, an unreadable body), else the operation and its inputs.
   */
  readRequest(request: ReceivedRequest): { answer: Answer } | PreparedRequest;
  /**
   * A success answer of an operation: Prism's from the spec (`scenario` names the example it came
   * from), or one whose body the mock made from fixtures; with the headers and request ID the
   * provider always sends.
   */
  renderResult(operation: OperationModel, answer: Answer, scenario?: string): Answer;
  renderError(error: MockError): Answer;
}

export interface AdapterOptions {
  /**
   * Keep the request ID of the spec's example in answers rendered from an example, instead of a
   * new UUID per request (answers the mock makes up without an example always get a new one).
   */
  fixedRequestIds?: boolean;
}
