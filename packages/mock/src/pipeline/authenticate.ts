// The signature stage: every signed request's SigV4 / TC3 signature is checked, now when the mock
// refuses bad ones, else when the journal is read (a check costs about as much as an answer).
import type { ReceivedRequest } from '../answer.js';
import { type SignatureRejection, verifySignature } from '../signatures/index.js';
import type { Provider } from '../spec.js';
import type { SignatureCheck } from '../state/journal-entry.js';
import { JOURNAL_BODY_LIMIT } from '../state/journal.js';
import type { Exchange, MockParts, PipelineOptions } from './exchange.js';

export async function authenticate({ options, spec }: MockParts, exchange: Exchange): Promise<void> {
  const { request, startedAt } = exchange;
  if (!request.headers[spec.model.signing.header.toLowerCase()]) {
    exchange.signature = { status: 'unsigned' };
  } else if (options.verifySignatures) {
    exchange.rejection = await verifySignature(options.provider, request, verifyOptions(options));
    exchange.signature = signatureCheck(exchange.rejection);
  } else if (request.body.length <= JOURNAL_BODY_LIMIT) {
    // Checked only if the journal is read, at the time the request arrived.
    exchange.signature = deferredSignatureCheck(options.provider, request, verifyOptions(options, startedAt));
  } else {
    // A large body is not kept until the journal is read: its signature is checked now.
    exchange.signature = signatureCheck(await verifySignature(options.provider, request, verifyOptions(options)));
  }
}

function verifyOptions(options: PipelineOptions, now?: Date) {
  return { ...(options.credentials ? { credentials: options.credentials } : {}), ...(now ? { now } : {}) };
}

/**
 * A signature check run when the journal is read. Made in a function of its own: a closure in a
 * stage would share that stage's scope, and with it whatever else the stage holds.
 */
function deferredSignatureCheck(provider: Provider, request: ReceivedRequest, verify: Parameters<typeof verifySignature>[2]): () => Promise<SignatureCheck> {
  return () => verifySignature(provider, request, verify).then(signatureCheck);
}

function signatureCheck(rejection: SignatureRejection | null): SignatureCheck {
  return rejection ? { status: 'refused', reason: rejection.message ?? rejection.code ?? rejection.example } : { status: 'verified' };
}
