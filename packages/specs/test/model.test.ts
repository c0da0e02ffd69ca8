// The generated model against an independent reading of the hand-written specs: every input
// with its rules, every output field with its concept, every error and every named scenario.
import { describe, expect, it } from 'vitest';
import { models } from '../src/generated/index.js';
import type { ApiModel } from '../src/types.js';
import {
  documentFacts,
  errorCodeFormats,
  errorCodes,
  exampleHeaders,
  errorRules,
  follow,
  operationsOf,
  propertiesOf,
  readSource,
  responseExamples,
  type Json,
} from './independent-reader.js';

const apis = Object.keys(models) as (keyof typeof models)[];
const exact = (value: unknown) => (value === undefined ? undefined : String(value));
const defined = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/** The success result's schema, read the way each provider documents it. */
function successSchema(doc: Json, op: Json): { prefix: string[]; schema: Json } {
  const body = follow(doc, follow(doc, op.responses['200']).content['application/json'].schema);
  const envelope = follow(doc, body.properties?.Response);
  if (!envelope?.oneOf) return { prefix: [], schema: body };
  // Tencent: the branch of `Response` that is not the error result.
  return { prefix: ['Response'], schema: envelope.oneOf.map((b: Json) => follow(doc, b)).find((b: Json) => !b.properties.Error) };
}

it('covers every API of redocly.yaml', () => {
  expect(apis.sort()).toEqual(['aws-lambda', 'tencent-scf']);
});

