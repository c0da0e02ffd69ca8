// The validate stage: Prism checks the request against the spec and picks the spec's answer for
// it (one call does both); a request that breaks the spec gets the provider's own refusal.
import type { Violation } from '../answer.js';
import { valueAt } from '../model.js';
import type { LoadedSpec } from '../spec.js';
import type { Exchange, MockParts, PrismResult } from './exchange.js';

const DEFAULT_SEED = 'layerspec';

export async function validate(parts: MockParts, exchange: Exchange): Promise<void> {
  const { options, spec, adapter, state, prism, operations } = parts;
  const { request } = exchange;
  const prepared = exchange.prepared!;
  const choice = exchange.choice!;
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const callPrism = (seed: string) =>
    prism.request(
      {
        method: request.method.toLowerCase() as 'get',
        // The path as the adapter prepared it: integers Prism cannot hold replaced by stand-ins.
        url: { path: prepared.path, query: queryObject(query) },
        headers: headersForPrism(prepared.headers ?? request.headers, prepared.body),
        body: prepared.body,
      },
      operations,
      prismConfig({ dynamic: choice.dynamic, code: choice.code, exampleKey: choice.scenario, seed }),
    )();
  const seed = options.seed ?? DEFAULT_SEED;
  let result = await callPrism(seed);
  // Tencent's envelope is a oneOf of the result and an error. Dynamic data stands for the
  // result, so a seed whose data falls on the error branch is followed by the next seed in a
  // fixed sequence: still the same answer for the same seed, every time.
  for (let attempt = 1; choice.dynamic && attempt < 50 && isEnvelopeError(spec, result); attempt++) {
    result = await callPrism(`${seed}#${attempt}`);
  }
  exchange.prism = result;
  const { operation } = prepared;
  /** A request that breaks the operation's rules: the provider's answer, in its fixture-mode form where it has one. */
  const refuse = (violations: Violation[]) => adapter.renderError({ kind: 'invalid-request', operation, violations, request, fixtures: state.served() !== undefined });
  if (result._tag === 'Left') {
    const error = result.left as Error & { status?: number; additional?: { validation?: Violation[] } };
    const violations = [...prepared.violations, ...(error.additional?.validation ?? [])];
    if (/NO_(PATH|METHOD)_MATCHED|NO_SERVER_MATCHED/.test(error.name)) exchange.answer = adapter.renderError({ kind: 'unknown-route', request });
    else if (violations.length) exchange.answer = refuse(violations);
    else if (error.status === 415) {
      exchange.answer = refuse([{ location: ['header', 'content-type'], code: 'contentType', message: error.message }]);
    } else {
      const message = `The mock could not pick an answer: ${(error as { detail?: string }).detail ?? error.message}`;
      exchange.answer = adapter.renderError({ kind: 'bad-request', message });
    }
    return;
  }
  const violations = [
    ...prepared.violations,
    ...result.right.validations.input
      .filter((diagnostic) => diagnostic.severity === 0)
      .map((diagnostic) => ({ location: diagnostic.path ?? [], code: String(diagnostic.code ?? ''), message: diagnostic.message })),
  ];
  if (violations.length > 0) exchange.answer = refuse(violations);
}

/** Prism's settings for one request: validate it, never check security (the adapter does), mock as chosen. */
export function prismConfig(mock: { dynamic: boolean; code?: number | undefined; exampleKey?: string | undefined; seed?: string }) {
  const cleaned = Object.fromEntries(Object.entries(mock).filter(([, value]) => value !== undefined));
  return {
    // The adapter answers a missing Authorization header itself, in the provider's words.
    checkSecurity: false,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    isProxy: false as const,
    upstreamProxy: undefined,
    mock: cleaned as { dynamic: boolean },
  };
}

/**
 * The headers Prism sees. The adapter has already read the body, so Prism gets a plain
 * `application/json` for it, or no content type when there is no body: a malformed
 * Content-Type (e.g. `/`) on a GET would otherwise make Prism's own parser throw. `Accept` is
 * left out because both providers answer JSON whatever a client accepts, where Prism would
 * refuse to answer `Accept: text/html`.
 */
function headersForPrism(headers: Record<string, string>, body: unknown): Record<string, string> {
  const { 'content-type': _contentType, 'content-length': _contentLength, accept: _accept, ...rest } = headers;
  return body === undefined ? rest : { ...rest, 'content-type': 'application/json' };
}

/** Whether Prism's answer holds the member the model says an error's code sits in (Tencent's `Response.Error`). */
function isEnvelopeError(spec: LoadedSpec, result: PrismResult): boolean {
  const { codeAt } = spec.model.errors;
  if (result._tag !== 'Right' || codeAt.in !== 'body') return false;
  return valueAt(result.right.output.body, codeAt.path.slice(0, -1)) !== undefined;
}

function queryObject(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    // A parameter named `__proto__` is a parameter like any other: an own member, never the prototype.
    const existing = Object.hasOwn(result, key) ? result[key] : undefined;
    const merged = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    Object.defineProperty(result, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return result;
}
