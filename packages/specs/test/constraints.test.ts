// One row per fact of the provider pages (shared/seeds), so that deleting a constraint from a
// spec fails a test. Each row names where the fact lives and the keywords it must carry.
import { describe, expect, it } from 'vitest';
import { effectiveSchema, loadBundle, resolvePointer, type ApiName, type Json } from './bundles.js';

const AWS_LAYER_NAME = '(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+';
const AWS_LAYER_ARN = 'arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+';
const AWS_RUNTIMES = [
  'nodejs',
  'nodejs4.3',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'java8',
  'java8.al2',
  'java11',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'python3.9',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet6',
  'nodejs4.3-edge',
  'go1.x',
  'ruby2.5',
  'ruby2.7',
  'provided',
  'provided.al2',
  'nodejs18.x',
  'python3.10',
  'java17',
  'ruby3.2',
  'python3.11',
  'nodejs20.x',
  'provided.al2023',
  'python3.12',
  'java21',
  'dotnet8',
  'dotnet10',
  'java25',
  'nodejs22.x',
  'nodejs24.x',
  'python3.13',
  'python3.14',
  'ruby3.3',
  'ruby3.4',
  'ruby4.0',
];

const awsOp = '#/paths/~12018-10-31~1layers~1{LayerName}~1versions~1{VersionNumber}/get';
const awsBody = '#/components/schemas/GetLayerVersionResponse/properties';
const tcResult = '#/components/schemas/GetLayerVersionResult/properties';
const tcRequest = '#/components/schemas/GetLayerVersionRequest/properties';

type Row = { api: ApiName; fact: string; at: string; expected: Json };

