// Makes the mock answer as AWS Lambda does: a non-2xx status, the error name in
// `x-amzn-ErrorType`, an `x-amzn-RequestId`, and the JSON body the spec's examples spell.
import { randomUUID } from 'node:crypto';
import type { ApiModel, InputModel } from '@layerspec/specs/model';
import { checkIntegerText, isIntegerRule, prismValue, PRISM_STAND_IN } from './integers.js';
import { type Answer, type ReceivedRequest, type Violation, clone, jsonHeaders } from './answer.js';
import type { AdapterOptions, ProviderAdapter, RenderOptions } from './provider-adapter.js';
import { messagePath, setAt } from './model.js';
import { pathOf, routeParameters } from './request-route.js';
import { type LoadedSpec, type Scenario, findScenario, firstScenarioOfKind } from './spec.js';

/** The spec example AWS answers an unsigned request with. */
const MISSING_AUTHENTICATION_SCENARIO = 'missing-authentication-token';
/** The spec example Lambda answers a version number below 1 with, once it serves real layers. */
const VERSION_BELOW_ONE_SCENARIO = 'version-below-one';

export function createAwsLambdaAdapter(spec: LoadedSpec, options: AdapterOptions = {}): ProviderAdapter {
  const { model } = spec;
  const route = model.operation.path;
  const requestIdHeader = requestIdHeaderOf(model);
  const errorTypeHeader = errorCodeHeaderOf(model);
  const pathParameters = model.inputs.filter((input) => input.in === 'path');
  // Scenarios the mock answers with on its own, looked up once so a spec without them fails at startup.
  findScenario(spec, MISSING_AUTHENTICATION_SCENARIO);
  findScenario(spec, VERSION_BELOW_ONE_SCENARIO);
  const invalidParameterScenario = firstScenarioOfKind(spec, 'invalid-input');
  const serviceErrorScenario = firstScenarioOfKind(spec, 'service');

  /** The scenario's headers as the model gives them (one 403 response carries several errors, each example its own). */
  function headersFor(scenario: Scenario): Record<string, string> {
    return lowerCaseKeys(scenario.headers ?? {});
  }

  /** A new request ID per answer, as Lambda gives, unless the example's fixed one was asked for. */
  function stampRequestId(headers: Record<string, string>, fromExample: boolean): Record<string, string> {
    if (!(options.fixedRequestIds && fromExample)) headers[requestIdHeader] = randomUUID();
    return headers;
  }

  function renderScenario(name: string, render: RenderOptions = {}): Answer {
    const scenario = findScenario(spec, name);
    const body = clone(scenario.value);
    const path = messagePath(model, scenario.errorCode);
    if (render.message !== undefined && path) setAt(body, path, render.message);
    return { status: scenario.status, headers: jsonHeaders(stampRequestId(headersFor(scenario), true)), body };
  }

  function pathValues(request: ReceivedRequest): Record<string, string> {
    return Object.fromEntries(pathSegments(request).map(({ name, value }) => [name.toLowerCase(), value]));
  }

  function pathSegments(request: ReceivedRequest) {
    return routeParameters(route, pathOf(request));
  }

  /** Checks integer path parameters exactly and gives Prism a path whose integers it can hold. */
  function readPath(request: ReceivedRequest): { path: string; violations: Violation[] } {
    const segments = pathOf(request).split('/');
    const violations: Violation[] = [];
    for (const { name, value, index } of pathSegments(request)) {
      const parameter = pathParameters.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      // An empty segment is left to Prism, which reports it as a missing parameter.
      if (!isIntegerRule(parameter) || value === '') continue;
      const violation = checkIntegerText(value, parameter, ['path', parameter.name.toLowerCase()]);
      if (violation) violations.push(violation);
      segments[index] = String(violation ? PRISM_STAND_IN : prismValue(value));
    }
    return { path: segments.join('/'), violations };
  }

  function describeViolation(violation: Violation, values: Record<string, string>): string {
    const [where] = violation.location;
    // An empty segment (`/layers//versions/1`) is reported as a missing parameter of the path.
    const name = violation.location[1] ?? /'([^']+)'/.exec(violation.message)?.[1] ?? '';
    const parameter = pathParameters.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (where !== 'path' || !parameter) return violation.message;
    const member = parameter.name.charAt(0).toLowerCase() + parameter.name.slice(1);
    return `Value '${values[name.toLowerCase()] ?? ''}' at '${member}' failed to satisfy constraint: ${constraint(violation, parameter)}`;
  }

  return {
    spec,
    renderScenario,
    refuseSignature(rejection) {
      return renderScenario(rejection.example, rejection.message === undefined ? {} : { message: rejection.message });
    },
    checkAuthorization(request) {
      return request.headers[model.signing.header.toLowerCase()] ? null : renderScenario(MISSING_AUTHENTICATION_SCENARIO);
    },
    readRequest(request) {
      // GetLayerVersion is a GET; Lambda ignores a body on it.
      return { body: undefined, ...readPath(request) };
    },
    unknownRoute(request) {
      // Not in the spec, because the spec describes one operation: a rest-json AWS service
      // answers a method and path that match no operation with `UnknownOperationException`
      // (HTTP 404), which the AWS SDKs surface as that error name (seen in
      // aws-amplify/docs#2173 and getmoto/moto#8594, where an SDK call to a path the service
      // does not know fails with 404 UnknownOperationException / UnknownError).
      // Its body has the shape of the spec's invalid-parameter answer.
      const answer = renderScenario(invalidParameterScenario, { message: `No operation matches ${request.method} ${pathOf(request)}` });
      const headers = stampRequestId({ ...answer.headers, [errorTypeHeader]: 'UnknownOperationException' }, false);
      return { status: 404, headers, body: answer.body };
    },
    invalidRequest(violations, request) {
      const values = pathValues(request);
      const details = violations.map((violation) => describeViolation(violation, values));
      const count = `${details.length} validation error${details.length === 1 ? '' : 's'} detected: `;
      return renderScenario(invalidParameterScenario, { message: count + details.join('; ') });
    },
    badRequest(message) {
      return renderScenario(invalidParameterScenario, { message });
    },
    bodyTooLarge(limitBytes) {
      return renderScenario(invalidParameterScenario, { message: `The request body is larger than ${limitBytes} bytes.` });
    },
    internalError() {
      return renderScenario(serviceErrorScenario);
    },
    answerResult(result) {
      return { status: 200, headers: jsonHeaders(stampRequestId({}, false)), body: result };
    },
    refuseLayerRequest(violations) {
      const version = model.inputs.find((input) => input.concept === 'layer-version');
      const belowFirst = violations.some((violation) => violation.code === 'minimum' && violation.location[1] === version?.name.toLowerCase());
      return belowFirst ? renderScenario(VERSION_BELOW_ONE_SCENARIO) : undefined;
    },
    finish(answer, scenarioName) {
      const headers = lowerCaseKeys(answer.headers);
      if (scenarioName) Object.assign(headers, headersFor(findScenario(spec, scenarioName)));
      stampRequestId(headers, scenarioName !== undefined);
      return { status: answer.status, headers: jsonHeaders(headers), body: answer.body };
    },
  };
}