describe.each(apis)('the %s model', (api) => {
  const model: ApiModel = models[api];
  const doc = readSource(api);
  const found = operationsOf(doc);

  it('names its source, its servers and its signing header', () => {
    expect(model.source).toBe(`specs/${api}/openapi.yaml`);
    expect(model.provider.name).toBe(doc.info['x-layerspec-provider'].name);
    expect(model.servers.map((server) => server.url)).toEqual(doc.servers.map((server: Json) => server.url));
    for (const { op } of found) {
      const [scheme] = Object.keys(op.security[0]);
      expect(model.signing.scheme).toBe(scheme);
      expect(model.signing.header).toBe(doc.components.securitySchemes[scheme!].name);
    }
  });

  it("holds every operation of the spec by its operationId, in the spec's order", () => {
    expect(Object.keys(model.operations)).toEqual(found.map(({ id }) => id));
    expect(found.length).toBeGreaterThan(1);
  });

  it('holds every documented error with the HTTP status that carries it, once by code', () => {
    const actual = model.errors.entries.map((entry) => `${entry.code} ${entry.status}`).sort();
    expect(actual).toEqual([...new Set(found.flatMap(({ op }) => errorCodes(doc, op)))].sort());
  });

  it('holds the summary, provider, mock, signing (with its fields) and server variable facts the spec states', () => {
    const facts = documentFacts(doc, found[0]!.op);
    expect(model.provider.label).toBe(facts.label);
    expect(model.protocol.id).toBe(facts.protocolId);
    expect(model.mock.defaultPort).toBe(facts.mockPort);
    expect(model.signing).toMatchObject(facts.signing);
    expect(model.summary).toBe(facts.summary.trim());
    expect(model.provider.signing).toBe(facts.providerSigning);
    expect((model.signing.fields ?? []).map((f) => ({ name: f.name, in: f.in, required: f.required, concept: f.concept, type: f.type }))).toEqual(facts.signingFields);
    expect(model.servers.map((server) => Object.fromEntries(Object.entries(server.variables ?? {}).map(([name, v]) => [name, v.pattern])))).toEqual(
      facts.variablePatterns,
    );
  });

  it('holds the one x-layerspec-code-format the error-code headers state, or none', () => {
    const formats = errorCodeFormats(doc);
    expect(formats.length).toBeLessThanOrEqual(1);
    expect(model.errors.codeFormat).toBe(formats[0]);
  });

  it('holds the kind and retryability that x-layerspec-errors states for every error', () => {
    const actual = model.errors.entries.map((entry) => `${entry.code} ${entry.kind} ${entry.retryable}`).sort();
    expect(actual).toEqual(errorRules(doc));
  });

  describe.each(found.map((spec) => [spec.id, spec] as const))('operation %s', (id, { path, method, item, op }) => {
    const operation = model.operations[id]!;

    it('holds its method, route, summary and tags', () => {
      expect(operation).toMatchObject({ id: op.operationId, method: method.toUpperCase(), specPath: path, summary: op.summary, tags: op.tags });
      // The wire path: the spec's path, or for an RPC action the path before its `#`.
      expect(operation.path).toBe(path.split('#')[0]);
      if (model.rpc) expect(operation.action).toEqual({ header: model.rpc.actionHeader, name: path.split('#')[1] });
      else expect(operation.action).toBeUndefined();
    });

    it('holds every input with its rules, bounds as exact decimal text', () => {
      const expected: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((ref: Json) => {
        const parameter = follow(doc, ref);
        const schema = follow(doc, parameter.schema);
        return { name: parameter.name, in: parameter.in, required: parameter.required === true, ...rules(schema, doc), ...providerPattern(schema) };
      });
      const body = follow(doc, follow(doc, op.requestBody)?.content['application/json'].schema);
      for (const [name, schema, required] of propertiesOf(doc, body)) expected.push({ name, in: 'body', required, ...rules(schema, doc), ...providerPattern(schema) });
      const actual = operation.inputs.map((input) => ({
        ...defined({ name: input.name, in: input.in, required: input.required }),
        ...rules({ ...input, minimum: input.minimum, maximum: input.maximum }),
        ...defined({ providerPattern: input.providerPattern }),
      }));
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(1);
    });

    it('holds every output field of the success result, list items included, with its concept and whether it is required', () => {
      const { prefix, schema } = successSchema(doc, op);
      expect(operation.result).toEqual(prefix);
      const expected = propertiesOf(doc, schema, '', true).map(([name, property, required]) => ({
        name,
        required,
        ...defined({ concept: property['x-layerspec-concept'], pattern: property.pattern }),
      }));
      const actual = operation.outputs
        .filter((output) => output.in === 'body')
        .map((output) => ({ name: output.name, required: output.required, ...defined({ concept: output.concept, pattern: output.pattern }) }));
      expect(actual).toEqual(expected);
      for (const output of operation.outputs) expect(output.path.join('.').replaceAll('.[]', '[]')).toBe(output.in === 'body' ? output.name : '');
    });

    it('lists the codes of the errors it documents', () => {
      expect([...operation.errorCodes].sort()).toEqual(errorCodes(doc, op).map((line) => line.split(' ')[0]));
    });

    it('holds each input and output concept, digest encoding and date the extensions state', () => {
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((ref: Json) => follow(doc, ref));
      for (const parameter of parameters) {
        const concept = parameter['x-layerspec-concept'] ?? follow(doc, parameter.schema)['x-layerspec-concept'];
        expect(operation.inputs.find((input) => input.name === parameter.name)?.concept).toBe(concept);
      }
      const { schema } = successSchema(doc, op);
      const stated = propertiesOf(doc, schema, '', true).filter(([, p]) => p['x-layerspec-encoding'] || p['x-layerspec-date']);
      expect(stated.length).toBeGreaterThan(0);
      for (const [name, property] of stated) {
        const output = operation.outputs.find((candidate) => candidate.name === name)!;
        expect(output.encoding).toEqual(property['x-layerspec-encoding']);
        expect(output.date).toEqual(property['x-layerspec-date']);
      }
    });

    it('holds every named scenario with its status and answer', () => {
      const expected = responseExamples(doc, op);
      expect(operation.scenarios.map(({ name, status, value }) => ({ name, status, value }))).toEqual(expected);
      for (const scenario of operation.scenarios) {
        if (scenario.outcome === 'error') expect(operation.errorCodes).toContain(scenario.errorCode);
        else expect(scenario.errorCode).toBeUndefined();
      }
    });

    it("holds each scenario's answer headers, the error-code header naming the scenario's own error", () => {
      expect(operation.scenarios.map(({ name, headers }) => ({ name, headers }))).toEqual(exampleHeaders(doc, op));
    });
  });
});

/** The provider's own pattern of an input, as `x-layerspec-provider-pattern` states it. */
const providerPattern = (schema: Json): Json => defined({ providerPattern: schema['x-layerspec-provider-pattern'] });

/** The rule keywords the model carries for an input, integer bounds as text. */
function rules(schema: Json, doc?: Json): Json {
  // A documented list with a free form beside it (`Runtime`): the list's type and values.
  const listed = (schema.anyOf as Json[] | undefined)?.map((member) => follow(doc, member)).find((member) => member.enum);
  if (listed) return defined({ type: listed.type, enum: listed.enum.map(String) });
  const list = schema.const !== undefined ? [schema.const] : schema.enum;
  return defined({
    type: schema.type,
    pattern: schema.pattern,
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    minimum: exact(schema.minimum),
    maximum: exact(schema.maximum),
    enum: list?.map(String),
  });
}

