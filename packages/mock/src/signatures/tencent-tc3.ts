// Verifies a TC3-HMAC-SHA256 signature (Tencent Cloud API 3.0) by signing the received request
// again with the official Node SDK's own signing function (Sign.sign3 of
// tencentcloud-sdk-nodejs-common) and comparing.
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { loadModel, scenarioMessage } from '../model.js';
import { signaturesMatch } from './compare.js';
import { tencentCredentialsFrom } from './credentials.js';
import { bodyBytesOf, type ReceivedRequest, type SignatureRejection, type VerifyOptions } from './types.js';

type SignModule = typeof import('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js');
export type OfficialTc3Signer = SignModule['default'];

/** The SDK's signer could not be loaded: a packaging fault, not a bad request. */
export class SignerUnavailableError extends Error {
  override readonly name = 'SignerUnavailableError';
}

const require = createRequire(import.meta.url);
let officialSigner: OfficialTc3Signer | undefined;

/**
 * Sign of tencentcloud-sdk-nodejs-common, loaded on first use so that a mock that never checks a
 * Tencent signature does not need the SDK. The SDK ships CommonJS with `exports.default = Sign`;
 * require() reads it the same way under Node and under vitest, where an ESM default import differs.
 */
export function officialTc3Signer(): OfficialTc3Signer {
  if (!officialSigner) {
    try {
      officialSigner = (require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as SignModule).default;
    } catch (cause) {
      throw new SignerUnavailableError('verifying TC3 signatures needs the package tencentcloud-sdk-nodejs-common', { cause });
    }
  }
  return officialSigner;
}

const SIGNING = loadModel('tencent-scf').signing;
const ALGORITHM = SIGNING.algorithm;
const SCOPE_TERMINATOR = SIGNING.scopeTerminator;
const DATE_HEADER = SIGNING.dateHeader.toLowerCase();
const TOKEN_HEADER = SIGNING.tokenHeader.toLowerCase();
const MAX_SKEW_MS = SIGNING.maxClockSkewSeconds * 1000;
// The spec's signed headers are the ones the Node SDK signs, and sign3 can reproduce no other
// list; Tencent's signing guide and other signers add more (e.g. x-tc-action), and every list
// must hold these.
const SDK_SIGNED_HEADERS = SIGNING.signedHeaders.join(';');
const REQUIRED_SIGNED_HEADERS = SIGNING.signedHeaders;

// Tencent's wording, as the spec's examples of these errors quote it. The token failure has no
// example in the spec (only its code), so its message is the mock's own.
const MESSAGES = {
  invalidAuthorization: scenarioMessage('tencent-scf', 'missing-authentication-token'),
  signatureFailure: scenarioMessage('tencent-scf', 'invalid-signature'),
  signatureExpire: scenarioMessage('tencent-scf', 'signature-expired'),
  tokenFailure: `The token is invalid or has expired: ${SIGNING.tokenHeader} must be the token of the credentials that signed the request.`,
  secretIdNotFound: scenarioMessage('tencent-scf', 'unrecognized-client'),
};

interface ParsedAuthorization {
  secretId: string;
  scopeDate: string;
  service: string;
  signedHeaders: string;
  signature: string;
}

function invalidAuthorization(detail?: string): SignatureRejection {
  return {
    example: 'missing-authentication-token',
    message: detail ? `${MESSAGES.invalidAuthorization} ${detail}` : MESSAGES.invalidAuthorization,
  };
}

function signatureFailure(): SignatureRejection {
  return { example: 'invalid-signature', message: MESSAGES.signatureFailure };
}

/** Splits `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=...`. */
export function parseTencentAuthorization(header: string): ParsedAuthorization | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith(ALGORITHM)) return undefined;
  const m = /^\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([^,\s]+)\s*$/.exec(trimmed.slice(ALGORITHM.length));
  if (!m) return undefined;
  const scope = m[1]!.split('/');
  if (scope.length < 4 || scope[scope.length - 1] !== SCOPE_TERMINATOR) return undefined;
  const secretId = scope.slice(0, -3).join('/');
  const [scopeDate, service] = scope.slice(-3) as [string, string];
  if (secretId === '' || service === '' || !/^\d{4}-\d{2}-\d{2}$/.test(scopeDate)) return undefined;
  return { secretId, scopeDate, service, signedHeaders: m[2]!, signature: m[3]! };
}