/** The rule a value broke, in the words Lambda uses in its validation messages. */
function constraint(violation: Violation, schema: InputModel): string {
  switch (violation.code) {
    case 'required':
      return `Member must have length greater than or equal to ${schema.minLength ?? 1}`;
    case 'pattern':
      // Lambda quotes its own pattern, which the spec records beside the anchored one.
      return `Member must satisfy regular expression pattern: ${schema.providerPattern ?? schema.pattern}`;
    case 'minLength':
      return `Member must have length greater than or equal to ${schema.minLength}`;
    case 'maxLength':
      return `Member must have length less than or equal to ${schema.maxLength}`;
    case 'minimum':
      return `Member must have value greater than or equal to ${schema.minimum}`;
    case 'maximum':
      return `Member must have value less than or equal to ${schema.maximum}`;
    case 'type':
      return `Member must be ${schema.type === 'integer' ? 'an integer' : `a ${schema.type}`}`;
    default:
      return violation.message;
  }
}

/** The response header the model marks as the request ID (`x-amzn-RequestId`), in lower case. */
function requestIdHeaderOf(model: ApiModel): string {
  const header = model.outputs.find((output) => output.in === 'header' && output.concept === 'request-id');
  if (!header) throw new Error(`the ${model.api} spec marks no response header as the request ID (x-layerspec-concept: request-id)`);
  return header.name.toLowerCase();
}

/** The header the model says names an error (`x-amzn-ErrorType`), in lower case. */
function errorCodeHeaderOf(model: ApiModel): string {
  const { codeAt } = model.errors;
  if (codeAt.in !== 'header') throw new Error(`the ${model.api} spec names its errors in no header`);
  return codeAt.name.toLowerCase();
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
