// tools/drift.mjs (`npm run drift`) on real mock traffic: every scenario of both mocks, called
// through our typed clients, recorded as journal entries, exported with journalToHar and checked by
// `redocly drift` against the specs. The traffic passes as recorded; each field broken in the HAR
// text fails the check, and the report names it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLambdaClient } from '@layerspec/aws-lambda';
import { createScfClient } from '@layerspec/tencent-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';
import { journalToHar } from '../src/state/har.js';
import { type JournalEntry, REDACTED } from '../src/state/journal-entry.js';
import { specExamples } from './spec-examples.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const driftScript = join(repoRoot, 'tools/drift.mjs');
// Each run starts redocly once per API; the machine may be loaded.
const DRIFT_TIMEOUT = 120_000;

let aws: RunningMock;
let tencent: RunningMock;
let folder: string;
const journal: JournalEntry[] = [];

/** A fetch that records each exchange into `into` as the mock's journal would, the signature redacted. */
function recordingFetch(verified: boolean, into: JournalEntry[] = journal) {
  return async (request: Request): Promise<Response> => {
    const sent = request.clone();
    const startedAt = new Date();
    const response = await fetch(request);
    const body = await response.clone().text();
    const headers = Object.fromEntries(sent.headers);
    if (headers.authorization) headers.authorization = REDACTED;
    into.push({
      sequence: into.length + 1,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      request: { method: sent.method, url: sent.url, headers, body: await sent.text() },
      signature: verified ? { status: 'verified' } : { status: 'unsigned' },
      answer: { kind: 'answered', status: response.status, headers: Object.fromEntries(response.headers), body },
    });
    return response;
  };
}

function runDrift(...files: string[]): Promise<{ code: number; output: string }> {
  return runNode([driftScript, ...files]);
}

function runNode(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

function writeHar(name: string, entries: JournalEntry[]): string {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(journalToHar(entries), null, 2));
  return file;
}

/** The recorded call of one mock that asked for `scenario` (undefined: the call without `Prefer`). */
function recorded(mock: RunningMock, scenario: string | undefined): JournalEntry {
  const found = journal.find(
    (entry) =>
      entry.request.url.startsWith(mock.url) && (scenario === undefined ? !('prefer' in entry.request.headers) : entry.request.headers.prefer === `example=${scenario}`),
  );
  if (!found) throw new Error(`no recorded call of ${mock.provider} for ${scenario ?? 'the default scenario'}`);
  return found;
}

