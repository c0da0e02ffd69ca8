// @ts-check
// The fields the docs show, read from an API's generated model (@layerspec/specs/model): what a
// caller sends, what the signature adds, and what a successful answer carries. Nothing here
// parses a spec or follows a $ref; the model was read from the spec once, by Redocly's resolver.

/** @typedef {import('@layerspec/specs/model').ApiModel} ApiModel */
/** @typedef {import('@layerspec/specs/model').ValueRule} ValueRule */
/**
 * @typedef {object} Field
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

/** @param {unknown} value @param {readonly string[]} path @returns {unknown} */
const valueAt = (value, path) => path.reduce((/** @type {any} */ at, key) => (at && typeof at === 'object' ? at[key] : undefined), value);

/** @param {ApiModel} model @returns {Field[]} */
export function requestFields(model) {
  const body = firstOf(model.operation.requestExamples);
  const inputs = model.inputs.map((input) => ({
    side: /** @type {const} */ ('request'),
    name: input.name,
    in: input.in,
    required: input.required,
    rule: input,
    concept: input.concept,
    description: input.description,
    example: firstOf(input.examples) ?? (input.in === 'body' ? valueAt(body, [input.name]) : undefined),
  }));
  // What a signature carries besides Authorization (the time, a session token, the region).
  const signing = (model.signing.fields ?? []).map((field) => ({
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

/** @param {ApiModel} model @returns {Field[]} */
export function responseFields(model) {
  const successes = model.scenarios.filter((scenario) => scenario.outcome === 'success').map((scenario) => scenario.value);
  return model.outputs.map((output) => {
    const path = [...model.result, ...output.path];
    return {
      side: /** @type {const} */ ('response'),
      name: output.in === 'body' ? path.join('.') : output.name,
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

/** @param {ApiModel} model */
export function listFields(model) {
  return [...requestFields(model), ...responseFields(model)];
}
