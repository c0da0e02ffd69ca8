// @ts-check
// The fields the docs show, read from an API's generated model (@layerspec/specs/model): per
// operation, what a caller sends, what the signature adds, and what a successful answer carries.
// Nothing here parses a spec or follows a $ref; the model was read from the spec once, by
// Redocly's resolver.

/** @typedef {import('@layerspec/specs/model').ApiModel} ApiModel */
/** @typedef {import('@layerspec/specs/model').OperationModel} OperationModel */
/** @typedef {import('@layerspec/specs/model').ValueRule} ValueRule */
/**
 * @typedef {object} Field
 * @property {string} operation  the operationId of the operation the field belongs to
 * @property {'request' | 'response'} side
 * @property {string} name    a body member's dotted path from the body's root (`Response.CodeSha256`), else the header or parameter name
 * @property {'path' | 'query' | 'header' | 'body' | 'credential-scope'} in  credential-scope: inside the Authorization header's scope
 * @property {string} [signing]  the security scheme that adds it while signing
 * @property {boolean} required
 * @property {ValueRule} rule
 * @property {string | undefined} concept
 * @property {string | undefined} description
 * @property {unknown} example
 * @property {{ digest: string, as: string }} [encoding]
 * @property {{ shape: string, utcOffset: string }} [date]
 */

/** @param {Readonly<Record<string, unknown>> | undefined} examples */
const firstOf = (examples) => (examples ? Object.values(examples)[0] : undefined);

/** The value at a path; `[]` stands for each item of a list, of which an example's first says enough. @param {unknown} value @param {readonly string[]} path @returns {unknown} */
const valueAt = (value, path) =>
  path.reduce((/** @type {any} */ at, key) => (key === '[]' ? (Array.isArray(at) ? at[0] : undefined) : at && typeof at === 'object' ? at[key] : undefined), value);

/** A body member's dotted name, each item of a list written `[]` after it (`LayerVersions[].Version`). @param {readonly string[]} path */
export const memberName = (path) => path.join('.').replaceAll('.[]', '[]');

/** The API's operations in the spec's order. @param {ApiModel} model @returns {OperationModel[]} */
export const operationsOf = (model) => Object.values(model.operations);

/** @param {ApiModel} model @param {OperationModel} operation @returns {Field[]} */
export function requestFields(model, operation) {
  const body = firstOf(operation.requestExamples);
  const inputs = operation.inputs.map((input) => ({
    operation: operation.id,
    side: /** @type {const} */ ('request'),
    name: input.name,
    in: input.in,
    required: input.required,
    rule: input,
    concept: input.concept,
    description: input.description,
    example: firstOf(input.examples) ?? (input.in === 'body' ? valueAt(body, [input.name]) : undefined),
  }));
  // What a signature carries besides Authorization (the time, a session token, the region): every request of the API.
  const signing = (model.signing.fields ?? []).map((field) => ({
    operation: operation.id,
    side: /** @type {const} */ ('request'),
    name: field.name,
    in: field.in,
    signing: model.signing.scheme,
    required: field.required,
    rule: field,
    concept: field.concept,
    description: field.description,
    example: firstOf(field.examples),
  }));
  return [...inputs, ...signing];
}

/** @param {OperationModel} operation @returns {Field[]} */
export function responseFields(operation) {
  const successes = operation.scenarios.filter((scenario) => scenario.outcome === 'success').map((scenario) => scenario.value);
  return operation.outputs.map((output) => {
    const path = [...operation.result, ...output.path];
    return {
      operation: operation.id,
      side: /** @type {const} */ ('response'),
      name: output.in === 'body' ? memberName(path) : output.name,
      in: output.in,
      required: output.required,
      rule: output,
      concept: output.concept,
      description: output.description,
      // An empty string says nothing as an example; a later scenario may say more.
      example: output.in === 'header' ? output.example : successes.map((value) => valueAt(value, path)).find((value) => value !== undefined && value !== ''),
      encoding: output.encoding,
      date: output.date,
    };
  });
}

/** Every field of every operation of the API, operation by operation. @param {ApiModel} model */
export function listFields(model) {
  return operationsOf(model).flatMap((operation) => [...requestFields(model, operation), ...responseFields(operation)]);
}

/**
 * How a reader sees the operation's route on the wire: `GET /path`, or for an RPC action the one
 * shared route and the header that names the action (`POST /` with `X-TC-Action: <Action>`).
 * @param {OperationModel} operation
 */
export function wireRoute(operation) {
  const route = `${operation.method} ${operation.path}`;
  return operation.action ? { route, header: `${operation.action.header}: ${operation.action.name}` } : { route };
}

/**
 * The inputs a caller passes to a client's method for the operation: path, query and body
 * inputs; a value the spec fixes (an RPC action's name, its version) is the client's to set, and
 * headers are set by the client's configuration and signer.
 * @param {OperationModel} operation
 */
export function callerInputs(operation) {
  return operation.inputs.filter((input) => input.in !== 'header' && input.constant === undefined);
}
