// The specs are the one source of truth: a copy of the repository whose specs are edited (a
// tighter Tencent region pattern, a lower AWS LayerName maxLength, a new enum value, a new
// documented error code, and an AWS operation the project has never seen, GetLayerVersionPolicy,
// in plain OpenAPI) is regenerated and rebuilt, and its clients, mock and docs all follow with no
// hand edit. The copy lives in a temp dir, shares node_modules by symlink and is removed.
// It lives in docs because docs builds on mock, which builds on both clients and the specs, so
// turbo's hash of this test covers every package it exercises and a change to any reruns it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const repo = resolve(import.meta.dirname, '../../..');
const specFiles = ['specs/aws-lambda/openapi.yaml', 'specs/tencent-scf/openapi.yaml'];
const NEW_REGION_PATTERN = '^ap-[a-z]+(?:-[0-9]+)?$';
const NEW_MAX_LENGTH = 64;
const NEW_ARCHITECTURE = 'riscv64';
const NEW_STATUS = 'Archived';
const NEW_CODE = 'LayerVersionBusy';

const POLICY_PATH = '/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy';
const POLICY =
  '{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::223456789012:root"},"Action":"lambda:GetLayerVersion","Resource":"arn:aws:lambda:us-east-2:123456789012:layer:my-layer:1"}]}';
const REVISION_ID = '4843f2f6-7c59-4fda-b484-afd0bc0e22b8';

/** An operation the project has never seen, in plain OpenAPI: no extension beyond the API level's. */
function addPolicyOperation(doc: ReturnType<typeof parseDocument>): void {
  doc.setIn(
    ['paths', POLICY_PATH],
    doc.createNode({
      parameters: [{ $ref: '#/components/parameters/LayerName' }, { $ref: '#/components/parameters/VersionNumber' }],
      get: {
        operationId: 'GetLayerVersionPolicy',
        summary: 'Get the permissions policy of a layer version',
        description: 'Returns the permission policy for a version of a Lambda layer.',
        tags: ['Layers'],
        security: [{ sigv4: [] }],
        responses: {
          '200': {
            description: 'The policy of the layer version.',
            headers: { 'x-amzn-RequestId': { $ref: '#/components/headers/RequestId' } },
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    Policy: { type: 'string', description: 'The policy document.' },
                    RevisionId: { type: 'string', description: 'A unique identifier for the current revision of the policy.' },
                  },
                },
                examples: { 'layer-policy': { summary: 'A policy that shares the layer with another account', value: { Policy: POLICY, RevisionId: REVISION_ID } } },
              },
            },
          },
          '400': { $ref: '#/components/responses/InvalidParameterValueException' },
          '403': { $ref: '#/components/responses/AuthenticationError' },
          '404': { $ref: '#/components/responses/ResourceNotFoundException' },
          '429': { $ref: '#/components/responses/TooManyRequestsException' },
          '500': { $ref: '#/components/responses/ServiceException' },
        },
      },
    }),
  );
}

let copy: string;
const originalSpecs = new Map<string, string>();
let originalTrackedState: string;

/** What the original's tracked files hold against HEAD: its status and full diff. */
function trackedState(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return git('status', '--porcelain', '--untracked-files=no') + git('diff', 'HEAD');
}

