// The spec's named success examples, as each client returns them (the result, out of Tencent's
// envelope), and the Ajv the tests validate JSON with.
import { type ApiModel, models, type OperationModel } from '@layerspec/specs/model';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { type Answers, mapping, type Provider } from '../src/index.js';

/** The model of the operation getLayerVersion uses on `provider`'s API. */
export function getOperation(provider: Provider): OperationModel {
  return (models[provider] as ApiModel).operations[mapping[provider].getLayerVersion] as OperationModel;
}

/** The model of the operation listLayerVersions uses on `provider`'s API. */
export function listOperation(provider: Provider): OperationModel {
  return (models[provider] as ApiModel).operations[mapping[provider].listLayerVersions] as OperationModel;
}

/** The generated mapping of the operation getLayerVersion uses on `provider`'s API. */
export const getMapping = <P extends Provider>(provider: P) => mapping[provider].operations[mapping[provider].getLayerVersion];

export function successExamples<P extends Provider>(provider: P): Map<string, Answers[P]> {
  const model = getOperation(provider);
  const result = (value: unknown) => model.result.reduce((inner, key) => (inner as Record<string, unknown>)[key], value) as Answers[P];
  return new Map(model.scenarios.filter((s) => s.outcome === 'success').map((s) => [s.name, result(s.value)]));
}

export function example<P extends Provider>(provider: P, name: string): Answers[P] {
  const answer = successExamples(provider).get(name);
  if (answer === undefined) throw new Error(`the ${provider} spec has no success example named ${name}`);
  return answer;
}

/** Ajv for JSON Schema 2020-12, strict, with the standard formats (`uri`, `int64`, `date-time`). */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv;
}

/**
 * A check of a result (what the provider's client returns) against the spec's success schema
 * (`@layerspec/specs/model/<api>-response-schema`), with Ajv as test/conversions.property.test.ts
 * uses it. The result goes back into the answer's envelope first, with a request ID where the
 * body carries one (Tencent's `Response.RequestId`): fromLayerVersion leaves it out.
 */
export async function resultValidator(provider: Provider): Promise<(result: unknown) => { valid: boolean; errors: string }> {
  const model = getOperation(provider);
  const { successSchemas } = (await import(`@layerspec/specs/model/${provider}-response-schema`)) as { successSchemas: Record<string, object> };
  const ajv = newAjv();
  const check = ajv.compile(structuredClone(successSchemas[model.id] as object));
  const requestId = model.outputs.find((o) => o.concept === 'request-id' && o.in === 'body');
  return (result) => {
    const inner: Record<string, unknown> = { ...(result as Record<string, unknown>) };
    if (requestId) inner[requestId.path.at(-1) as string] = '6c7578ed-b816-4e50-930a-54e855452b8b';
    const answer = model.result.reduceRight<unknown>((value, key) => ({ [key]: value }), inner);
    const valid = check(answer);
    return { valid, errors: ajv.errorsText(check.errors) };
  };
}
