// The one context every stage of the mock's pipeline reads and fills in: what a mock is made of
// (its parts, built once when it starts) and what one request has become so far (its exchange).
import type { IncomingMessage } from 'node:http';
import type { OperationModel } from '@layerspec/specs/model';
import type prismHttp from '@stoplight/prism-http';
import type { Answer, ReceivedRequest } from '../answer.js';
import type { PreparedRequest, ProviderAdapter } from '../provider-adapter.js';
import type { StartMockOptions } from '../server.js';
import type { SignatureRejection } from '../signatures/index.js';
import type { LoadedSpec } from '../spec.js';
import type { ControlGuardOptions } from '../state/control-guard.js';
import type { FaultEffect } from '../state/faults.js';
import type { PendingSignatureCheck } from '../state/journal.js';
import type { MockState } from '../state/mock-state.js';
import type { ResponseChoice } from './choose-response.js';

/** The options of a mock that its stages read: StartMockOptions, less what only startMock uses. */
export type PipelineOptions = Pick<StartMockOptions, 'provider' | 'scenario' | 'dynamic' | 'seed' | 'verifySignatures' | 'credentials' | 'serveArchive' | 'log'>;

type PrismInstance = ReturnType<typeof prismHttp.createInstance>;
type PrismOperations = Awaited<ReturnType<typeof prismHttp.getHttpOperationsFromSpec>>;

/** A mock, built once: its spec, its provider's adapter, Prism, its state and who may call its control API. */
export interface MockParts {
  options: PipelineOptions;
  spec: LoadedSpec;
  adapter: ProviderAdapter;
  state: MockState;
  prism: PrismInstance;
  operations: PrismOperations;
  guard: ControlGuardOptions;
}

/** What Prism made of a request: its answer, or why it could not give one. */
export type PrismResult = Awaited<ReturnType<ReturnType<PrismInstance['request']>>>;

/** One request on its way through the stages; a stage that sets `answer` ends the way. */
export interface Exchange {
  incoming: IncomingMessage;
  startedAt: Date;
  /** The mock's own address, as the connection arrived on it. */
  origin: string;
  request: ReceivedRequest;
  /** The signature's check, or a way to run it when the journal is read. */
  signature: PendingSignatureCheck;
  /** Why the signature was refused, when the mock verifies signatures and refused it. */
  rejection: SignatureRejection | null;
  /** The fault that took this request, and what it does. */
  fault?: { kind: string; effect: FaultEffect };
  /** The operation the request names, once the adapter has read it. */
  operation?: OperationModel;
  /** The request as the adapter read it for Prism. */
  prepared?: PreparedRequest;
  /** Which answer the request asks for (`Prefer`, the mock's scenario, or the spec's default). */
  choice?: ResponseChoice;
  prism?: PrismResult;
  answer?: Answer;
}

/** One named step of the pipeline. */
export type Stage = (parts: MockParts, exchange: Exchange) => void | Promise<void>;