/** The UTC day of a Unix timestamp as `YYYY-MM-DD`, the date TC3 puts in its scope. */
function utcDay(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export async function verifyTencentSignature(request: ReceivedRequest, options: VerifyOptions = {}): Promise<SignatureRejection | null> {
  const authorization = request.headers[SIGNING.header.toLowerCase()];
  if (authorization === undefined || authorization.trim() === '') return invalidAuthorization();
  const parsed = parseTencentAuthorization(authorization);
  if (!parsed) return invalidAuthorization();

  const timestampText = request.headers[DATE_HEADER] ?? '';
  if (!/^\d{1,12}$/.test(timestampText)) {
    return invalidAuthorization(`${SIGNING.dateHeader} must be the Unix time in seconds.`);
  }
  const timestamp = Number(timestampText);
  const now = options.now ?? new Date();
  if (Math.abs(timestamp * 1000 - now.getTime()) > MAX_SKEW_MS) {
    return { example: 'signature-expired', message: MESSAGES.signatureExpire };
  }

  const credentials = tencentCredentialsFrom(options.credentials);
  if (!signaturesMatch(credentials.secretId, parsed.secretId)) {
    return { example: 'unrecognized-client', message: MESSAGES.secretIdNotFound };
  }
  // A token belongs to temporary credentials: it must be the configured one, or absent when none is.
  if ((request.headers[TOKEN_HEADER] ?? '') !== (credentials.token ?? '')) {
    return { example: 'invalid-signature', code: 'AuthFailure.TokenFailure', message: MESSAGES.tokenFailure };
  }
  const signedHeaders = parsed.signedHeaders.split(';');
  if (!REQUIRED_SIGNED_HEADERS.every((name) => signedHeaders.includes(name)) || parsed.scopeDate !== utcDay(timestamp)) {
    return signatureFailure();
  }
  if (signedHeaders.some((name) => !Object.hasOwn(request.headers, name))) return signatureFailure();

  const host = request.headers.host ?? '';
  const contentType = request.headers['content-type'] ?? '';
  if (!request.url.startsWith('/')) return signatureFailure();
  let url: URL;
  try {
    // Built as the SDK builds it: protocol + endpoint + path.
    url = new URL(`http://${host}${request.url}`);
  } catch {
    return signatureFailure();
  }

  const payload = bodyBytesOf(request);
  if (parsed.signedHeaders === SDK_SIGNED_HEADERS) {
    // What the official Node SDK sends: the host signed without its port (design.md section 2).
    const sdkAuthorization = officialTc3Signer().sign3({
      method: request.method.toUpperCase(),
      url: url.href,
      payload,
      timestamp,
      service: parsed.service,
      secretId: parsed.secretId,
      secretKey: credentials.secretKey,
      multipart: false,
      boundary: '',
      headers: { 'Content-Type': contentType },
    });
    const sdkSignature = /Signature=([0-9a-f]+)$/.exec(sdkAuthorization)?.[1] ?? '';
    if (signaturesMatch(sdkSignature, parsed.signature)) return null;
  }

  // What other signers send: any list with content-type and host, values lower-cased and trimmed
  // as Tencent's signing guide says, the host as it arrived (port included) or without its port.
  for (const signedHost of new Set([host, url.hostname])) {
    const signature = tc3Signature({
      method: request.method.toUpperCase(),
      path: url.pathname,
      query: url.search.slice(1),
      headers: signedHeaders.map((name) => [name, name === 'host' ? signedHost : request.headers[name]!]),
      payload,
      timestamp,
      service: parsed.service,
      secretKey: credentials.secretKey,
    });
    if (signaturesMatch(signature, parsed.signature)) return null;
  }
  return signatureFailure();
}

export interface Tc3Input {
  method: string;
  path: string;
  query: string;
  contentType: string;
  host: string;
  payload: Buffer;
  timestamp: number;
  service: string;
  secretKey: string;
}

/**
 * The TC3 signature for a canonical `host` line that sign3 cannot produce: sign3 always signs
 * the URL's hostname without the port. Same steps as sign3 (the test suite checks that both agree
 * for a port-less host); only the host line is taken as given.
 */
export function tc3SignatureForHost(input: Tc3Input): string {
  const { contentType, host, ...rest } = input;
  return tc3Signature({
    ...rest,
    headers: [
      ['content-type', contentType],
      ['host', host],
    ],
  });
}

export interface Tc3SigningInput {
  method: string;
  path: string;
  query: string;
  /** The signed headers in the order SignedHeaders lists them, names in lower case. */
  headers: [string, string][];
  payload: Buffer;
  timestamp: number;
  service: string;
  secretKey: string;
}

/** TC3-HMAC-SHA256 over any list of signed headers, by the steps of Tencent's signing guide. */
export function tc3Signature(input: Tc3SigningInput): string {
  const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const canonicalRequest = [
    input.method,
    input.path,
    input.query,
    input.headers.map(([name, value]) => `${name}:${value.trim().toLowerCase()}\n`).join(''),
    input.headers.map(([name]) => name).join(';'),
    hash(input.payload),
  ].join('\n');
  const date = utcDay(input.timestamp);
  const stringToSign = [ALGORITHM, String(input.timestamp), `${date}/${input.service}/${SCOPE_TERMINATOR}`, hash(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), SCOPE_TERMINATOR);
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}
