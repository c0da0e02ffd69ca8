// Signature verification for the mocks: recomputes a request's SigV4 (AWS Lambda) or TC3
// (Tencent SCF) signature with the test credentials, using the official signers' code.
import { verifyAwsSignature } from './aws-sigv4.js';
import { SignerUnavailableError, verifyTencentSignature } from './tencent-tc3.js';

export { SignerUnavailableError } from './tencent-tc3.js';
import type { MockProvider, ReceivedRequest, SignatureRejection, VerifyOptions } from './types.js';

export { defaultTestCredentials } from './credentials.js';
export type { AwsTestCredentials, ProviderTestCredentials, TencentTestCredentials, TestCredentials } from './credentials.js';
export { MAX_CLOCK_SKEW_MS } from './types.js';
export type { MockProvider, ReceivedRequest, SignatureRejection, VerifyOptions } from './types.js';

/** Each provider's verifier: the signature scheme is code, its parameters come from the model. */
const VERIFIERS: Record<MockProvider, (request: ReceivedRequest, options: VerifyOptions) => Promise<SignatureRejection | null>> = {
  'aws-lambda': verifyAwsSignature,
  'tencent-scf': verifyTencentSignature,
};

/**
 * Checks a received request's signature. Resolves to null when it is valid, else to the name of
 * the spec example to answer with (an authentication error of the provider) and a message in
 * the provider's words. Any input, however malformed, gets an answer; it rejects only when the
 * Tencent SDK's signer cannot be loaded (SignerUnavailableError), a fault of the installation.
 */
export async function verifySignature(provider: MockProvider, request: ReceivedRequest, options: VerifyOptions = {}): Promise<SignatureRejection | null> {
  try {
    return await VERIFIERS[provider](request, options);
  } catch (error) {
    // A missing signer is the mock's fault; saying "bad signature" would mislead the caller.
    if (error instanceof SignerUnavailableError) throw error;
    // A request odd enough to trip the signer cannot carry a valid signature.
    return { example: 'invalid-signature' };
  }
}