describe('facts that differ between the providers', () => {
  const lambda = models['aws-lambda'];
  const scf = models['tencent-scf'];
  const field = (model: ApiModel, concept: string) => model.operations.GetLayerVersion!.outputs.find((output) => output.concept === concept);

  it('says how each provider writes the archive digest and the creation date', () => {
    expect(field(lambda, 'archive-sha256')).toMatchObject({ name: 'Content.CodeSha256', encoding: { digest: 'sha256', as: 'base64' } });
    expect(field(scf, 'archive-sha256')).toMatchObject({ name: 'CodeSha256', encoding: { digest: 'sha256', as: 'hex' } });
    expect(field(lambda, 'created-at')?.date).toEqual({ shape: 'YYYY-MM-DDThh:mm:ss.sss+0000', utcOffset: '+00:00' });
    expect(field(scf, 'created-at')?.date).toEqual({ shape: 'YYYY-MM-DD hh:mm:ss', utcOffset: '+08:00' });
    expect(field(lambda, 'archive-size')?.name).toBe('Content.CodeSize');
    expect(field(scf, 'archive-size')).toBeUndefined();
  });

  it('says where each provider names an error, and where its message is', () => {
    const byCode = (model: ApiModel, code: string) => model.errors.entries.find((entry) => entry.code === code);
    expect(lambda.errors).toMatchObject({ codeAt: { in: 'header', name: 'x-amzn-ErrorType' }, requestIdAt: { in: 'header', name: 'x-amzn-RequestId' } });
    expect(byCode(lambda, 'ResourceNotFoundException')).toMatchObject({
      status: 404,
      kind: 'not-found',
      retryable: false,
      messageAt: { in: 'body', path: ['Message'] },
    });
    expect(byCode(lambda, 'InvalidParameterValueException')).toMatchObject({ status: 400, kind: 'invalid-input', messageAt: { path: ['message'] } });
    expect(byCode(lambda, 'TooManyRequestsException')).toMatchObject({ status: 429, kind: 'throttled', retryable: true });
    expect(byCode(lambda, 'ServiceException')).toMatchObject({ status: 500, kind: 'service', retryable: true });
    expect(byCode(lambda, 'InvalidSignatureException')).toMatchObject({ status: 403, kind: 'auth', retryable: false });
    expect(scf.errors).toMatchObject({ codeAt: { in: 'body', path: ['Response', 'Error', 'Code'] }, requestIdAt: { in: 'body', path: ['Response', 'RequestId'] } });
    expect(byCode(scf, 'ResourceNotFound.LayerVersion')).toMatchObject({
      status: 200,
      kind: 'not-found',
      retryable: false,
      messageAt: { in: 'body', path: ['Response', 'Error', 'Message'] },
    });
    expect(byCode(lambda, 'TooManyRequestsException')?.details).toEqual([
      { in: 'header', name: 'Retry-After', concept: 'retry-after' },
      { in: 'body', path: ['Type'], concept: 'error-origin' },
      { in: 'body', path: ['Reason'], concept: 'throttle-reason' },
      { in: 'body', path: ['retryAfterSeconds'], concept: 'retry-after' },
    ]);
    expect(byCode(scf, 'InternalError')?.details).toEqual([]);
    expect(byCode(scf, 'RequestLimitExceeded.IPLimitExceeded')).toMatchObject({ kind: 'throttled', retryable: true });
    expect(byCode(scf, 'InternalError.System')).toMatchObject({ kind: 'service', retryable: true });
    expect(byCode(scf, 'AuthFailure.SignatureExpire')).toMatchObject({ kind: 'auth', retryable: false });
    expect(byCode(scf, 'MissingParameter')).toMatchObject({ kind: 'invalid-input', retryable: false });
    expect(scf.errors.others?.pattern).toBe(follow(readSource('tencent-scf'), readSource('tencent-scf').components.schemas.ErrorCode).anyOf[2].pattern);
    expect(byCode(scf, 'ResourceNotFound.Layer')).toMatchObject({ status: 200, kind: 'not-found', retryable: false });
    expect(lambda.errors.others).toBeUndefined();
  });

  it('says how to read the error name from the value AWS may send, and that Tencent sends the code alone', () => {
    const name = (value: string) => new RegExp(lambda.errors.codeFormat!).exec(value)?.groups?.code;
    expect(name('com.amazon.coral.service#ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/')).toBe('ResourceNotFoundException');
    expect(name('ResourceNotFoundException:http://x')).toBe('ResourceNotFoundException');
    expect(name('aws.protocoltests#TooManyRequestsException')).toBe('TooManyRequestsException');
    expect(name('ServiceException')).toBe('ServiceException');
    expect(scf.errors.codeFormat).toBeUndefined();
  });

  it('carries the signing facts, the constant headers and the open lists', () => {
    expect(lambda.signing).toMatchObject({ algorithm: 'AWS4-HMAC-SHA256', service: 'lambda', signedHeaders: ['host', 'x-amz-date'] });
    expect(scf.signing).toMatchObject({ algorithm: 'TC3-HMAC-SHA256', service: 'scf', dateHeader: 'X-TC-Timestamp', tokenHeader: 'X-TC-Token' });
    expect([lambda.signing.hostIncludesPort, scf.signing.hostIncludesPort]).toEqual([true, false]);
    expect([lambda.signing.scopeTerminator, scf.signing.scopeTerminator]).toEqual(['aws4_request', 'tc3_request']);
    const requestId = lambda.operations.GetLayerVersion!.outputs.find((output) => output.in === 'header' && output.concept === 'request-id');
    expect(requestId).toMatchObject({ name: 'x-amzn-RequestId', example: readSource('aws-lambda').components.headers.RequestId.example });
    for (const operation of Object.values(scf.operations)) {
      expect(operation.inputs.filter((input) => input.constant).map((input) => [input.name, input.constant])).toEqual([
        ['X-TC-Action', operation.id],
        ['X-TC-Version', '2018-04-16'],
      ]);
      expect(operation.inputs.find((input) => input.concept === 'language')?.enum).toEqual(['zh-CN', 'en-US']);
    }
    const runtimes = lambda.operations.GetLayerVersion!.outputs.find((output) => output.concept === 'compatible-runtimes');
    expect(runtimes?.items?.enum).toContain('python3.12');
    expect(runtimes?.items?.others?.pattern).toMatch(/^\^/);
    expect([lambda.mock.defaultPort, scf.mock.defaultPort]).toEqual([4010, 4011]);
    expect([lambda.provider.label, scf.provider.label]).toEqual(['AWS', 'Tencent']);
  });
});