/** The entry with its answer's JSON body changed by `change`. */
function withBody(entry: JournalEntry, change: (body: any) => void): JournalEntry {
  if (entry.answer.kind !== 'answered') throw new Error('only an answered entry has a body to change');
  const body = JSON.parse(entry.answer.body);
  change(body);
  return { ...entry, answer: { ...entry.answer, body: JSON.stringify(body) } };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'layerspec-drift-test-'));
  [aws, tencent] = await Promise.all([startMock({ provider: 'aws-lambda', verifySignatures: true }), startMock({ provider: 'tencent-scf', verifySignatures: true })]);
  const lambda = createLambdaClient({
    region: 'us-east-1',
    endpoint: aws.url,
    credentials: defaultTestCredentials['aws-lambda'],
    maxAttempts: 1,
    fetch: recordingFetch(true),
  });
  const scf = createScfClient({
    region: 'ap-guangzhou',
    endpoint: tencent.url,
    credentials: defaultTestCredentials['tencent-scf'],
    maxAttempts: 1,
    fetch: recordingFetch(true),
  });
  const ignoreErrors = () => undefined;
  await lambda.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 });
  await scf.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
  // The clients call GetLayerVersion: every example of it, through them.
  for (const { name } of specExamples('aws-lambda', 'GetLayerVersion')) {
    await lambda.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }, { headers: { Prefer: `example=${name}` } }).catch(ignoreErrors);
  }
  for (const { name } of specExamples('tencent-scf', 'GetLayerVersion')) {
    await scf.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }, { headers: { Prefer: `example=${name}` } }).catch(ignoreErrors);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([aws?.close(), tencent?.close()]);
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('npm run drift (tools/drift.mjs)', () => {
  it('recorded one call per scenario of each mock, and each success and error status', () => {
    const scenarios = specExamples('aws-lambda', 'GetLayerVersion').length + specExamples('tencent-scf', 'GetLayerVersion').length;
    expect(journal).toHaveLength(2 + scenarios);
    const awsStatuses = new Set(
      journal.filter((entry) => entry.request.url.startsWith(aws.url)).map((entry) => (entry.answer.kind === 'answered' ? entry.answer.status : 0)),
    );
    expect(awsStatuses).toEqual(new Set([200, ...specExamples('aws-lambda', 'GetLayerVersion').map((example) => example.status)]));
    expect(recorded(tencent, 'resource-not-found').answer).toMatchObject({ status: 200, body: expect.stringContaining('"Error"') });
  });

  it(
    'passes the traffic of both mocks as recorded, every scenario, and skips the entries without a whole answer',
    async () => {
      const first = journal[0]!;
      const dropped: JournalEntry = { ...first, sequence: journal.length + 1, answer: { kind: 'dropped' }, fault: 'drop' };
      const answer = first.answer.kind === 'answered' ? first.answer : undefined;
      const cutOff: JournalEntry = { ...first, sequence: journal.length + 2, answer: { ...answer!, kind: 'cut-off', bytesSent: 5 }, fault: 'cut' };
      const { code, output } = await runDrift(writeHar('both.har', [...journal, dropped, cutOff]));
      expect(output).toMatch(/^aws-lambda \(packages\/specs\/dist\/aws-lambda\.json\): \d+ exchange\(s\) checked, no drift$/m);
      expect(output).toMatch(/^tencent-scf \(packages\/specs\/dist\/tencent-scf\.json\): \d+ exchange\(s\) checked, no drift$/m);
      expect(output).toContain(`aws-lambda (packages/specs/dist/aws-lambda.json): ${specExamples('aws-lambda', 'GetLayerVersion').length + 1} exchange(s) checked`);
      expect(output).toContain(`tencent-scf (packages/specs/dist/tencent-scf.json): ${specExamples('tencent-scf', 'GetLayerVersion').length + 1} exchange(s) checked`);
      expect(output).toContain('skipped 2 entries without a whole answer');
      expect(output).toContain('drift: no errors');
      expect(code).toBe(0);
    },
    DRIFT_TIMEOUT,
  );

  it(
    'fails an AWS success answer whose Version is a string, naming the field',
    async () => {
      const broken = withBody(recorded(aws, undefined), (body) => {
        body.Version = String(body.Version);
      });
      const file = writeHar('aws-version.har', [broken, recorded(aws, 'resource-not-found')]);
      const { code, output } = await runDrift(file);
      expect(output).toContain('error   schema-consistency: Response field "Version" must be integer. (response /Version)');
      expect(output).toContain(`${file} entry 0`);
      expect(output).toContain('tencent-scf (packages/specs/dist/tencent-scf.json): no traffic');
      expect(output).toContain('drift: 1 error(s)');
      expect(code).toBe(1);
    },
    DRIFT_TIMEOUT,
  );

  it(
    'fails an AWS error answer with a status the spec does not document, which redocly drift alone passes',
    async () => {
      const notFound = recorded(aws, 'resource-not-found');
      const teapot: JournalEntry = notFound.answer.kind === 'answered' ? { ...notFound, answer: { ...notFound.answer, status: 418 } } : notFound;
      const { code, output } = await runDrift(writeHar('aws-status.har', [recorded(aws, undefined), teapot]));
      expect(output).toMatch(/undocumented-status \(tools\/drift\.mjs\): Response status 418 is not documented for GetLayerVersion \(documented: [^)]*404/);
      expect(code).toBe(1);
    },
    DRIFT_TIMEOUT,
  );

  it(
    "fails a Tencent error envelope whose Error.Code is a number, naming the field, and a success answer's LayerVersion as a string",
    async () => {
      const badCode = withBody(recorded(tencent, 'resource-not-found'), (body) => {
        body.Response.Error.Code = 404;
      });
      const badVersion = withBody(recorded(tencent, undefined), (body) => {
        body.Response.LayerVersion = String(body.Response.LayerVersion);
      });
      const { code, output } = await runDrift(writeHar('tencent.har', [badCode, badVersion]));
      expect(output).toContain('Response field "Response.Error.Code" must be string. (response /Response/Error/Code)');
      expect(output).toContain('Response field "Response.LayerVersion" must be integer. (response /Response/LayerVersion)');
      expect(output).toContain('aws-lambda (packages/specs/dist/aws-lambda.json): no traffic');
      expect(code).toBe(1);
    },
    DRIFT_TIMEOUT,
  );

  it(
    "reports a call of no operation under the API its origin serves, and one from an origin of no API's traffic as its own error",
    async () => {
      const unknownRoute = `${aws.url}/2015-03-31/functions/my-function`;
      const calls: JournalEntry[] = [];
      await recordingFetch(false, calls)(new Request(unknownRoute, { headers: { Authorization: 'x' } }));
      const offRoute = calls[0]!;
      const elsewhere: JournalEntry = { ...offRoute, request: { ...offRoute.request, url: 'http://127.0.0.1:9/elsewhere' } };
      const file = writeHar('unmatched.har', [recorded(aws, undefined), offRoute, elsewhere]);
      const { code, output } = await runDrift(file);
      expect(output).toContain('aws-lambda (packages/specs/dist/aws-lambda.json): 2 exchange(s) checked, 1 error(s)');
      expect(output).toContain('undocumented-endpoint: Undocumented endpoint: GET /2015-03-31/functions/my-function');
      expect(output).toContain(
        `traffic of no API:\n  error   no-api: No operation of aws-lambda or tencent-scf matches this request, and its origin served no documented call`,
      );
      expect(output).toContain(`GET http://127.0.0.1:9/elsewhere -> ${offRoute.answer.kind === 'answered' ? offRoute.answer.status : 0}, ${file} entry 2`);
      expect(output).toContain('drift: 2 error(s)');
      expect(code).toBe(1);
    },
    DRIFT_TIMEOUT,
  );

  it('refuses a file that is not a HAR log, naming the field, before running redocly', async () => {
    const file = join(folder, 'not-a-har.json');
    writeFileSync(file, JSON.stringify({ entries: [] }));
    const { code, output } = await runDrift(file);
    expect(output).toContain(`drift: ${file}: log.entries must be an array, as in every HAR file`);
    expect(code).toBe(2);
  });
});

