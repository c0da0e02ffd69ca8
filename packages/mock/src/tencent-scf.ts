// Makes the mock answer as Tencent Cloud API 3.0 does: always HTTP 200 and the
// {"Response": {...}} envelope with a RequestId, errors included, with the codes and messages
// of the spec's examples and a Message that names the field.
import { randomUUID } from 'node:crypto';
import type { ApiModel, OperationModel, ValueRule } from '@layerspec/specs/model';
import { type Answer, type ReceivedRequest, type Violation, clone, jsonHeaders, replaceQuoted } from './answer.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';
import { pathOf } from './request-route.js';
import { type JsonScan, MAX_JSON_DEPTH, scanJson } from './json-bounds.js';
import { checkIntegerText, isIntegerRule, prismValue, PRISM_STAND_IN } from './integers.js';
import { messagePath, operationsOf, placeAt, setAt, valueAt } from './model.js';
import { type LoadedSpec, findScenario } from './spec.js';

/** The header the model tags with a concept (x-layerspec-concept), in lower case: the same in every action. */
function headerOf(model: ApiModel, concept: string): string {
  const input = operationsOf(model)
    .flatMap((operation) => operation.inputs)
    .find((candidate) => candidate.in === 'header' && candidate.concept === concept);
  if (!input) throw new Error(`the ${model.api} spec has no header with the concept ${concept}`);
  return input.name.toLowerCase();
}

/**
 * Bounds of a body the mock reads: far above what a layer action's few parameters need, far
 * below what makes a body cost the mock more than its sender. A body past them is refused
 * before it is parsed.
 */
export const MAX_BODY_PARAMETERS = 64;

/** The spec example Tencent answers a request without an Authorization header with. */
const MISSING_AUTHORIZATION_SCENARIO = 'missing-authentication-token';
/** The spec examples the mock answers with on its own, each in its code and message form. */
const OWN_SCENARIOS = [
  MISSING_AUTHORIZATION_SCENARIO,
  'invalid-parameter',
  'invalid-parameter-value',
  'missing-parameter',
  'unknown-parameter',
  'invalid-action',
  'no-such-version',
  'internal-error',
];