describe('the operations both providers describe', () => {
  const lambda = models['aws-lambda'];
  const scf = models['tencent-scf'];

  it('lists versions newest first on AWS, paged by concepts a paginator reads', () => {
    const list = lambda.operations.ListLayerVersions!;
    expect(list).toMatchObject({ method: 'GET', path: '/2018-10-31/layers/{LayerName}/versions' });
    const byConcept = (concept: string) => list.inputs.find((input) => input.concept === concept);
    expect(byConcept('page-token')).toMatchObject({ name: 'Marker', in: 'query' });
    expect(byConcept('page-size')).toMatchObject({ name: 'MaxItems', in: 'query', minimum: '1', maximum: '50' });
    expect(list.outputs.find((output) => output.concept === 'next-page-token')?.name).toBe('NextMarker');
    expect(list.outputs.find((output) => output.concept === 'layer-version')).toMatchObject({
      name: 'LayerVersions[].Version',
      path: ['LayerVersions', '[]', 'Version'],
    });
    const versions = list.scenarios.find((scenario) => scenario.name === 'layer-versions')?.value as { LayerVersions: { Version: number }[] };
    expect(versions.LayerVersions.map((item) => item.Version)).toEqual([7, 6]);
  });

  it('routes every Tencent action to POST / and names it in X-TC-Action', () => {
    expect(scf.rpc?.actionHeader).toBe('X-TC-Action');
    for (const operation of Object.values(scf.operations)) {
      expect(operation).toMatchObject({ method: 'POST', path: '/', specPath: `/#${operation.id}`, action: { header: 'X-TC-Action', name: operation.id } });
    }
    expect(scf.operations.ListLayerVersions!.errorCodes).toContain('ResourceNotFound.Layer');
    expect(scf.operations.ListLayerVersions!.errorCodes).not.toContain('ResourceNotFound.LayerVersion');
    expect(scf.operations.GetLayerVersion!.errorCodes).not.toContain('ResourceNotFound.Layer');
  });
});