const rows: Row[] = [
  // AWS Lambda, 003_a7c38632b4238766.txt
  {
    api: 'aws-lambda',
    fact: 'LayerName is a string of 1 to 140 characters',
    at: '#/components/schemas/LayerName',
    expected: { type: 'string', minLength: 1, maxLength: 140 },
  },
  {
    api: 'aws-lambda',
    fact: 'LayerName has the provider pattern, anchored',
    at: '#/components/schemas/LayerName',
    expected: { pattern: `^(?:${AWS_LAYER_NAME.replace('(arn', '(?:arn')})$` },
  },
  { api: 'aws-lambda', fact: 'VersionNumber is a 64-bit integer (Long)', at: '#/components/schemas/LayerVersionNumber', expected: { type: 'integer', format: 'int64' } },
  { api: 'aws-lambda', fact: 'CompatibleArchitectures holds at most 2 items', at: `${awsBody}/CompatibleArchitectures`, expected: { type: 'array', maxItems: 2 } },
  {
    api: 'aws-lambda',
    fact: 'an architecture is x86_64 or arm64',
    at: `${awsBody}/CompatibleArchitectures/items`,
    expected: { type: 'string', enum: ['x86_64', 'arm64'] },
  },
  { api: 'aws-lambda', fact: 'CompatibleRuntimes holds at most 15 items', at: `${awsBody}/CompatibleRuntimes`, expected: { type: 'array', maxItems: 15 } },
  { api: 'aws-lambda', fact: 'the documented runtimes are all listed', at: '#/components/schemas/KnownRuntime', expected: { type: 'string', enum: AWS_RUNTIMES } },
  { api: 'aws-lambda', fact: 'Content is a LayerVersionContentOutput object', at: `${awsBody}/Content`, expected: { type: 'object' } },
  { api: 'aws-lambda', fact: 'Content.CodeSha256 is a string', at: '#/components/schemas/LayerVersionContentOutput/properties/CodeSha256', expected: { type: 'string' } },
  {
    api: 'aws-lambda',
    fact: 'Content.CodeSize is a 64-bit integer',
    at: '#/components/schemas/LayerVersionContentOutput/properties/CodeSize',
    expected: { type: 'integer', format: 'int64' },
  },
  { api: 'aws-lambda', fact: 'Content.Location is a string', at: '#/components/schemas/LayerVersionContentOutput/properties/Location', expected: { type: 'string' } },
  {
    api: 'aws-lambda',
    fact: 'Content.SigningJobArn is a string',
    at: '#/components/schemas/LayerVersionContentOutput/properties/SigningJobArn',
    expected: { type: 'string' },
  },
  {
    api: 'aws-lambda',
    fact: 'Content.SigningProfileVersionArn is a string',
    at: '#/components/schemas/LayerVersionContentOutput/properties/SigningProfileVersionArn',
    expected: { type: 'string' },
  },
  { api: 'aws-lambda', fact: 'CreatedDate is a string', at: `${awsBody}/CreatedDate`, expected: { type: 'string' } },
  { api: 'aws-lambda', fact: 'Description is 0 to 256 characters', at: `${awsBody}/Description`, expected: { type: 'string', minLength: 0, maxLength: 256 } },
  {
    api: 'aws-lambda',
    fact: 'LayerArn is 1 to 140 characters with the provider pattern, anchored',
    at: `${awsBody}/LayerArn`,
    expected: { type: 'string', minLength: 1, maxLength: 140, pattern: `^${AWS_LAYER_ARN}$` },
  },
  {
    api: 'aws-lambda',
    fact: 'LayerVersionArn is 1 to 140 characters with the provider pattern, anchored',
    at: `${awsBody}/LayerVersionArn`,
    expected: { type: 'string', minLength: 1, maxLength: 140, pattern: `^${AWS_LAYER_ARN}:[0-9]+$` },
  },
  { api: 'aws-lambda', fact: 'LicenseInfo is at most 512 characters', at: `${awsBody}/LicenseInfo`, expected: { type: 'string', maxLength: 512 } },
  { api: 'aws-lambda', fact: 'Version is a 64-bit integer (Long)', at: `${awsBody}/Version`, expected: { type: 'integer', format: 'int64' } },
  { api: 'aws-lambda', fact: 'the success is HTTP 200 with JSON', at: `${awsOp}/responses/200/content/application~1json`, expected: {} },
  {
    api: 'aws-lambda',
    fact: 'InvalidParameterValueException is HTTP 400',
    at: `${awsOp}/responses/400/headers/x-amzn-ErrorType/schema`,
    expected: { const: 'InvalidParameterValueException' },
  },
  {
    api: 'aws-lambda',
    fact: 'ResourceNotFoundException is HTTP 404',
    at: `${awsOp}/responses/404/headers/x-amzn-ErrorType/schema`,
    expected: { const: 'ResourceNotFoundException' },
  },
  { api: 'aws-lambda', fact: 'ServiceException is HTTP 500', at: `${awsOp}/responses/500/headers/x-amzn-ErrorType/schema`, expected: { const: 'ServiceException' } },
  {
    api: 'aws-lambda',
    fact: 'TooManyRequestsException is HTTP 429',
    at: `${awsOp}/responses/429/headers/x-amzn-ErrorType/schema`,
    expected: { const: 'TooManyRequestsException' },
  },
  {
    api: 'aws-lambda',
    fact: 'InvalidParameterValueException spells its message in lower case',
    at: `${awsOp}/responses/400/content/application~1json/schema`,
    expected: { required: ['message'] },
  },
  {
    api: 'aws-lambda',
    fact: 'ResourceNotFoundException spells its Message with a capital',
    at: `${awsOp}/responses/404/content/application~1json/schema`,
    expected: { required: ['Message'] },
  },
  {
    api: 'aws-lambda',
    fact: 'TooManyRequestsException spells its message in lower case',
    at: `${awsOp}/responses/429/content/application~1json/schema`,
    expected: { required: ['message'] },
  },
  {
    api: 'aws-lambda',
    fact: 'ServiceException spells its Message with a capital',
    at: `${awsOp}/responses/500/content/application~1json/schema`,
    expected: { required: ['Message'] },
  },
  // Tencent Cloud SCF, 000_b82b161558e8480d.txt
  {
    api: 'tencent-scf',
    fact: 'Action is GetLayerVersion',
    at: '#/components/parameters/Action',
    expected: { name: 'X-TC-Action', required: true, schema: { type: 'string', enum: ['GetLayerVersion'] } },
  },
  {
    api: 'tencent-scf',
    fact: 'Version is 2018-04-16',
    at: '#/components/parameters/Version',
    expected: { name: 'X-TC-Version', required: true, schema: { type: 'string', enum: ['2018-04-16'] } },
  },
  { api: 'tencent-scf', fact: 'Region is not required', at: '#/components/parameters/Region', expected: { name: 'X-TC-Region', required: false } },
  {
    api: 'tencent-scf',
    fact: 'LayerName and LayerVersion are required',
    at: '#/components/schemas/GetLayerVersionRequest',
    expected: { required: ['LayerName', 'LayerVersion'] },
  },
  { api: 'tencent-scf', fact: 'LayerName is a string', at: `${tcRequest}/LayerName`, expected: { type: 'string' } },
  { api: 'tencent-scf', fact: 'LayerVersion is an integer', at: `${tcRequest}/LayerVersion`, expected: { type: 'integer', format: 'int64' } },
  { api: 'tencent-scf', fact: 'CompatibleRuntimes is an array of strings', at: `${tcResult}/CompatibleRuntimes`, expected: { type: 'array', items: { type: 'string' } } },
  { api: 'tencent-scf', fact: 'CodeSha256 is a string', at: `${tcResult}/CodeSha256`, expected: { type: 'string' } },
  { api: 'tencent-scf', fact: 'Location is a string', at: `${tcResult}/Location`, expected: { type: 'string' } },
  { api: 'tencent-scf', fact: 'AddTime is a string', at: `${tcResult}/AddTime`, expected: { type: 'string' } },
  { api: 'tencent-scf', fact: 'Description is a string', at: `${tcResult}/Description`, expected: { type: 'string' } },
  { api: 'tencent-scf', fact: 'LicenseInfo is a string', at: `${tcResult}/LicenseInfo`, expected: { type: 'string' } },
  { api: 'tencent-scf', fact: 'LayerVersion in the answer is an integer', at: `${tcResult}/LayerVersion`, expected: { type: 'integer', format: 'int64' } },
  { api: 'tencent-scf', fact: 'LayerName in the answer is a string', at: `${tcResult}/LayerName`, expected: { type: 'string' } },
  {
    api: 'tencent-scf',
    fact: 'Status has every layer version status',
    at: `${tcResult}/Status`,
    expected: { type: 'string', enum: ['Active', 'Publishing', 'PublishFailed', 'Deleting', 'DeleteFailed', 'Deleted'] },
  },
  { api: 'tencent-scf', fact: 'RequestId is a string', at: `${tcResult}/RequestId`, expected: { type: 'string' } },
  {
    api: 'tencent-scf',
    fact: 'the action error codes are documented',
    at: '#/components/schemas/ActionErrorCode',
    expected: { enum: ['InternalError', 'InternalError.System', 'ResourceNotFound.LayerVersion', 'UnauthorizedOperation.CAM'] },
  },
];