/** The tracked files of the working tree (uncommitted edits included), copied one by one. */
function copyTrackedFiles(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(repo, file), join(to, file), { recursive: false });
    } catch (error) {
      // A tracked file deleted in the working tree is not part of it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** node_modules as a real dir of links to the original's entries, except @layerspec, whose relative links then point at the copy's packages. */
function linkNodeModules(to: string): void {
  const from = join(repo, 'node_modules');
  mkdirSync(join(to, 'node_modules'));
  for (const entry of readdirSync(from)) {
    if (entry === '@layerspec' || entry === '.package-lock.json') continue;
    symlinkSync(join(from, entry), join(to, 'node_modules', entry));
  }
  mkdirSync(join(to, 'node_modules/@layerspec'));
  for (const entry of readdirSync(join(from, '@layerspec'))) {
    symlinkSync(readlinkSync(join(from, '@layerspec', entry)), join(to, 'node_modules/@layerspec', entry));
  }
}

function editSpec(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): void {
  const path = join(copy, file);
  // intAsBigInt: an int64 bound (2^63 - 1) must be written back exactly, not as the nearest double.
  const doc = parseDocument(readFileSync(path, 'utf8'), { intAsBigInt: true });
  edit(doc);
  writeFileSync(path, doc.toString());
}

function run(script: 'generate' | 'build'): void {
  // --force: turbo's cache must not hand back outputs built from the unedited specs.
  execFileSync(process.execPath, ['tools/turbo.mjs', 'run', script, '--force'], {
    cwd: copy,
    stdio: 'pipe',
    env: { ...process.env, TURBO_CACHE_DIR: join(copy, '.turbo-cache') },
  });
}

const load = (path: string) => import(pathToFileURL(join(copy, path)).href);

beforeAll(async () => {
  for (const file of specFiles) originalSpecs.set(file, readFileSync(join(repo, file), 'utf8'));
  originalTrackedState = trackedState();
  copy = mkdtempSync(join(tmpdir(), 'layerspec-spec-change-'));
  copyTrackedFiles(copy);
  linkNodeModules(copy);

  editSpec('specs/aws-lambda/openapi.yaml', (doc) => {
    doc.setIn(['components', 'schemas', 'LayerName', 'maxLength'], NEW_MAX_LENGTH);
    (doc.getIn(['components', 'schemas', 'Architecture', 'enum']) as any).add(NEW_ARCHITECTURE);
    addPolicyOperation(doc);
  });
  editSpec('specs/tencent-scf/openapi.yaml', (doc) => {
    doc.setIn(['components', 'parameters', 'Region', 'schema', 'pattern'], NEW_REGION_PATTERN);
    (doc.getIn(['components', 'schemas', 'LayerVersionStatus', 'enum']) as any).add(NEW_STATUS);
    (doc.getIn(['components', 'schemas', 'ActionErrorCode', 'enum']) as any).add(NEW_CODE);
    doc.setIn(['components', 'schemas', 'ActionErrorCode', 'x-layerspec-errors', NEW_CODE], doc.createNode({ kind: 'throttled', retryable: true }, { flow: true }));
    // An RPC action's key in the spec is its pseudo-path, `/#<Action>`.
    const examples = ['paths', '/#GetLayerVersion', 'post', 'responses', '200', 'content', 'application/json', 'examples'];
    doc.setIn([...examples, 'layer-version-busy'], doc.createNode({ $ref: '#/components/examples/LayerVersionBusy' }));
    doc.setIn(
      ['components', 'examples', 'LayerVersionBusy'],
      doc.createNode({
        summary: 'The layer version is busy',
        value: { Response: { Error: { Code: NEW_CODE, Message: 'The layer version is busy.' }, RequestId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' } },
      }),
    );
    const archived = doc.getIn(['components', 'examples', 'LayerActive'], true) as any;
    const clone = archived.clone();
    clone.setIn(['summary'], 'An archived layer version');
    clone.setIn(['value', 'Response', 'Status'], NEW_STATUS);
    doc.setIn(['components', 'examples', 'LayerArchived'], clone);
    doc.setIn([...examples, 'layer-archived'], doc.createNode({ $ref: '#/components/examples/LayerArchived' }));
  });

  run('generate');
  run('build');
}, 900_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a spec change reaches the clients, the mock and the docs with no hand edit', () => {
  it('the original repository is untouched (the copy was separate)', () => {
    for (const [file, text] of originalSpecs) expect(readFileSync(join(repo, file), 'utf8')).toBe(text);
    // No generated file, spec or source of the original was rewritten by the copy's generate.
    expect(trackedState()).toBe(originalTrackedState);
    expect(readFileSync(join(repo, 'specs/aws-lambda/openapi.yaml'), 'utf8')).not.toBe(readFileSync(join(copy, 'specs/aws-lambda/openapi.yaml'), 'utf8'));
  });

  it('the AWS client refuses a LayerName past the new maxLength before sending anything', async () => {
    const { createLambdaClient, InvalidInputError } = await load('packages/aws-lambda/dist/index.js');
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return new Response('{}', { status: 500 });
    };
    const client = createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, fetch, maxAttempts: 1 });
    const error = await client.getLayerVersion({ LayerName: 'a'.repeat(NEW_MAX_LENGTH + 1), VersionNumber: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'LayerName' });
    expect((error as Error).message).toMatch(/maxLength|at most/);
    expect((error as Error).message).toContain(String(NEW_MAX_LENGTH));
    expect(sent).toHaveLength(0);
  });

  it('the Tencent client follows the new region pattern', async () => {
    const { createScfClient } = await load('packages/tencent-scf/dist/index.js');
    const credentials = { secretId: 'AKIDTEST', secretKey: 'secret' };
    expect(() => createScfClient({ region: 'eu-frankfurt', credentials })).toThrow(/^region /);
    expect(() => createScfClient({ region: 'ap-guangzhou', credentials })).not.toThrow();
  });

  it('the Tencent client gives the new code its declared kind and retryability', async () => {
    const { createScfClient } = await load('packages/tencent-scf/dist/index.js');
    const envelope = { Response: { RequestId: 'r1', Error: { Code: NEW_CODE, Message: 'busy' } } };
    const fetch = async () => new Response(JSON.stringify(envelope), { status: 200, headers: { 'content-type': 'application/json' } });
    const error = await createScfClient({ credentials: { secretId: 'AKIDTEST', secretKey: 'secret' }, fetch, maxAttempts: 1 })
      .getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: NEW_CODE, kind: 'throttled', retryable: true });
  });

  it('the AWS mock refuses the long LayerName with a 400', async () => {
    const { startMock } = await load('packages/mock/dist/index.js');
    const mock = await startMock({ provider: 'aws-lambda' });
    // Signatures are not checked here; the mock only wants an Authorization header.
    const headers = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' };
    const get = (name: string) => fetch(`${mock.url}/2018-10-31/layers/${name}/versions/1`, { headers });
    try {
      const long = await get('a'.repeat(NEW_MAX_LENGTH + 1));
      expect(long.status).toBe(400);
      const refusal = await long.text();
      expect(refusal).toMatch(/layerName/i);
      expect(refusal).toContain(String(NEW_MAX_LENGTH));
      expect((await get('a'.repeat(NEW_MAX_LENGTH))).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('the Tencent mock answers the new code and the new status, and the client reads them', async () => {
    const { startMock, defaultTestCredentials } = await load('packages/mock/dist/index.js');
    const { createScfClient } = await load('packages/tencent-scf/dist/index.js');
    for (const [scenario, check] of [
      ['layer-version-busy', (result: unknown) => expect(result).toMatchObject({ code: NEW_CODE, kind: 'throttled', retryable: true })],
      ['layer-archived', (result: unknown) => expect(result).toMatchObject({ Status: NEW_STATUS })],
    ] as const) {
      const mock = await startMock({ provider: 'tencent-scf', scenario });
      try {
        const client = createScfClient({ region: 'ap-guangzhou', endpoint: mock.url, credentials: defaultTestCredentials['tencent-scf'], maxAttempts: 1 });
        check(await client.getLayerVersion({ LayerName: 'utils', LayerVersion: 1 }).catch((e: unknown) => e));
      } finally {
        await mock.close();
      }
    }
  });

  it('the docs show the new bound, enum values and error code', () => {
    const aws = readFileSync(join(copy, 'packages/docs/dist/aws-lambda.html'), 'utf8');
    const tencent = readFileSync(join(copy, 'packages/docs/dist/tencent-scf.html'), 'utf8');
    const layerNameBound = /"maxLength":(\d+),"pattern":"\^\(\?:\(\?:arn/.exec(aws)?.[1];
    expect(layerNameBound).toBe(String(NEW_MAX_LENGTH));
    expect(aws).toContain(NEW_ARCHITECTURE);
    expect(tencent).toContain(NEW_STATUS);
    expect(tencent).toContain(NEW_CODE);
    expect(tencent).toContain(JSON.stringify(NEW_REGION_PATTERN).slice(1, -1));
  });

  it('the layer model page shows the new status value, with no neutral status until the layers package maps it', () => {
    const layers = readFileSync(join(copy, 'packages/docs/dist/layers.html'), 'utf8');
    expect(layers).toContain(`<code>${NEW_STATUS}</code> → <span class="none">no neutral status</span>`);
  });
});

describe('an operation from the spec alone: GetLayerVersionPolicy, added to the AWS spec, then generate and build', () => {
  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

  it("the AWS client has a typed getLayerVersionPolicy that refuses bad input by the spec's rules before sending", async () => {
    const { createLambdaClient, InvalidInputError } = await load('packages/aws-lambda/dist/index.js');
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return new Response('{}', { status: 500 });
    };
    const client = createLambdaClient({ region: 'us-east-1', credentials, fetch, maxAttempts: 1 });
    expect(typeof client.getLayerVersionPolicy).toBe('function');
    const error = await client.getLayerVersionPolicy({ LayerName: 'my layer', VersionNumber: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'LayerName' });
    expect((error as Error).message).toMatch(/pattern/);
    const below = await client.getLayerVersionPolicy({ LayerName: 'my-layer', VersionNumber: 0 }).catch((e: unknown) => e);
    expect(below).toMatchObject({ field: 'VersionNumber' });
    expect(sent).toHaveLength(0);
  });

  it('a strict consumer compiles against the new method, and not against a call that breaks its types', () => {
    const consumer = join(copy, 'policy-consumer.ts');
    writeFileSync(
      consumer,
      [
        "import { createLambdaClient } from '@layerspec/aws-lambda';",
        "const client = createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });",
        "const answer = await client.getLayerVersionPolicy({ LayerName: 'my-layer', VersionNumber: 1 });",
        'const policy: string | undefined = answer.Policy;',
        'const revision: string | undefined = answer.RevisionId;',
        '// @ts-expect-error VersionNumber is required',
        "void client.getLayerVersionPolicy({ LayerName: 'my-layer' });",
        '// @ts-expect-error the answer has no such member',
        'void answer.Statement;',
        'export { policy, revision };',
        '',
      ].join('\n'),
    );
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    const flags = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--noUncheckedIndexedAccess', '--skipLibCheck'];
    const options = [...flags, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node'];
    expect(() => execFileSync(process.execPath, [tsc, ...options, consumer], { cwd: copy, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it("the AWS mock answers it from its example, and refuses bad input with the provider's error", async () => {
    const { startMock, defaultTestCredentials } = await load('packages/mock/dist/index.js');
    const { createLambdaClient } = await load('packages/aws-lambda/dist/index.js');
    const mock = await startMock({ provider: 'aws-lambda', verifySignatures: true });
    try {
      const client = createLambdaClient({ region: 'us-east-1', endpoint: mock.url, credentials: defaultTestCredentials['aws-lambda'], maxAttempts: 1 });
      expect(await client.getLayerVersionPolicy({ LayerName: 'my-layer', VersionNumber: 1 })).toEqual({ Policy: POLICY, RevisionId: REVISION_ID });
      const headers = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' };
      const unsigned = await startMock({ provider: 'aws-lambda' });
      try {
        const refused = await fetch(`${unsigned.url}/2018-10-31/layers/my%20layer/versions/1/policy`, { headers });
        expect(refused.status).toBe(400);
        expect(refused.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
        expect(await refused.text()).toMatch(/layerName/);
      } finally {
        await unsigned.close();
      }
    } finally {
      await mock.close();
    }
  });

  it('the docs page shows it', () => {
    const aws = readFileSync(join(copy, 'packages/docs/dist/aws-lambda.html'), 'utf8');
    expect(aws).toContain('GetLayerVersionPolicy');
    expect(aws).toContain('Get the permissions policy of a layer version');
    // Its code samples call it by the names its operationId gives it.
    expect(aws).toContain('getLayerVersionPolicy(');
    expect(aws).toContain('GetLayerVersionPolicyCommand');
  });

  it('the portal compares it, on the AWS side only, the search finds it and the console offers it', () => {
    const portal = readFileSync(join(copy, 'packages/docs/dist/index.html'), 'utf8');
    const at = portal.indexOf('<section class="operation" id="operation--GetLayerVersionPolicy"');
    expect(at).toBeGreaterThan(0);
    const section = portal.slice(at);
    expect(section.slice(0, section.indexOf('</ul>'))).toContain('<li data-api="tencent-scf">Tencent Cloud SCF: <span class="none">no such operation</span></li>');
    expect(portal).toContain('<li data-operation="GetLayerVersionPolicy"><a href="aws-lambda.html#/');
    expect(portal).toContain('"kind":"operation","title":"GetLayerVersionPolicy"');
    const console = readFileSync(join(copy, 'packages/docs/dist/console.html'), 'utf8');
    expect(console).toContain('<option value="GetLayerVersionPolicy">GetLayerVersionPolicy (AWS Lambda only)</option>');
  });

  it('npm run diff rates it minor', async () => {
    const { diffApi } = await load('tools/spec-diff/diff.mjs');
    const { changes } = await diffApi('aws-lambda', { root: copy });
    const policy = changes.filter((change: { pointer: string }) => change.pointer.includes('~1policy'));
    expect(policy.length).toBeGreaterThan(0);
    expect(policy.map((change: { bump: string }) => change.bump)).toContain('minor');
    expect(policy.filter((change: { bump: string }) => change.bump === 'major')).toEqual([]);
  });
});
