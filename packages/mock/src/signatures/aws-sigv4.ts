// Verifies an AWS Signature Version 4 by signing the received request again with the official
// signer (@smithy/signature-v4, as the AWS SDK for JavaScript uses it) and comparing.
import { Sha256 } from '@aws-crypto/sha256-js';
import { getCanonicalHeaders, getPayloadHash, prepareRequest, SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import { loadModel, scenarioMessage } from '../model.js';
import { signaturesMatch } from './compare.js';
import { awsCredentialsFrom } from './credentials.js';
import { bodyBytesOf, type ReceivedRequest, type SignatureRejection, type VerifyOptions } from './types.js';

const SIGNING = loadModel('aws-lambda').signing;
const SIGNING_SERVICE = SIGNING.service;
const ALGORITHM = SIGNING.algorithm;
const DATE_HEADER = SIGNING.dateHeader.toLowerCase();
const TOKEN_HEADER = SIGNING.tokenHeader.toLowerCase();
const MAX_SKEW_MS = SIGNING.maxClockSkewSeconds * 1000;

// AWS's own wording, as the spec's examples of these errors quote it.
const MISMATCH_MESSAGE = scenarioMessage('aws-lambda', 'invalid-signature');
const MISSING_TOKEN_MESSAGE = scenarioMessage('aws-lambda', 'missing-authentication-token');
const UNKNOWN_KEY_MESSAGE = scenarioMessage('aws-lambda', 'unrecognized-client');

interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function invalid(message: string): SignatureRejection {
  return { example: 'invalid-signature', message };
}

/** Splits `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`, or says what is missing. */
export function parseAwsAuthorization(header: string): ParsedAuthorization | SignatureRejection {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) {
    return invalid(`Authorization header requires the ${ALGORITHM} algorithm.`);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.get(name)) {
      return invalid(`Authorization header requires '${name}' parameter. Authorization=${trimmed.slice(0, 200)}`);
    }
  }
  const credential = fields.get('Credential')!.split('/');
  if (credential.length !== 5 || credential[4] !== SIGNING.scopeTerminator || credential.some((p) => p === '')) {
    return invalid("Credential should be scoped to a valid region, like 'us-east-1'.");
  }
  const [accessKeyId, scopeDate, region, service] = credential as [string, string, string, string];
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
  };
}

