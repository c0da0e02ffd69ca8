// Makes the mock answer as Tencent Cloud API 3.0 does: always HTTP 200 and the
// {"Response": {...}} envelope with a RequestId, errors included, with the codes and messages
// of the spec's examples and a Message that names the field.
import { randomUUID } from 'node:crypto';
import { type AdapterOptions, type Answer, type ProviderAdapter, type ReceivedRequest, type RenderOptions, type Violation, clone, jsonHeaders, replaceQuoted } from './answer.js';
import { pathOf } from './aws-lambda.js';
import { type JsonScan, scanJson } from './json-bounds.js';
import { checkIntegerText, isIntegerSchema, prismValue, PRISM_STAND_IN } from './integers.js';
import { loadModel } from './model.js';
import { type LoadedSpec, type SpecNode, deref, findScenario, listOperations } from './spec.js';

/** The header the spec tags with a concept (x-layerspec-concept), in lower case. */
function headerOf(concept: string): string {
  const input = loadModel('tencent-scf').inputs.find((candidate) => candidate.in === 'header' && candidate.concept === concept);
  if (!input) throw new Error(`the tencent-scf spec has no header with the concept ${concept}`);
  return input.name.toLowerCase();
}
const ACTION_HEADER = headerOf('action');
const VERSION_HEADER = headerOf('api-version');

/**
 * Bounds of a body the mock reads: far above what GetLayerVersion's two parameters need, far
 * below what makes a body cost the mock more than its sender. A body past them is refused
 * before it is parsed.
 */
export const MAX_BODY_PARAMETERS = 64;
export const MAX_BODY_DEPTH = 64;

/** The spec example Tencent answers a request without an Authorization header with. */
const MISSING_AUTHORIZATION_SCENARIO = 'missing-authentication-token';

interface TencentError {
  Response: { Error: { Code: string; Message: string }; RequestId: string };
}

/** The error codes the spec lists: the enums that `ErrorCode` is made of. */
function documentedCodes(document: SpecNode): Set<string> {
  const errorCode = deref(document, document.components?.schemas?.ErrorCode) ?? {};
  const enums = (errorCode.anyOf ?? []).flatMap((member: SpecNode) => deref(document, member)?.enum ?? []);
  if (enums.length === 0) throw new Error('the tencent-scf spec lists no error codes under ErrorCode');
  return new Set<string>(enums);
}