export function createTencentScfAdapter(spec: LoadedSpec, options: AdapterOptions = {}): ProviderAdapter {
  const { model } = spec;
  const operations = operationsOf(model);
  if (!model.rpc) throw new Error(`the ${model.api} spec names no action header (x-layerspec-rpc)`);
  // Every action travels as the same method to the same path in the same media type.
  const { method, path: route, requestMediaType } = operations[0]!;
  const algorithm = model.signing.algorithm;
  const actionHeader = model.rpc.actionHeader.toLowerCase();
  const versionHeader = headerOf(model, 'api-version');
  const headerParametersOf = (operation: OperationModel | undefined) => (operation?.inputs ?? []).filter((input) => input.in === 'header');
  const bodyParametersOf = (operation: OperationModel | undefined) => (operation?.inputs ?? []).filter((input) => input.in === 'body');
  // Looked up once, so a spec without one of them fails at startup.
  for (const name of OWN_SCENARIOS) findScenario(spec, name);
  const codes = new Set(model.errors.entries.map((entry) => entry.code));
  // Where an answer carries an error's code and message and every answer its RequestId (all in the envelope).
  const [codePath, messageBodyPath, requestIdPath] = (
    [
      ['code', model.errors.codeAt],
      ['message', model.errors.entries[0]?.messageAt],
      ['request ID', model.errors.requestIdAt],
    ] as const
  ).map(([what, at]) => {
    if (at?.in !== 'body') throw new Error(`the ${model.api} spec must carry its errors' ${what} in the body`);
    return at.path;
  }) as [readonly string[], readonly string[], readonly string[]];

  /** A new RequestId per answer, as Tencent gives, unless the example's fixed one was asked for. */
  function stampRequestId(body: unknown, fromExample: boolean): void {
    if (!(options.fixedRequestIds && fromExample)) setAt(body, requestIdPath, randomUUID());
  }

  function renderScenario(name: string, operation?: OperationModel, message?: string): Answer {
    const scenario = findScenario(spec, name, operation);
    const body = clone(scenario.value);
    const path = messagePath(model, scenario.errorCode);
    if (message !== undefined && path) setAt(body, path, message);
    stampRequestId(body, true);
    // API 3.0 answers every request with HTTP 200, whatever the example's response says.
    return { status: 200, headers: jsonHeaders(), body };
  }

  /** The message of a named example, where the model says it sits. */
  function exampleMessage(name: string): string {
    const scenario = findScenario(spec, name);
    return String(valueAt(scenario.value, messagePath(model, scenario.errorCode) ?? []) ?? scenario.errorCode);
  }

  /** The answer of a named error example with a message of its own. */
  function answer(name: string, message: string): Answer {
    return renderScenario(name, undefined, message);
  }

  /** An error answer for a code the spec documents: its example when it has one, else made up in its shape. */
  function error(code: string, message: string): Answer {
    // Every code the mock makes up must be one the spec documents, so the spec stays the truth.
    if (!codes.has(code)) throw new Error(`the ${model.api} spec documents no error code ${code}`);
    const scenario = operations.flatMap((operation) => operation.scenarios).find((candidate) => candidate.errorCode === code);
    if (scenario) return renderScenario(scenario.name, undefined, message);
    const body = placeAt(codePath, code);
    placeAt(messageBodyPath, message, body);
    placeAt(requestIdPath, randomUUID(), body);
    return { status: 200, headers: jsonHeaders(), body };
  }

  /** The answer to a body past MAX_BODY_PARAMETERS or MAX_JSON_DEPTH, from one scan, unparsed. */
  function refuseUnboundedBody(scan: JsonScan, operation: OperationModel): Answer | undefined {
    if (scan.tooDeep) return answer('invalid-parameter', `The request body is nested deeper than ${MAX_JSON_DEPTH} levels; it was not read.`);
    if (!scan.tooManyMembers) return undefined;
    const bound = `The request body holds more than ${MAX_BODY_PARAMETERS} parameters, so it was not read further.`;
    const bodyParameters = bodyParametersOf(operation);
    const unknown = scan.topLevelKeys.find((key) => !bodyParameters.some((parameter) => parameter.name === key));
    if (unknown !== undefined) return answer('unknown-parameter', `${replaceQuoted(exampleMessage('unknown-parameter'), unknown)} ${bound}`);
    return answer('invalid-parameter', bound);
  }

  /**
   * Checks the body's integer parameters exactly, on their JSON text (JSON.parse rounds an int64
   * above 2^53 and reads `1.0` as 1), and gives Prism a number it can hold for each.
   */
  function readIntegers(operation: OperationModel, body: Record<string, unknown>, numberTexts: Map<string, string>): { body: unknown; violations: Violation[] } {
    const violations: Violation[] = [];
    const bodyParameters = bodyParametersOf(operation);
    const entries = Object.entries(body).map(([field, value]): [string, unknown] => {
      const parameter = bodyParameters.find((candidate) => candidate.name === field);
      const text = numberTexts.get(field);
      if (typeof value !== 'number' || text === undefined || !isIntegerRule(parameter)) return [field, value];
      const violation = checkIntegerText(text, parameter, ['body', field]);
      if (violation) violations.push(violation);
      return [field, violation ? PRISM_STAND_IN : prismValue(text)];
    });
    // fromEntries defines own properties, so a `__proto__` key stays a key (an unknown parameter).
    return { body: Object.fromEntries(entries), violations };
  }

  /** The integer headers (X-TC-Timestamp) checked exactly too, with stand-ins Prism can hold. */
  function readIntegerHeaders(operation: OperationModel, received: Record<string, string>): { headers: Record<string, string>; violations: Violation[] } {
    const headers = { ...received };
    const violations: Violation[] = [];
    for (const parameter of headerParametersOf(operation)) {
      const name = parameter.name.toLowerCase();
      const text = headers[name];
      if (text === undefined || !isIntegerRule(parameter)) continue;
      const violation = checkIntegerText(text, parameter, ['header', name]);
      if (violation) violations.push(violation);
      headers[name] = String(violation ? PRISM_STAND_IN : prismValue(text));
    }
    return { headers, violations };
  }

  /** A header's name as the spec spells it (the headers are the same in every action). */
  function headerName(lowerCase: string): string {
    const headers = operations.flatMap((operation) => headerParametersOf(operation));
    return headers.find((parameter) => parameter.name.toLowerCase() === lowerCase)?.name ?? lowerCase;
  }

  /** The rules the operation gives a body field or a header. */
  function fieldSchema(operation: OperationModel | undefined, field: string): Partial<ValueRule> {
    const header = headerParametersOf(operation).find((parameter) => parameter.name.toLowerCase() === field.toLowerCase());
    return header ?? bodyParametersOf(operation).find((parameter) => parameter.name === field) ?? {};
  }

  function schemaType(operation: OperationModel | undefined, field: string): string {
    const type = String(fieldSchema(operation, field).type ?? 'string');
    return type.charAt(0).toUpperCase() + type.slice(1);
  }

  /** The answer for the violation Tencent would report first: action, version, headers, body. */
  function answerFor(operation: OperationModel | undefined, violation: Violation, request: ReceivedRequest): Answer {
    const [where, field] = violation.location;
    const named = /'([^']+)'/.exec(violation.message)?.[1];
    if (where === 'header') {
      const header = headerName(field ?? named?.toLowerCase() ?? '');
      if (violation.code === 'required') return answer('missing-parameter', replaceQuoted(exampleMessage('missing-parameter'), header));
      if (header.toLowerCase() === actionHeader) {
        return answer('invalid-action', replaceQuoted(exampleMessage('invalid-action'), request.headers[actionHeader] ?? ''));
      }
      if (header.toLowerCase() === versionHeader) {
        return answer('no-such-version', replaceQuoted(exampleMessage('no-such-version'), request.headers[versionHeader] ?? ''));
      }
      return invalidValue(operation, violation.code, header, violation.message);
    }
    if (where === 'body' && field) return invalidValue(operation, violation.code, field, violation.message);
    if (violation.code === 'required' && named) return answer('missing-parameter', replaceQuoted(exampleMessage('missing-parameter'), named));
    if (violation.code === 'additionalProperties' && named) {
      return answer('unknown-parameter', replaceQuoted(exampleMessage('unknown-parameter'), named));
    }
    return answer('invalid-parameter', `The request body is not valid: ${violation.message.replace(/^Request body /, '')}.`);
  }

  function invalidValue(operation: OperationModel | undefined, code: string, field: string, prismMessage: string): Answer {
    if (code === 'type') return answer('invalid-parameter', `The type of parameter \`${field}\` must be ${schemaType(operation, field)}.`);
    // The spec's example words a broken rule as `...`LayerName` does not match the rule; it must ...`:
    // its own field's pattern is told in its words, any other rule in the same form.
    const example = exampleMessage('invalid-parameter-value');
    const separator = example.indexOf('; ');
    if (code === 'pattern' && /`([^`]*)`/.exec(example)?.[1] === field) return answer('invalid-parameter-value', example);
    const lead = separator === -1 ? 'The value of parameter `X` does not match the rule; ' : example.slice(0, separator + 2);
    return answer('invalid-parameter-value', `${replaceQuoted(lead, field)}${ruleText(code, fieldSchema(operation, field), prismMessage)}.`);
  }

  function unknownRoute(request: ReceivedRequest): Answer {
    // Not in the spec: API 3.0 takes every action as `POST /` (or GET with a query, which the
    // spec does not describe), so any other method or path is a protocol error.
    return error(
      'UnsupportedProtocol',
      `The request \`${request.method} ${pathOf(request)}\` is not supported; send API 3.0 requests as \`${method} ${route}\` with a JSON body.`,
    );
  }

  function invalidRequest(operation: OperationModel, violations: Violation[], request: ReceivedRequest): Answer {
    const order = (violation: Violation): number => {
      const [where, field = ''] = violation.location;
      if (where === 'header' && (field === actionHeader || violation.message.includes(`'${actionHeader}'`))) return 0;
      if (where === 'header' && (field === versionHeader || violation.message.includes(`'${versionHeader}'`))) return 1;
      if (where === 'header') return 2;
      if (violation.code === 'required') return 3;
      if (violation.code === 'additionalProperties') return 4;
      return 5;
    };
    const first = [...violations].sort((a, b) => order(a) - order(b))[0];
    return first ? answerFor(operation, first, request) : answer('invalid-parameter', 'The request is not valid.');
  }

  return {
    spec,
    operationOf(request) {
      if (request.method !== method || pathOf(request) !== route) return undefined;
      const action = request.headers[actionHeader];
      return operations.find((operation) => operation.action?.name === action);
    },
    readRequest(request) {
      if (request.method !== method || pathOf(request) !== route) return { answer: unknownRoute(request) };
      // The action picks the operation before its parameters are read, as Tencent's gateway does.
      const action = request.headers[actionHeader];
      if (action === undefined) return { answer: answer('missing-parameter', replaceQuoted(exampleMessage('missing-parameter'), headerName(actionHeader))) };
      const operation = this.operationOf(request);
      if (!operation) return { answer: answer('invalid-action', replaceQuoted(exampleMessage('invalid-action'), action)) };
      // API 3.0 with a TC3 signature takes a JSON body, the spec's request media type.
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType !== requestMediaType) {
        const given = request.headers['content-type'] ? `\`${request.headers['content-type']}\`` : 'missing';
        return { answer: answer('invalid-parameter', `The header \`Content-Type\` is ${given}; a ${algorithm} request must send \`${requestMediaType}\`.`) };
      }
      // An empty body is not JSON either: Tencent refuses a parameterless call sent without `{}`
      // ("for content-type=application/json, the request body is not valid JSON",
      // TencentCloud/tencentcloud-sdk-nodejs#104).
      const scan = scanJson(request.body, { members: MAX_BODY_PARAMETERS, depth: MAX_JSON_DEPTH });
      const refused = refuseUnboundedBody(scan, operation);
      if (refused) return { answer: refused };
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch (cause) {
        const detail = request.body.trim() === '' ? 'the body is empty' : (cause as Error).message;
        return { answer: answer('invalid-parameter', `For Content-Type \`${requestMediaType}\`, the request body is not valid JSON: ${detail}.`) };
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return { answer: answer('invalid-parameter', "The request body must be a JSON object of the action's parameters.") };
      }
      const integers = readIntegers(operation, body as Record<string, unknown>, scan.topLevelNumbers);
      const headers = readIntegerHeaders(operation, request.headers);
      // Prism tells the actions apart by their pseudo-paths (`/#<Action>`), compared as literal text.
      return { operation, body: integers.body, violations: [...headers.violations, ...integers.violations], headers: headers.headers, path: operation.specPath };
    },
    renderResult(_operation, answer, scenarioName) {
      stampRequestId(answer.body, scenarioName !== undefined);
      // API 3.0 answers every request with HTTP 200.
      return { status: 200, headers: jsonHeaders(), body: answer.body };
    },
    renderError(failure) {
      switch (failure.kind) {
        case 'scenario':
          return renderScenario(failure.name, failure.operation, failure.message);
        case 'unauthenticated':
          return renderScenario(MISSING_AUTHORIZATION_SCENARIO);
        case 'signature': {
          const { rejection } = failure;
          // A code the spec documents without an example (AuthFailure.TokenFailure) is made up in its words.
          if (rejection.code && rejection.message !== undefined) return error(rejection.code, rejection.message);
          return renderScenario(rejection.example, undefined, rejection.message);
        }
        case 'unknown-route':
          return unknownRoute(failure.request);
        case 'invalid-request':
          return invalidRequest(failure.operation, failure.violations, failure.request);
        case 'bad-request':
          return answer('invalid-parameter', failure.message);
        case 'body-too-large':
          return error('RequestSizeLimitExceeded', `The request body is larger than ${failure.limitBytes} bytes, the limit of a request signed with ${algorithm}.`);
        case 'internal':
          return renderScenario('internal-error');
      }
    },
  };
}

/** The rule a value broke, told from the rules the model gives the field. */
function ruleText(code: string, schema: Partial<ValueRule>, prismMessage: string): string {
  switch (code) {
    case 'pattern':
      return `it must match the pattern \`${schema.pattern}\``;
    case 'minLength':
      return `it must be at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'} long`;
    case 'maxLength':
      return `it must be at most ${schema.maxLength} characters long`;
    case 'minimum':
      if (schema.minimum === undefined) break;
      return `it must be greater than or equal to ${schema.minimum}`;
    case 'maximum':
      if (schema.maximum === undefined) break;
      return `it must be less than or equal to ${schema.maximum}`;
    case 'enum':
      return `it must be one of ${(schema.enum ?? []).map((value) => `\`${value}\``).join(', ')}`;
    default:
  }
  // A rule the schema does not state (int64's range) or that is not listed above: the validator's words.
  const at = prismMessage.indexOf('must ');
  return at === -1 ? `it breaks the rule: ${prismMessage}` : `it ${prismMessage.slice(at)}`;
}