/** Reads `20240102T030405Z`, the only form x-amz-date takes. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== d ? undefined : date;
}

function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** The query as the signer wants it: decoded names and values, repeated names as arrays. */
function parseQuery(search: string): QueryParameterBag | undefined {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    } catch {
      return undefined;
    }
    const previous = query[name];
    if (previous === undefined) query[name] = value;
    else query[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

export async function verifyAwsSignature(request: ReceivedRequest, options: VerifyOptions = {}): Promise<SignatureRejection | null> {
  const authorization = request.headers[SIGNING.header.toLowerCase()];
  if (authorization === undefined || authorization.trim() === '') {
    return { example: 'missing-authentication-token', message: MISSING_TOKEN_MESSAGE };
  }
  const parsed = parseAwsAuthorization(authorization);
  if ('example' in parsed) return parsed;

  const credentials = awsCredentialsFrom(options.credentials);
  if (!signaturesMatch(credentials.accessKeyId, parsed.accessKeyId)) {
    return { example: 'unrecognized-client', message: UNKNOWN_KEY_MESSAGE };
  }
  // A session token belongs to temporary credentials: the configured one, or none when none is.
  if (!signaturesMatch(credentials.sessionToken ?? '', request.headers[TOKEN_HEADER] ?? '')) {
    return { example: 'unrecognized-client', message: UNKNOWN_KEY_MESSAGE };
  }
  if (parsed.service !== SIGNING_SERVICE) {
    return invalid(`Credential should be scoped to correct service: '${SIGNING_SERVICE}'. `);
  }

  const signedAt = parseAmzDate(request.headers[DATE_HEADER]);
  if (!signedAt) {
    return invalid(`Authorization header requires existence of either a '${SIGNING.dateHeader}' or a 'Date' header.`);
  }
  const now = options.now ?? new Date();
  const skew = signedAt.getTime() - now.getTime();
  if (Math.abs(skew) > MAX_SKEW_MS) {
    const message =
      skew < 0
        ? `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(new Date(now.getTime() - MAX_SKEW_MS))} (${formatAmzDate(now)} - ${MAX_SKEW_MS / 60_000} min.)`
        : `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ${formatAmzDate(new Date(now.getTime() + MAX_SKEW_MS))} (${formatAmzDate(now)} + ${MAX_SKEW_MS / 60_000} min.)`;
    return { example: 'signature-expired', message };
  }

  // SigV4 requires host and, when it is sent, x-amz-date among the signed headers.
  for (const required of SIGNING.signedHeaders) {
    if (!parsed.signedHeaders.includes(required)) {
      return invalid(`'${required}' must be a 'SignedHeader' in the AWS Authorization.`);
    }
  }
  const headers: Record<string, string> = Object.create(null);
  for (const name of parsed.signedHeaders) {
    const value = Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
    if (name === '' || name !== name.toLowerCase() || value === undefined) {
      return invalid(`The request names '${name.slice(0, 100)}' as a signed header but does not carry it.`);
    }
    headers[name] = value;
  }

  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const query = parseQuery(queryStart < 0 ? '' : request.url.slice(queryStart + 1));
  if (!query) return invalid('The query string is not correctly percent-encoded.');

  const toSign: HttpRequest = {
    method: request.method.toUpperCase(),
    protocol: 'http:',
    hostname: headers.host ?? '',
    path,
    query,
    headers,
    body: bodyBytesOf(request),
  };

  // A signed payload hash must be the hash of the body that arrived; the signer trusts the header.
  const statedHash = headers['x-amz-content-sha256'];
  if (statedHash !== undefined) {
    const actualHash = await getPayloadHash({ ...toSign, headers: {} }, Sha256);
    if (!signaturesMatch(actualHash, statedHash)) {
      return invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }

  const signer = new SignatureV4({
    service: parsed.service,
    region: parsed.region,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    sha256: Sha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  const signableHeaders = new Set(parsed.signedHeaders);
  const signed = await signer.sign(toSign, { signingDate: signedAt, signableHeaders });
  const expected = /Signature=([0-9a-f]+)$/.exec(signed.headers.authorization ?? '')?.[1] ?? '';
  const scopeMatches = parsed.scopeDate === formatAmzDate(signedAt).slice(0, 8);
  if (scopeMatches && signaturesMatch(expected, parsed.signature)) return null;

  return invalid(await describeMismatch(signer, toSign, signableHeaders, signedAt, parsed));
}

/**
 * AWS's message for a mismatch shows the canonical request and the string to sign it expected.
 * Both come from the signer itself; neither holds the secret.
 */
async function describeMismatch(signer: SignatureV4, toSign: HttpRequest, signableHeaders: Set<string>, signedAt: Date, parsed: ParsedAuthorization): Promise<string> {
  // createCanonicalRequest and createStringToSign are protected in the typings but are the
  // signer's own steps; reusing them keeps this message in step with the signature.
  const steps = signer as unknown as {
    createCanonicalRequest(request: HttpRequest, headers: Record<string, string>, payloadHash: string): string;
    createStringToSign(longDate: string, scope: string, canonicalRequest: string, algorithm: string): Promise<string>;
  };
  const longDate = formatAmzDate(signedAt);
  const prepared = prepareRequest(toSign);
  prepared.headers[DATE_HEADER] = longDate;
  const canonicalHeaders = getCanonicalHeaders(prepared, undefined, signableHeaders);
  const canonicalRequest = steps.createCanonicalRequest(prepared, canonicalHeaders, await getPayloadHash(prepared, Sha256));
  const scope = `${longDate.slice(0, 8)}/${parsed.region}/${parsed.service}/${SIGNING.scopeTerminator}`;
  const stringToSign = await steps.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM);
  // A session token is a credential: the message names it without repeating it.
  const shown = canonicalRequest.replace(new RegExp(`^${TOKEN_HEADER}:.*$`, 'm'), `${TOKEN_HEADER}:<redacted>`);
  return `${MISMATCH_MESSAGE}\n\nThe Canonical String for this request should have been\n'${shown}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;
}
