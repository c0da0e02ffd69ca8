// Fixtures: one neutral file served by each mock in its provider's shape, provider-faithful
// misses, and a file that breaks the spec refused at start with the file, the entry and the rule.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureError, type RunningMock, startMock } from '../src/index.js';
import { specExamples } from './spec-examples.js';

const FIXTURES = new URL('./fixtures/layers.yaml', import.meta.url).pathname;
const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=test' };

let aws: RunningMock;
let tencent: RunningMock;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layerspec-fixtures-'));
  [aws, tencent] = await Promise.all([startMock({ provider: 'aws-lambda', fixtures: FIXTURES }), startMock({ provider: 'tencent-scf', fixtures: FIXTURES })]);
});
afterAll(async () => {
  await Promise.all([aws.close(), tencent.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function awsGet(name: string, version: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${aws.url}/2018-10-31/layers/${encodeURIComponent(name)}/versions/${version}`, { headers: { ...AUTH, ...headers } });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function tencentCall(body: unknown) {
  const response = await fetch(tencent.url, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json', 'x-tc-action': 'GetLayerVersion', 'x-tc-version': '2018-04-16', 'x-tc-timestamp': '1551113065' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { Response: Record<string, unknown> } };
}

/** Writes a fixture file and tries to start a mock with it. */
function startWith(provider: 'aws-lambda' | 'tencent-scf', yaml: string, name = 'bad.yaml') {
  const path = join(dir, name);
  writeFileSync(path, yaml);
  return { path, started: startMock({ provider, fixtures: path }) };
}

describe('a mock with fixtures', () => {
  it('answers AWS misses as Lambda does: 404, ResourceNotFoundException, its own body', async () => {
    for (const [name, version] of [
      ['nope', '99'],
      ['shared-deps', '4'],
    ] as const) {
      const answer = await awsGet(name, version);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(answer.body).toEqual({ Type: 'User', Message: 'The resource you requested does not exist.' });
    }
  });

  it('answers an AWS version below 1 with Lambda\'s own 400 and lower-case "message"', async () => {
    for (const version of ['0', '-1']) {
      const answer = await awsGet('shared-deps', version);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
      expect(answer.body).toEqual({ Type: 'User', message: 'Layer Version Cannot be less than 1' });
    }
  });

  it('still refuses a request that breaks the spec, as Prism validates every request', async () => {
    const answer = await awsGet('not a name', '3');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("at 'layerName'");
  });

  it('answers a Tencent miss with ResourceNotFound.LayerVersion in its envelope, with HTTP 200', async () => {
    const answer = await tencentCall({ LayerName: 'shared-deps', LayerVersion: 99 });
    expect(answer.status).toBe(200);
    expect(answer.body.Response.Error).toMatchObject({ Code: 'ResourceNotFound.LayerVersion' });
    expect(answer.body.Response.RequestId).toEqual(expect.any(String));
  });

  it("maps the neutral status to Tencent's own, and applies a provider's overrides", async () => {
    const answer = await tencentCall({ LayerName: 'legacy-tools', LayerVersion: 1 });
    expect(answer.body.Response).toMatchObject({
      Status: 'Deleting',
      CompatibleRuntimes: ['Nodejs16.13'],
      CodeSha256: '7f3faa779694bf9e1ec92bc5ea21ec2471dd05f131e0aeb884d26b3bdb4ab043',
      AddTime: '2019-11-26 16:15:33',
      Location: 'https://layers.example.com/legacy-tools/1.zip',
    });
    const awsAnswer = await awsGet('legacy-tools', '1');
    expect(awsAnswer.body).toMatchObject({ CompatibleRuntimes: ['nodejs16.x'], Content: { CodeSize: 2048, CodeSha256: 'fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM=' } });
  });

  it('does not show AWS a version that is not available, as Lambda answers only published versions', async () => {
    aws.setFixtures({ layers: [{ name: 'going-away', version: 2, status: 'deleting' }] });
    try {
      expect((await awsGet('going-away', '2')).status).toBe(404);
    } finally {
      aws.setFixtures(FIXTURES);
    }
  });

  it('still answers a request that asks for a named example with that example', async () => {
    const answer = await awsGet('nope', '99', { prefer: 'example=arm64-layer' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(specExamples('aws-lambda').find((example) => example.name === 'arm64-layer')?.value);
  });

  it('keeps the old fixtures when new ones break a rule', async () => {
    expect(() => aws.setFixtures({ layers: [{ name: 'x', version: 1, description: 'd'.repeat(300) }] })).toThrow(FixtureError);
    expect((await awsGet('shared-deps', '3')).status).toBe(200);
  });
});

describe('a fixture file that breaks a rule', () => {
  it('is refused at start, naming the file, the entry and the spec rule it broke', async () => {
    const { path, started } = startWith(
      'aws-lambda',
      `layers:\n  - name: ok\n    version: 1\n  - name: too-long\n    version: 2\n    description: '${'d'.repeat(300)}'\n`,
    );
    const error = await started.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FixtureError);
    expect((error as FixtureError).message).toMatch(
      new RegExp(
        `^${path}: layers\\[1\\] \\(too-long version 2\\): for aws-lambda: description: "d+\\.\\.\\. is longer than 256 characters \\(aws-lambda's Description\\)$`,
      ),
    );
  });

  it('is refused for a name the provider forbids, per provider', async () => {
    const yaml =
      'layers:\n  - { name: 9lives, version: 1, description: d, license: MIT, createdAt: 2024-01-01T00:00:00Z, runtimes: [], archive: { location: https://x.example/a.zip, sha256: fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM= } }\n';
    const error = await startWith('tencent-scf', yaml).started.catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/layers\[0\] \(9lives version 1\): for tencent-scf: name: "9lives" does not match the pattern \^\[A-Za-z\]/);
    // The same name is one AWS takes.
    const aws = await startWith('aws-lambda', yaml, 'aws.yaml').started;
    await aws.close();
  });

  it('is refused for a misspelt member, naming it', async () => {
    const error = await startWith('aws-lambda', 'layers:\n  - name: a\n    version: 1\n    descripton: typo\n').started.catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/bad\.yaml: layers\[0\] \(a version 1\): has the member "descripton", which no fixture has$/);
  });

  it('is refused for a runtime the provider has no name for, saying how to name it', async () => {
    const yaml = 'layers:\n  - name: a\n    version: 1\n    runtimes: [{ language: cobol, version: "85" }]\n';
    const error = await startWith('aws-lambda', yaml).started.catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/layers\[0\] \(a version 1\): for aws-lambda: .*runtimes\[0\]/);
  });

  it('is refused when an archive file is missing or its hash disagrees with its bytes', async () => {
    const missing = await startWith('aws-lambda', 'layers:\n  - name: a\n    version: 1\n    archive: { file: nowhere.zip }\n').started.catch(
      (caught: unknown) => caught,
    );
    expect((missing as Error).message).toMatch(/layers\[0\] \(a version 1\): archive\.file "nowhere\.zip" cannot be found in the fixture file.s folder: ENOENT/);
    writeFileSync(join(dir, 'a.zip'), 'bytes');
    const wrong = await startWith('aws-lambda', `layers:\n  - name: a\n    version: 1\n    archive: { file: a.zip, sha256: '${'0'.repeat(64)}' }\n`).started.catch(
      (caught: unknown) => caught,
    );
    expect((wrong as Error).message).toMatch(/archive\.sha256 is 0{64}, but the archive's SHA-256 is [0-9a-f]{64}/);
  });

  it("is refused for a layer that lacks a field the provider's answer requires", async () => {
    const error = await startWith('tencent-scf', 'layers:\n  - { name: a, version: 1 }\n').started.catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/layers\[0\] \(a version 1\): for tencent-scf: \w+: has no value, and tencent-scf's answer requires its \w+$/);
  });

  it('is refused when it repeats a name and version, or is not YAML', async () => {
    const twice = await startWith('aws-lambda', 'layers:\n  - { name: a, version: 1 }\n  - { name: a, version: 1 }\n').started.catch((caught: unknown) => caught);
    expect((twice as Error).message).toMatch(/layers\[1\] \(a version 1\): repeats a name and version given before/);
    const broken = await startWith('aws-lambda', 'layers: [\n').started.catch((caught: unknown) => caught);
    expect((broken as Error).message).toMatch(/bad\.yaml: \(file\): is not valid YAML or JSON/);
  });
});