export function createTencentScfAdapter(spec: LoadedSpec, options: AdapterOptions = {}): ProviderAdapter {
  const document = spec.document;
  const [route] = listOperations(document);
  if (!route) throw new Error('the tencent-scf spec has no operation');
  const headerParameters = (route.operation.parameters ?? [])
    .map((parameter: SpecNode) => deref(document, parameter)!)
    .filter((parameter: SpecNode) => parameter.in === 'header');
  const bodySchema = deref(document, route.operation.requestBody?.content?.['application/json']?.schema) ?? {};
  findScenario(spec, MISSING_AUTHORIZATION_SCENARIO);
  const codes = documentedCodes(document);

  /** A new RequestId per answer, as Tencent gives, unless the example's fixed one was asked for. */
  function stampRequestId(body: unknown, fromExample: boolean): void {
    const response = (body as { Response?: Record<string, unknown> } | undefined)?.Response;
    if (response && typeof response === 'object' && !(options.fixedRequestIds && fromExample)) response.RequestId = randomUUID();
  }

  function renderScenario(name: string, render: RenderOptions = {}): Answer {
    const scenario = findScenario(spec, name);
    const body = clone(scenario.value) as TencentError;
    if (render.message !== undefined && body.Response.Error) body.Response.Error.Message = render.message;
    stampRequestId(body, true);
    // API 3.0 answers every request with HTTP 200, whatever the example's response says.
    return { status: 200, headers: jsonHeaders(), body };
  }

  /** The spec's example for an error code, if it has one. */
  function scenarioForCode(code: string): string | undefined {
    return spec.scenarios.find((scenario) => (scenario.value as TencentError)?.Response?.Error?.Code === code)?.name;
  }

  function exampleMessage(code: string): string {
    const name = scenarioForCode(code);
    return name ? (findScenario(spec, name).value as TencentError).Response.Error.Message : code;
  }

  /** An error answer; takes the spec's example for the code when there is one. */
  function error(code: string, message: string): Answer {
    // Every code the mock makes up must be one the spec documents, so the spec stays the truth.
    if (!codes.has(code)) throw new Error(`the tencent-scf spec documents no error code ${code}`);
    const name = scenarioForCode(code);
    if (name) return renderScenario(name, { message });
    return { status: 200, headers: jsonHeaders(), body: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } } };
  }

  /** The answer to a body past MAX_BODY_PARAMETERS or MAX_BODY_DEPTH, from one scan, unparsed. */
  function refuseUnboundedBody(scan: JsonScan): Answer | undefined {
    if (scan.tooDeep) return error('InvalidParameter', `The request body is nested deeper than ${MAX_BODY_DEPTH} levels; it was not read.`);
    if (!scan.tooManyMembers) return undefined;
    const bound = `The request body holds more than ${MAX_BODY_PARAMETERS} parameters, so it was not read further.`;
    const unknown = scan.topLevelKeys.find((key) => !Object.hasOwn(bodySchema.properties ?? {}, key));
    if (unknown !== undefined) return error('UnknownParameter', `${replaceQuoted(exampleMessage('UnknownParameter'), unknown)} ${bound}`);
    return error('InvalidParameter', bound);
  }

  /**
   * Checks the body's integer parameters exactly, on their JSON text (JSON.parse rounds an int64
   * above 2^53 and reads `1.0` as 1), and gives Prism a number it can hold for each.
   */
  function readIntegers(body: Record<string, unknown>, numberTexts: Map<string, string>): { body: unknown; violations: Violation[] } {
    const violations: Violation[] = [];
    const entries = Object.entries(body).map(([field, value]): [string, unknown] => {
      const schema = Object.hasOwn(bodySchema.properties ?? {}, field) ? deref(document, bodySchema.properties[field]) : undefined;
      const text = numberTexts.get(field);
      if (typeof value !== 'number' || text === undefined || !isIntegerSchema(schema)) return [field, value];
      const violation = checkIntegerText(text, schema!, ['body', field]);
      if (violation) violations.push(violation);
      return [field, violation ? PRISM_STAND_IN : prismValue(text)];
    });
    // fromEntries defines own properties, so a `__proto__` key stays a key (an unknown parameter).
    return { body: Object.fromEntries(entries), violations };
  }

  /** The integer headers (X-TC-Timestamp) checked exactly too, with stand-ins Prism can hold. */
  function readIntegerHeaders(received: Record<string, string>): { headers: Record<string, string>; violations: Violation[] } {
    const headers = { ...received };
    const violations: Violation[] = [];
    for (const parameter of headerParameters) {
      const name = String(parameter.name).toLowerCase();
      const schema = deref(document, parameter.schema);
      const text = headers[name];
      if (text === undefined || !isIntegerSchema(schema)) continue;
      const violation = checkIntegerText(text, schema!, ['header', name]);
      if (violation) violations.push(violation);
      headers[name] = String(violation ? PRISM_STAND_IN : prismValue(text));
    }
    return { headers, violations };
  }

  function headerName(lowerCase: string): string {
    return headerParameters.find((parameter: SpecNode) => parameter.name.toLowerCase() === lowerCase)?.name ?? lowerCase;
  }

  /** The schema the spec declares for a body field or a header. */
  function fieldSchema(field: string): SpecNode {
    const header = headerParameters.find((parameter: SpecNode) => parameter.name.toLowerCase() === field.toLowerCase());
    const property = Object.hasOwn(bodySchema.properties ?? {}, field) ? bodySchema.properties[field] : undefined;
    return deref(document, header ? header.schema : property) ?? {};
  }

  function schemaType(field: string): string {
    const type = String(fieldSchema(field).type ?? 'string');
    return type.charAt(0).toUpperCase() + type.slice(1);
  }

  /** The answer for the violation Tencent would report first: action, version, headers, body. */
  function answerFor(violation: Violation, request: ReceivedRequest): Answer {
    const [where, field] = violation.location;
    const named = /'([^']+)'/.exec(violation.message)?.[1];
    if (where === 'header') {
      const header = headerName(field ?? named?.toLowerCase() ?? '');
      if (violation.code === 'required') return error('MissingParameter', replaceQuoted(exampleMessage('MissingParameter'), header));
      if (header.toLowerCase() === ACTION_HEADER) {
        return error('InvalidAction', replaceQuoted(exampleMessage('InvalidAction'), request.headers[ACTION_HEADER] ?? ''));
      }
      if (header.toLowerCase() === VERSION_HEADER) {
        return error('NoSuchVersion', replaceQuoted(exampleMessage('NoSuchVersion'), request.headers[VERSION_HEADER] ?? ''));
      }
      return invalidValue(violation.code, header, violation.message);
    }
    if (where === 'body' && field) return invalidValue(violation.code, field, violation.message);
    if (violation.code === 'required' && named) return error('MissingParameter', replaceQuoted(exampleMessage('MissingParameter'), named));
    if (violation.code === 'additionalProperties' && named) {
      return error('UnknownParameter', replaceQuoted(exampleMessage('UnknownParameter'), named));
    }
    return error('InvalidParameter', `The request body is not valid: ${violation.message.replace(/^Request body /, '')}.`);
  }

  function invalidValue(code: string, field: string, prismMessage: string): Answer {
    if (code === 'type') return error('InvalidParameter', `The type of parameter \`${field}\` must be ${schemaType(field)}.`);
    // The spec's example words a broken rule as `...`LayerName` does not match the rule; it must ...`:
    // its own field's pattern is told in its words, any other rule in the same form.
    const example = exampleMessage('InvalidParameterValue');
    const separator = example.indexOf('; ');
    if (code === 'pattern' && /`([^`]*)`/.exec(example)?.[1] === field) return error('InvalidParameterValue', example);
    const lead = separator === -1 ? 'The value of parameter `X` does not match the rule; ' : example.slice(0, separator + 2);
    return error('InvalidParameterValue', `${replaceQuoted(lead, field)}${ruleText(code, fieldSchema(field), prismMessage)}.`);
  }

  return {
    spec,
    renderScenario,
    refuseSignature(rejection) {
      // A code the spec documents without an example (AuthFailure.TokenFailure) is made up in its words.
      if (rejection.code && rejection.message !== undefined) return error(rejection.code, rejection.message);
      return renderScenario(rejection.example, rejection.message === undefined ? {} : { message: rejection.message });
    },
    checkAuthorization(request) {
      return request.headers.authorization ? null : renderScenario(MISSING_AUTHORIZATION_SCENARIO);
    },
    readRequest(request) {
      if (request.method !== 'POST' || pathOf(request) !== '/') return { answer: this.unknownRoute(request) };
      // API 3.0 with a TC3 signature takes a JSON body; the spec's request body is application/json.
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType !== 'application/json') {
        const given = request.headers['content-type'] ? `\`${request.headers['content-type']}\`` : 'missing';
        return { answer: error('InvalidParameter', `The header \`Content-Type\` is ${given}; a TC3-HMAC-SHA256 request must send \`application/json\`.`) };
      }
      // An empty body is not JSON either: Tencent refuses a parameterless call sent without `{}`
      // ("for content-type=application/json, the request body is not valid JSON",
      // TencentCloud/tencentcloud-sdk-nodejs#104).
      const scan = scanJson(request.body, { members: MAX_BODY_PARAMETERS, depth: MAX_BODY_DEPTH });
      const refused = refuseUnboundedBody(scan);
      if (refused) return { answer: refused };
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch (cause) {
        const detail = request.body.trim() === '' ? 'the body is empty' : (cause as Error).message;
        return { answer: error('InvalidParameter', `For Content-Type \`application/json\`, the request body is not valid JSON: ${detail}.`) };
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return { answer: error('InvalidParameter', 'The request body must be a JSON object of the action\'s parameters.') };
      }
      const integers = readIntegers(body as Record<string, unknown>, scan.topLevelNumbers);
      const headers = readIntegerHeaders(request.headers);
      return { body: integers.body, violations: [...headers.violations, ...integers.violations], headers: headers.headers, path: pathOf(request) };
    },
    unknownRoute(request) {
      // Not in the spec: API 3.0 takes every action as `POST /` (or GET with a query, which the
      // spec does not describe), so any other method or path is a protocol error.
      return error('UnsupportedProtocol', `The request \`${request.method} ${pathOf(request)}\` is not supported; send API 3.0 requests as \`POST /\` with a JSON body.`);
    },
    invalidRequest(violations, request) {
      const order = (violation: Violation): number => {
        const [where, field = ''] = violation.location;
        if (where === 'header' && (field === ACTION_HEADER || violation.message.includes(`'${ACTION_HEADER}'`))) return 0;
        if (where === 'header' && (field === VERSION_HEADER || violation.message.includes(`'${VERSION_HEADER}'`))) return 1;
        if (where === 'header') return 2;
        if (violation.code === 'required') return 3;
        if (violation.code === 'additionalProperties') return 4;
        return 5;
      };
      const first = [...violations].sort((a, b) => order(a) - order(b))[0];
      return first ? answerFor(first, request) : error('InvalidParameter', 'The request is not valid.');
    },
    badRequest(message) {
      return error('InvalidParameter', message);
    },
    bodyTooLarge(limitBytes) {
      return error('RequestSizeLimitExceeded', `The request body is larger than ${limitBytes} bytes, the limit of a request signed with TC3-HMAC-SHA256.`);
    },
    internalError() {
      return error('InternalError', exampleMessage('InternalError'));
    },
    finish(answer, scenarioName) {
      const body = answer.body as { Response?: Record<string, unknown> } | undefined;
      stampRequestId(body, scenarioName !== undefined);
      return { status: 200, headers: jsonHeaders(), body };
    },
  };
}

/** The rule a value broke, told from the schema the spec declares. */
function ruleText(code: string, schema: SpecNode, prismMessage: string): string {
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
      return `it must be one of ${(schema.enum as unknown[]).map((value) => `\`${String(value)}\``).join(', ')}`;
    default:
  }
  // A rule the schema does not state (int64's range) or that is not listed above: the validator's words.
  const at = prismMessage.indexOf('must ');
  return at === -1 ? `it breaks the rule: ${prismMessage}` : `it ${prismMessage.slice(at)}`;
}