describe('npm run drift on the HAR a mock writes itself', () => {
  it(
    'passes the traffic of mocks serving fixtures, misses and faults included, and fails once an answer breaks the spec',
    async () => {
      const fixtures = new URL('./fixtures/layers.yaml', import.meta.url).pathname;
      const [awsMock, tencentMock] = await Promise.all([startMock({ provider: 'aws-lambda', fixtures }), startMock({ provider: 'tencent-scf', fixtures })]);
      try {
        const lambda = createLambdaClient({ region: 'eu-central-1', endpoint: awsMock.url, credentials: defaultTestCredentials['aws-lambda'], maxAttempts: 1 });
        const scf = createScfClient({ region: 'ap-guangzhou', endpoint: tencentMock.url, credentials: defaultTestCredentials['tencent-scf'], maxAttempts: 1 });
        await lambda.getLayerVersion({ LayerName: 'shared-deps', VersionNumber: 3 });
        await lambda.getLayerVersion({ LayerName: 'shared-deps', VersionNumber: 4 }).catch(() => undefined);
        // The client refuses a version below 1 before sending it, so this one goes by hand.
        await fetch(`${awsMock.url}/2018-10-31/layers/shared-deps/versions/0`, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } });
        awsMock.fault({ kind: 'throttle' });
        await lambda.getLayerVersion({ LayerName: 'shared-deps', VersionNumber: 3 }).catch(() => undefined);
        await scf.getLayerVersion({ LayerName: 'legacy-tools', LayerVersion: 1 });
        await scf.getLayerVersion({ LayerName: 'legacy-tools', LayerVersion: 2 }).catch(() => undefined);
        // The HAR as a team in another language fetches it, from each mock's control API.
        const hars = await Promise.all([awsMock, tencentMock].map(async (mock) => (await fetch(`${mock.controlUrl}requests.har`)).json()));
        expect(hars.map((har) => har.log.entries.map((entry: { response: { status: number } }) => entry.response.status))).toEqual([
          [200, 404, 400, 429],
          [200, 200],
        ]);
        const files = hars.map((har, index) => {
          const file = join(folder, `mock-${index}.har`);
          writeFileSync(file, JSON.stringify(har));
          return file;
        });
        const passed = await runDrift(...files);
        expect(passed.output).not.toMatch(/✖|error\(s\)/);
        expect(passed.code, passed.output).toBe(0);

        const [awsHar] = hars;
        const answer = awsHar.log.entries[0].response.content;
        answer.text = JSON.stringify({ ...JSON.parse(answer.text), CreatedDate: 'yesterday' });
        const broken = join(folder, 'mock-broken.har');
        writeFileSync(broken, JSON.stringify(awsHar));
        const failed = await runDrift(broken);
        expect(failed.code, failed.output).toBe(1);
        expect(failed.output).toContain('CreatedDate');
      } finally {
        await Promise.all([awsMock.close(), tencentMock.close()]);
      }
    },
    DRIFT_TIMEOUT,
  );
});

