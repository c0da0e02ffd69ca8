// The facts OpenAPI has no keyword for are read from the spec's x-layerspec-* extensions: a
// changed value flows into the model, and a missing one fails the generation naming it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readApi } from '../../../tools/apis.mjs';
import { readModel } from '../scripts/read-model.mjs';

/** A copy of a spec with extensions set at the given paths. */
function specWith(api: 'aws-lambda' | 'tencent-scf', edits: [(string | number)[], unknown][]): string {
  const document = parseDocument(readFileSync(readApi(api).root, 'utf8'), { intAsBigInt: true });
  for (const [path, value] of edits) document.setIn(path, value);
  const file = join(mkdtempSync(join(tmpdir(), 'layerspec-model-ext-')), 'openapi.yaml');
  writeFileSync(file, document.toString());
  return file;
}

it('reads provider, signing, mock port and server variable facts from the spec', async () => {
  const signing = {
    algorithm: 'AWS4-HMAC-SHA256',
    service: 'lambda-test',
    signedHeaders: ['host'],
    dateHeader: 'X-Amz-Date',
    tokenHeader: 'X-Amz-Security-Token',
    maxClockSkewSeconds: 900,
    scopeTerminator: 'aws4_request',
    hostIncludesPort: true,
    pathEncodedTwice: true,
  };
  const root = specWith('aws-lambda', [
    [['info', 'x-layerspec-provider', 'label'], 'Lambda'],
    [['info', 'x-layerspec-provider', 'protocolId'], 'rest-json-test'],
    [['components', 'securitySchemes', 'sigv4', 'x-layerspec-signing'], signing],
    [['x-layerspec-mock'], { port: 5010 }],
    [['servers', 0, 'variables', 'region', 'x-layerspec-pattern'], '^[a-z-]+$'],
  ]);
  const model = await readModel('aws-lambda', { root });
  expect(model.provider.label).toBe('Lambda');
  expect(model.protocol.id).toBe('rest-json-test');
  expect(model.signing).toMatchObject({ ...signing, scheme: 'sigv4', header: 'Authorization' });
  expect(model.mock.defaultPort).toBe(5010);
  expect(model.servers[0]?.variables.region?.pattern).toBe('^[a-z-]+$');
});

it('reads error kinds and retryability, digest encoding and date shape from the spec', async () => {
  const schemas = ['components', 'schemas'];
  const root = specWith('tencent-scf', [
    [[...schemas, 'ActionErrorCode', 'x-layerspec-errors', 'InternalError.System'], { kind: 'service', retryable: false }],
    [[...schemas, 'ListLayerVersionsActionErrorCode', 'x-layerspec-errors', 'InternalError.System'], { kind: 'service', retryable: false }],
    [[...schemas, 'CommonErrorCode', 'x-layerspec-errors', 'LimitExceeded'], { kind: 'throttled', retryable: true }],
    [[...schemas, 'GetLayerVersionResult', 'properties', 'CodeSha256', 'x-layerspec-encoding'], { digest: 'sha256', as: 'hex' }],
    [[...schemas, 'AddTime', 'x-layerspec-date'], { shape: 'YYYY-MM-DD hh:mm:ss', utcOffset: '+09:00' }],
  ]);
  const model = await readModel('tencent-scf', { root });
  const entry = (code: string) => model.errors.entries.find((candidate) => candidate.code === code);
  expect(entry('InternalError.System')).toMatchObject({ kind: 'service', retryable: false });
  expect(entry('LimitExceeded')).toMatchObject({ kind: 'throttled', retryable: true });
  expect(entry('InternalError')).toMatchObject({ kind: 'service', retryable: true });
  const outputs = model.operations.GetLayerVersion!.outputs;
  expect(outputs.find((output) => output.name === 'CodeSha256')?.encoding).toEqual({ digest: 'sha256', as: 'hex' });
  expect(outputs.find((output) => output.name === 'AddTime')?.date).toEqual({ shape: 'YYYY-MM-DD hh:mm:ss', utcOffset: '+09:00' });
  // One schema, read wherever the spec refers to it: the list's items carry the same date.
  expect(model.operations.ListLayerVersions!.outputs.find((output) => output.name === 'LayerVersions[].AddTime')?.date).toEqual({
    shape: 'YYYY-MM-DD hh:mm:ss',
    utcOffset: '+09:00',
  });
});

it.each([
  [['info', 'x-layerspec-provider', 'label'], /info.x-layerspec-provider needs label/],
  [['x-layerspec-mock'], /x-layerspec-mock needs port/],
  [['components', 'schemas', 'GetLayerVersionResult', 'properties', 'CodeSha256', 'x-layerspec-encoding'], /CodeSha256: a digest needs x-layerspec-encoding/],
  [['components', 'schemas', 'AddTime', 'x-layerspec-date'], /AddTime: a date needs x-layerspec-date/],
  [['components', 'schemas', 'CommonErrorCode', 'x-layerspec-errors', 'ServiceUnavailable'], /error ServiceUnavailable: x-layerspec-errors needs a kind/],
])('refuses a spec without %j, naming it', async (path, message) => {
  const root = specWith('tencent-scf', []);
  const document = parseDocument(readFileSync(root, 'utf8'), { intAsBigInt: true });
  expect(document.deleteIn(path)).toBe(true);
  writeFileSync(root, document.toString());
  await expect(readModel('tencent-scf', { root })).rejects.toThrow(message);
});

