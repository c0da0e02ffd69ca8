// Facts that the model needs and that the specs do not state yet, in one place. Everything here
// moves into the spec as the `x-layerspec-*` extension named beside it; the generator reads the
// extension first and falls back to this file only while the spec lacks it. Rules (error kind,
// retryability, digest encoding, date shape) are derived from what the spec does say.

/** Per API: the values the spec will carry under the extension named on each. */
export const interimFacts = {
  'aws-lambda': {
    // info.x-layerspec-provider.label, .protocolId
    label: 'AWS',
    protocolId: 'rest-json',
    // components.securitySchemes.sigv4.x-layerspec-signing
    signing: {
      algorithm: 'AWS4-HMAC-SHA256',
      service: 'lambda',
      signedHeaders: ['host', 'x-amz-date'],
      dateHeader: 'X-Amz-Date',
      tokenHeader: 'X-Amz-Security-Token',
      maxClockSkewSeconds: 300,
      scopeTerminator: 'aws4_request',
      hostIncludesPort: true,
      pathEncodedTwice: true,
    },
    // x-layerspec-mock.port (document root)
    mockPort: 4010,
    // servers[0].variables.region.x-layerspec-pattern
    serverVariablePatterns: { region: '^[a-z]{2}(?:-[a-z0-9]+)+-\\d+$' },
    // x-layerspec-concept on the parameters
    inputConcepts: {},
    // x-layerspec-date on the date field: `utcOffset` (the shape is derived from its pattern)
    utcOffsets: { 'created-at': '+00:00' },
    // x-layerspec-concept on these members and headers of the error answers
    errorDetailConcepts: { Type: 'error-origin', Reason: 'throttle-reason', retryAfterSeconds: 'retry-after', 'Retry-After': 'retry-after' },
  },
  'tencent-scf': {
    label: 'Tencent',
    protocolId: 'tencent-api3',
    signing: {
      algorithm: 'TC3-HMAC-SHA256',
      service: 'scf',
      signedHeaders: ['content-type', 'host'],
      dateHeader: 'X-TC-Timestamp',
      tokenHeader: 'X-TC-Token',
      maxClockSkewSeconds: 300,
      scopeTerminator: 'tc3_request',
      hostIncludesPort: false,
      pathEncodedTwice: false,
    },
    mockPort: 4011,
    serverVariablePatterns: {},
    inputConcepts: {
      'X-TC-Action': 'action',
      'X-TC-Version': 'api-version',
      'X-TC-Timestamp': 'timestamp',
      'X-TC-Region': 'region',
      'X-TC-Token': 'security-token',
      'X-TC-Language': 'language',
    },
    utcOffsets: { 'created-at': '+08:00' },
    errorDetailConcepts: {},
  },
};

// x-layerspec-errors: { <code>: { kind, retryable } } beside the enum or const that lists the codes.
const KIND_BY_CONCEPT = {
  'not-found': 'not-found',
  throttled: 'throttled',
  'invalid-parameter': 'invalid-input',
  'authentication-failed': 'auth',
  unauthorized: 'auth',
  'internal-error': 'service',
};

// Tencent API 3.0 codes by their first dotted part, for codes the spec gives no concept.
const KIND_BY_CODE_FAMILY = {
  AuthFailure: 'auth',
  UnauthorizedOperation: 'auth',
  IpInBlacklist: 'auth',
  IpNotInWhitelist: 'auth',
  RequestLimitExceeded: 'throttled',
  ResourceNotFound: 'not-found',
  InternalError: 'service',
  ServiceUnavailable: 'service',
  ResourceUnavailable: 'service',
  ResourceInsufficient: 'service',
  FailedOperation: 'service',
  ActionOffline: 'service',
  ResponseSizeLimitExceeded: 'service',
};

function kindFromStatus(status) {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'service';
  if (status >= 400) return 'invalid-input';
  return undefined;
}

/** The neutral kind of an error: its status when it has a telling one, else its concept, else its code family. */
export function errorKind({ code, status, concept }) {
  return kindFromStatus(status) ?? KIND_BY_CONCEPT[concept] ?? KIND_BY_CODE_FAMILY[code.split('.')[0]] ?? 'invalid-input';
}

/**
 * Worth another try: throttling, a 5xx, and Tencent's InternalError family (its HTTP status is
 * always 200). Other service errors (an offline action, a failed operation) fail again.
 */
export function isRetryable({ code, status, kind }) {
  return kind === 'throttled' || status >= 500 || (kind === 'service' && code.split('.')[0] === 'InternalError');
}

// x-layerspec-encoding on the digest field. Derived: which written form of a known digest the
// field's pattern accepts.
const EMPTY_SHA256 = { hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', base64: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' };

export function digestEncoding(pattern) {
  if (!pattern) return undefined;
  const accepts = (text) => new RegExp(pattern, 'u').test(text);
  if (accepts(EMPTY_SHA256.base64) && !accepts(EMPTY_SHA256.hex)) return { digest: 'sha256', as: 'base64' };
  if (accepts(EMPTY_SHA256.hex) && !accepts(EMPTY_SHA256.base64)) return { digest: 'sha256', as: 'hex' };
  return undefined;
}

// x-layerspec-date.shape on a date field. Derived: the one candidate shape whose rendering of a
// fixed instant the field's pattern accepts.
const DATE_SHAPES = ['YYYY-MM-DDThh:mm:ss.sss+0000', 'YYYY-MM-DDThh:mm:ssZ', 'YYYY-MM-DDThh:mm:ss.sssZ', 'YYYY-MM-DD hh:mm:ss'];

function render(shape) {
  const parts = { YYYY: '2024', MM: '02', DD: '29', hh: '23', mm: '59', ss: '58', sss: '123' };
  return shape.replace(/YYYY|MM|DD|hh|mm|sss|ss/g, (token) => parts[token]);
}

export function dateShape(pattern) {
  if (!pattern) return undefined;
  const matching = DATE_SHAPES.filter((shape) => new RegExp(pattern, 'u').test(render(shape)));
  return matching.length === 1 ? matching[0] : undefined;
}
