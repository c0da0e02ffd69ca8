// Makes the mock answer as AWS Lambda does: a non-2xx status, the error name in
// `x-amzn-ErrorType`, an `x-amzn-RequestId`, and the JSON body the spec's examples spell.
import { randomUUID } from 'node:crypto';
import type { ApiModel, InputModel, OperationModel } from '@layerspec/specs/model';
import { checkIntegerText, isIntegerRule, prismValue, PRISM_STAND_IN } from './integers.js';
import { type Answer, type ReceivedRequest, type Violation, clone, jsonHeaders } from './answer.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';
import { messagePath, operationsOf, setAt } from './model.js';
import { pathOf, queryParameters, routeOperation, routeParameters } from './request-route.js';
import { type LoadedSpec, type Scenario, findScenario, firstScenarioOfKind } from './spec.js';

/** The spec example AWS answers an unsigned request with. */
const MISSING_AUTHENTICATION_SCENARIO = 'missing-authentication-token';
/** The spec example Lambda answers a version number below 1 with, once it serves real layers. */
const VERSION_BELOW_ONE_SCENARIO = 'version-below-one';

export function createAwsLambdaAdapter(spec: LoadedSpec, options: AdapterOptions = {}): ProviderAdapter {
  const { model } = spec;
  const operations = operationsOf(model);
  const requestIdHeader = requestIdHeaderOf(model);
  const errorTypeHeader = errorCodeHeaderOf(model);
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

  function renderScenario(name: string, operation?: OperationModel, message?: string): Answer {
    const scenario = findScenario(spec, name, operation);
    const body = clone(scenario.value);
    const path = messagePath(model, scenario.errorCode);
    if (message !== undefined && path) setAt(body, path, message);
    return { status: scenario.status, headers: jsonHeaders(stampRequestId(headersFor(scenario), true)), body };
  }

  const pathParametersOf = (operation: OperationModel) => operation.inputs.filter((input) => input.in === 'path');

  /** The values of the request's path and query parameters, by `in` and lower-case name, as Prism's violations locate them. */
  function parameterValues(operation: OperationModel, request: ReceivedRequest): Map<string, string> {
    const values = new Map(routeParameters(operation.path, pathOf(request)).map(({ name, value }) => [`path ${name.toLowerCase()}`, value]));
    for (const [name, value] of queryParameters(request)) values.set(`query ${name.toLowerCase()}`, value);
    return values;
  }

  /** Checks integer path parameters exactly and gives Prism a path whose integers it can hold. */
  function readPath(operation: OperationModel, request: ReceivedRequest): { path: string; violations: Violation[] } {
    const segments = pathOf(request).split('/');
    const violations: Violation[] = [];
    const pathParameters = pathParametersOf(operation);
    for (const { name, value, index } of routeParameters(operation.path, pathOf(request))) {
      const parameter = pathParameters.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      // An empty segment is left to Prism, which reports it as a missing parameter.
      if (!isIntegerRule(parameter) || value === '') continue;
      const violation = checkIntegerText(value, parameter, ['path', parameter.name.toLowerCase()]);
      if (violation) violations.push(violation);
      segments[index] = String(violation ? PRISM_STAND_IN : prismValue(value));
    }
    return { path: segments.join('/'), violations };
  }

  function describeViolation(operation: OperationModel, violation: Violation, values: Map<string, string>): string {
    const [where] = violation.location;
    // An empty segment (`/layers//versions/1`) is reported as a missing parameter of the path.
    const name = violation.location[1] ?? /'([^']+)'/.exec(violation.message)?.[1] ?? '';
    const parameter = operation.inputs.find((candidate) => candidate.in === where && candidate.name.toLowerCase() === name.toLowerCase());
    if ((where !== 'path' && where !== 'query') || !parameter) return violation.message;
    const member = parameter.name.charAt(0).toLowerCase() + parameter.name.slice(1);
    return `Value '${values.get(`${where} ${name.toLowerCase()}`) ?? ''}' at '${member}' failed to satisfy constraint: ${constraint(violation, parameter)}`;
  }

  function invalidRequest(operation: OperationModel, violations: Violation[], request: ReceivedRequest, fixtures: boolean): Answer {
    // Serving real layers, Lambda checks a version below 1 itself, in words of its own.
    const version = operation.inputs.find((input) => input.concept === 'layer-version');
    const belowFirst = violations.some((violation) => violation.code === 'minimum' && violation.location[1] === version?.name.toLowerCase());
    if (fixtures && belowFirst) return renderScenario(VERSION_BELOW_ONE_SCENARIO, operation);
    const values = parameterValues(operation, request);
    const details = violations.map((violation) => describeViolation(operation, violation, values));
    const count = `${details.length} validation error${details.length === 1 ? '' : 's'} detected: `;
    return renderScenario(invalidParameterScenario, operation, count + details.join('; '));
  }

  function unknownRoute(request: ReceivedRequest): Answer {
    // Not in the spec, which describes the operations Lambda has, not its answer to others: a
    // rest-json AWS service answers a method and path that match no operation with
    // `UnknownOperationException` (HTTP 404), which the AWS SDKs surface as that error name (seen
    // in aws-amplify/docs#2173 and getmoto/moto#8594, where an SDK call to a path the service
    // does not know fails with 404 UnknownOperationException / UnknownError).
    // Its body has the shape of the spec's invalid-parameter answer.
    const answer = renderScenario(invalidParameterScenario, undefined, `No operation matches ${request.method} ${pathOf(request)}`);
    const headers = stampRequestId({ ...answer.headers, [errorTypeHeader]: 'UnknownOperationException' }, false);
    return { status: 404, headers, body: answer.body };
  }

  return {
    spec,
    operationOf: (request) => routeOperation(operations, request.method, pathOf(request)),
    readRequest(request) {
      const operation = this.operationOf(request);
      if (!operation) return { answer: unknownRoute(request) };
      // Lambda's layer operations take no body; it ignores one.
      return { operation, body: undefined, ...readPath(operation, request) };
    },
    renderResult(operation, answer, scenarioName) {
      const headers = lowerCaseKeys(answer.headers);
      if (scenarioName) Object.assign(headers, headersFor(findScenario(spec, scenarioName, operation)));
      stampRequestId(headers, scenarioName !== undefined);
      return { status: answer.status, headers: jsonHeaders(headers), body: answer.body };
    },
    renderError(error) {
      switch (error.kind) {
        case 'scenario':
          return renderScenario(error.name, error.operation, error.message);
        case 'unauthenticated':
          return renderScenario(MISSING_AUTHENTICATION_SCENARIO);
        case 'signature':
          return renderScenario(error.rejection.example, undefined, error.rejection.message);
        case 'unknown-route':
          return unknownRoute(error.request);
        case 'invalid-request':
          return invalidRequest(error.operation, error.violations, error.request, error.fixtures);
        case 'bad-request':
          return renderScenario(invalidParameterScenario, undefined, error.message);
        case 'body-too-large':
          return renderScenario(invalidParameterScenario, undefined, `The request body is larger than ${error.limitBytes} bytes.`);
        case 'internal':
          return renderScenario(serviceErrorScenario);
      }
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
  const at = model.errors.requestIdAt;
  if (at?.in !== 'header') throw new Error(`the ${model.api} spec marks no response header as the request ID (x-layerspec-concept: request-id)`);
  return at.name.toLowerCase();
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