/** The characters a terminal or a CI log reads as commands: C0 (but the line feed), DEL, C1, line and paragraph separators, bidi controls. */
function terminalControls(output: string): string[] {
  return [...output]
    .filter((character) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(character))
    .map((character) => `U+${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** Lines a GitHub Actions runner would take as workflow commands: it trims leading space, then looks for `::`. */
function workflowCommands(output: string): string[] {
  return output.split('\n').filter((line) => line.trimStart().startsWith('::'));
}

describe('npm run drift on hostile HAR text', () => {
  const ESC = '\u001b';
  const BEL = '\u0007';

  /** The recorded AWS success call as one HAR entry, for a test to spoil. */
  function awsEntry(): any {
    return structuredClone(journalToHar([recorded(aws, undefined)]).log.entries[0]);
  }

  it(
    'prints escape sequences, separators and bidi controls from the HAR as visible text, and no HAR line as a workflow command',
    async () => {
      const entries = [awsEntry()];
      const colouredMethod = awsEntry();
      colouredMethod.request.method = `GET${ESC}[31m${ESC}]0;title${BEL}`;
      const linkedUrl = awsEntry();
      linkedUrl.request.url = linkedUrl.request.url.replace('my-layer', `my-layer${ESC}]8;;http://evil${BEL}x`);
      const header = awsEntry();
      header.request.headers.push({ name: `x-evil${ESC}[31m\u009b2j\u2028\u202e\u2066`, value: `${ESC}]0;title${BEL}` });
      const bodyField = awsEntry();
      const body = JSON.parse(bodyField.response.content.text);
      bodyField.response.content.text = JSON.stringify({ ...body, Version: `${ESC}]0;title${BEL}`, [`Evil${ESC}[31m\n::error file=x::body`]: 1 });
      const errorCommand = awsEntry();
      errorCommand.request.method = 'GET\n::error file=x::pwned';
      const warningCommand = awsEntry();
      warningCommand.request.method = '::warning file=x::pwned';
      const elsewhere = awsEntry();
      elsewhere.request.method = 'GET\n::error file=x::orphan';
      elsewhere.request.url = 'http://127.0.0.1:9/elsewhere';
      entries.push(colouredMethod, linkedUrl, header, bodyField, errorCommand, warningCommand, elsewhere);
      const file = join(folder, `hostile-${ESC}]0;title${BEL}\u2028.har`);
      writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));

      const { code, output } = await runDrift(file);
      expect(terminalControls(output), output).toEqual([]);
      expect(workflowCommands(output), output).toEqual([]);
      // What the HAR held is still there, as text to read.
      expect(output).toContain('x-evil\\x1b[31m\\x9b2j\\u2028\\u202e\\u2066');
      // A method that is no HTTP token is quoted, so that it begins no line.
      expect(output).toContain('"GET\\n::error file=x::orphan" http://127.0.0.1:9/elsewhere');
      expect(output).toContain('hostile-\\x1b]0;title\\x07\\u2028.har entry 7');
      // And the check's verdict is the one it gives any other traffic: five errors of the AWS API, one of no API.
      expect(output).toContain('aws-lambda (packages/specs/dist/aws-lambda.json): 7 exchange(s) checked, 5 error(s)');
      expect(output).toContain('Response field "Version" must be integer. (response /Version)');
      expect(output).toContain('drift: 6 error(s)');
      expect(code).toBe(1);
    },
    DRIFT_TIMEOUT,
  );

  it('prints the escape sequences of a file that is not JSON as visible text', async () => {
    const file = join(folder, 'not-json.har');
    writeFileSync(file, `${ESC}]0;title${BEL}${ESC}[2J\n::error file=x::pwned\n`);
    const { code, output } = await runDrift(file);
    expect(output).toContain(`drift: ${file}: not a readable JSON file`);
    expect(terminalControls(output), output).toEqual([]);
    expect(workflowCommands(output), output).toEqual([]);
    expect(code).toBe(2);
  });

  it(
    'keeps __proto__, constructor and prototype keys of the HAR out of Object.prototype, and its verdict as for any other keys',
    async () => {
      // Each HAR object the script reads gets the keys: the entry, its request, headers, query,
      // body and answer, and the mock's `_layerspec` field, whose `answer` decides what is skipped.
      const hostileKeys = '"__proto__":{"polluted":true,"answer":"dropped"},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}';
      const poisoned = (entry: any) => {
        const query = { name: '__proto__', value: 'x' };
        entry.request.headers.push({ name: '__proto__', value: '{"polluted":true}' });
        entry.request.queryString.push(query);
        entry.request.postData = { mimeType: 'application/json', text: `{${hostileKeys}}` };
        entry.response.content.text = entry.response.content.text.replace(/^\{/, `{${hostileKeys},`);
        return JSON.stringify(entry).replace(/\{"(name|mimeType|method|status|sequence|startedDateTime)"/g, `{${hostileKeys},"$1"`);
      };
      const clean = awsEntry();
      const broken = awsEntry();
      broken.response.content.text = JSON.stringify({ ...JSON.parse(broken.response.content.text), Version: 'one' });
      const file = join(folder, 'proto.har');
      writeFileSync(file, `{"log":{${hostileKeys},"version":"1.2","creator":{"name":"test","version":"1"},"entries":[${poisoned(clean)},${poisoned(broken)}]}}`);
      expect(readFileSync(file, 'utf8').match(/"__proto__":\{"polluted"/g)?.length).toBeGreaterThan(10);

      // The script's own process reports, as it exits, what a fresh object inherits.
      const probe = join(folder, 'prototype-probe.mjs');
      const report = join(folder, 'prototype-probe.json');
      writeFileSync(
        probe,
        `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(report)}, JSON.stringify({ polluted: String(({}).polluted), answer: String(({}).answer) })));\n`,
      );
      const { code, output } = await runNode(['--import', probe, driftScript, file]);
      expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({ polluted: 'undefined', answer: 'undefined' });
      expect(({} as any).polluted).toBeUndefined();
      expect(output).toContain('aws-lambda (packages/specs/dist/aws-lambda.json): 2 exchange(s) checked, 1 error(s)');
      expect(output).toContain('Response field "Version" must be integer. (response /Version)');
      expect(output).toContain(`${file} entry 1`);
      expect(output).not.toContain('skipped');
      expect(code, output).toBe(1);
    },
    DRIFT_TIMEOUT,
  );
});