it('refuses an error that means something else in another operation, naming the code and the operation', async () => {
  const root = specWith('tencent-scf', [
    [['components', 'schemas', 'ListLayerVersionsActionErrorCode', 'x-layerspec-errors', 'InternalError'], { kind: 'service', retryable: false }],
  ]);
  await expect(readModel('tencent-scf', { root })).rejects.toThrow(/error InternalError must mean the same in every operation; ListLayerVersions gives it another/);
});

it('refuses an RPC action whose pseudo-path does not name its action', async () => {
  const root = specWith('tencent-scf', []);
  const document = parseDocument(readFileSync(root, 'utf8'), { intAsBigInt: true });
  const item = document.getIn(['paths', '/#ListLayerVersions']);
  document.deleteIn(['paths', '/#ListLayerVersions']);
  document.setIn(['paths', '/#ListVersions'], item);
  writeFileSync(root, document.toString());
  await expect(readModel('tencent-scf', { root })).rejects.toThrow(
    /POST \/#ListVersions: an RPC action's path must be the shared path, # and its action, here \/#ListLayerVersions/,
  );
});

it('refuses a pseudo-path in an API that is not RPC', async () => {
  const root = specWith('aws-lambda', []);
  const document = parseDocument(readFileSync(root, 'utf8'), { intAsBigInt: true });
  const item = document.getIn(['paths', '/2018-10-31/layers/{LayerName}/versions']);
  document.deleteIn(['paths', '/2018-10-31/layers/{LayerName}/versions']);
  document.setIn(['paths', '/2018-10-31/layers/{LayerName}/versions#list'], item);
  writeFileSync(root, document.toString());
  await expect(readModel('aws-lambda', { root })).rejects.toThrow(/only an RPC API \(x-layerspec-rpc\) keys its operations by a pseudo-path/);
});

it('refuses an error rule that is not a boolean, naming the code', async () => {
  const root = specWith('tencent-scf', [
    [['components', 'schemas', 'CommonErrorCode', 'x-layerspec-errors', 'ServiceUnavailable'], { kind: 'service', retryable: 'yes' }],
  ]);
  await expect(readModel('tencent-scf', { root })).rejects.toThrow(/error ServiceUnavailable: x-layerspec-errors needs retryable/);
});

it('reads the error-code format from the spec, and refuses one without a group `code` or that differs between responses', async () => {
  // The 400 responses of both operations share one error-type header component.
  const header = (response: string) =>
    response === 'InvalidParameterValueException'
      ? ['components', 'headers', 'InvalidParameterValueErrorType', 'x-layerspec-code-format']
      : ['components', 'responses', response, 'headers', 'x-amzn-ErrorType', 'x-layerspec-code-format'];
  const responses = ['InvalidParameterValueException', 'AuthenticationError', 'ResourceNotFoundException', 'TooManyRequestsException', 'ServiceException'];
  const changed = specWith(
    'aws-lambda',
    responses.map((response) => [header(response), '^(?<code>[A-Za-z]+)']),
  );
  expect((await readModel('aws-lambda', { root: changed })).errors.codeFormat).toBe('^(?<code>[A-Za-z]+)');
  const unnamed = specWith(
    'aws-lambda',
    responses.map((response) => [header(response), '^([A-Za-z]+)']),
  );
  await expect(readModel('aws-lambda', { root: unnamed })).rejects.toThrow(
    /error response: x-layerspec-code-format must be a regular expression with a named group `code`; it has none/,
  );
  const broken = specWith(
    'aws-lambda',
    responses.map((response) => [header(response), '^(?<code>[A-Z']),
  );
  await expect(readModel('aws-lambda', { root: broken })).rejects.toThrow(
    /x-layerspec-code-format must be a regular expression with a named group `code`: Invalid regular expression/,
  );
  const differing = specWith('aws-lambda', [[header('ServiceException'), '^(?<code>.+)']]);
  await expect(readModel('aws-lambda', { root: differing })).rejects.toThrow(
    /x-layerspec-code-format must be the same on the error-code of every error response; found .*500: \^\(\?<code>\.\+\)/,
  );
});

it('states once where every error answer names its code and request ID, and refuses a response that puts either elsewhere', async () => {
  const model = await readModel('aws-lambda', { root: specWith('aws-lambda', []) });
  expect(model.errors).toMatchObject({ codeAt: { in: 'header', name: 'x-amzn-ErrorType' }, requestIdAt: { in: 'header', name: 'x-amzn-RequestId' } });
  expect(model.errors.entries.some((entry) => 'codeAt' in entry || 'requestIdAt' in entry)).toBe(false);
  const withoutRequestId = specWith('aws-lambda', [[['components', 'responses', 'ServiceException', 'headers', 'x-amzn-RequestId'], { schema: { type: 'string' } }]]);
  await expect(readModel('aws-lambda', { root: withoutRequestId })).rejects.toThrow(
    /every error response must carry its error-code and request-id in the same place; found .*500: \{"codeAt":\{"in":"header","name":"x-amzn-ErrorType"\},"requestIdAt":null\}/,
  );
});

it('refuses an x-layerspec-signing that lacks a fact, naming it', async () => {
  const root = specWith('aws-lambda', [[['components', 'securitySchemes', 'sigv4', 'x-layerspec-signing'], { algorithm: 'AWS4-HMAC-SHA256', service: 'lambda' }]]);
  await expect(readModel('aws-lambda', { root })).rejects.toThrow(/x-layerspec-signing of sigv4 lacks signedHeaders, dateHeader/);
});