describe.each(rows.map((row) => [row.api, row.fact, row] as const))('%s: %s', (_api, _fact, row) => {
  it('is encoded in the spec', () => {
    const doc = loadBundle(row.api);
    const node = effectiveSchema(doc, resolvePointer(doc, row.at));
    const actual = node.schema ? { ...node, schema: effectiveSchema(doc, node.schema) } : node;
    if (actual.items) actual.items = effectiveSchema(doc, actual.items);
    expect(actual).toMatchObject(row.expected);
  });
});

describe('provider examples', () => {
  it('keeps the Tencent page example request and response verbatim', () => {
    const doc = loadBundle('tencent-scf');
    expect(resolvePointer(doc, '#/components/examples/ProviderRequest/value')).toEqual({ LayerName: 'abc', LayerVersion: 0 });
    const answer = resolvePointer(doc, '#/components/examples/LayerActive/value').Response;
    expect(answer).toMatchObject({
      Status: 'Active',
      LayerVersion: 1,
      LayerName: 'layer3',
      AddTime: '2019-11-26 16:15:33',
      CompatibleRuntimes: ['Nodejs8.9', 'Nodejs6.10'],
      RequestId: '6c7578ed-b816-4e50-930a-54e855452b8b',
    });
  });

  it('AWS runtimes accept a name newer than the documented list', () => {
    const doc = loadBundle('aws-lambda');
    const runtime = resolvePointer(doc, '#/components/schemas/Runtime');
    expect(runtime.anyOf).toHaveLength(2);
  });

  it('the newer-runtime example names only runtimes that the documented list still lacks', () => {
    const doc = loadBundle('aws-lambda');
    const known: string[] = resolvePointer(doc, '#/components/schemas/KnownRuntime').enum;
    const runtimes: string[] = resolvePointer(doc, '#/components/examples/NewerRuntimeLayer/value').CompatibleRuntimes;
    expect(runtimes.length).toBeGreaterThan(0);
    expect(runtimes.filter((name) => known.includes(name))).toEqual([]);
  });
});
