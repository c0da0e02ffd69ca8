// The success schema generated beside each model takes every success scenario of the spec and
// refuses answers that break it.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { successSchemas as lambdaSchemas } from '../src/generated/aws-lambda-response-schema.js';
import { successSchemas as scfSchemas } from '../src/generated/tencent-scf-response-schema.js';
import { models } from '../src/generated/index.js';
import { readSource } from './independent-reader.js';

const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;
const compile = (schema: object) => addFormats(new Ajv2020({ strict: true, allErrors: true })).compile(structuredClone(schema));

const cases = [
  {
    api: 'aws-lambda',
    operation: 'GetLayerVersion',
    schema: lambdaSchemas.GetLayerVersion,
    breakIt: (value: any) => ({ ...value, Content: { ...value.Content, CodeSha256: 'not base64' } }),
  },
  {
    api: 'aws-lambda',
    operation: 'ListLayerVersions',
    schema: lambdaSchemas.ListLayerVersions,
    breakIt: (value: any) => ({ ...value, LayerVersions: [{ Version: 0 }] }),
  },
  {
    api: 'tencent-scf',
    operation: 'GetLayerVersion',
    schema: scfSchemas.GetLayerVersion,
    breakIt: (value: any) => ({ Response: { ...value.Response, Status: 'Unknown' } }),
  },
  {
    api: 'tencent-scf',
    operation: 'ListLayerVersions',
    schema: scfSchemas.ListLayerVersions,
    breakIt: (value: any) => ({ Response: { ...value.Response, LayerVersions: [{ ...value.Response.LayerVersions[0], AddTime: '2022-02-30 00:00:00' }] } }),
  },
] as const;

it('has one success schema for every operation of every API', () => {
  expect(cases.map(({ api, operation }) => `${api} ${operation}`)).toEqual(
    Object.values(models).flatMap((model) => Object.keys(model.operations).map((operation) => `${model.api} ${operation}`)),
  );
});

describe.each(cases)('the $api $operation success schema', ({ api, operation, schema, breakIt }) => {
  const successes = models[api].operations[operation]!.scenarios.filter((scenario) => scenario.outcome === 'success');
  const check = compile(schema);

  it('takes every success scenario', () => {
    expect(successes.length).toBeGreaterThan(0);
    for (const scenario of successes)
      expect({ name: scenario.name, valid: check(scenario.value), errors: check.errors ?? null }).toEqual({ name: scenario.name, valid: true, errors: null });
  });

  it('refuses an answer that breaks a rule', () => {
    expect(check(breakIt(successes[0]!.value))).toBe(false);
  });

  it('keeps the int64 bound exact in its source text', async () => {
    const text = (await import('node:fs')).readFileSync(new URL(`../src/generated/${api}-response-schema.ts`, import.meta.url), 'utf8');
    const max = String(readSource(api).components.schemas.LayerVersionNumber.maximum);
    expect(max).toBe('9223372036854775807');
    expect(text).toContain(`"maximum": ${max}`);
  });
});
