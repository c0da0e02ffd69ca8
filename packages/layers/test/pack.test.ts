// A team outside the monorepo: `npm pack` @layerspec/layers (with the tarballs of the clients and
// the specs it depends on), install it into an empty project, type-check a consumer with tsc and
// run it against both mocks (serving one real archive): two LayerVersions it compares field by field.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { defaultTestCredentials, type RunningMock, startMock } from '@layerspec/mock';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackedProject, packAndInstall, typeCheck, unpublishedFiles } from '../../client-runtime/testing/pack.js';

const run = promisify(execFile);
let project: PackedProject;
let aws: RunningMock;
let tencent: RunningMock;

beforeAll(async () => {
  // Both mocks serve the same small archive at their answers' Location, with its size and SHA-256.
  [aws, tencent] = await Promise.all([
    startMock({ provider: 'aws-lambda', serveArchive: true, fixedRequestIds: true }),
    startMock({ provider: 'tencent-scf', serveArchive: true, fixedRequestIds: true }),
  ]);
  project = packAndInstall(resolve(import.meta.dirname, '..'));
}, 300_000);

afterAll(async () => {
  await Promise.all([aws?.close(), tencent?.close()]);
});

const consumer = `import { createLambdaClient } from '@layerspec/aws-lambda';
import { createScfClient } from '@layerspec/tencent-scf';
import { createLayersClient, layerVersionJson, type LayerVersion, type LayersClient } from '@layerspec/layers';

/** A LayerVersion's neutral fields as JSON, archive fields as archive.*: provider and raw aside. */
function fields(layer: LayerVersion): Record<string, unknown> {
  const { provider, raw, archive, ...rest } = JSON.parse(layerVersionJson(layer)) as Record<string, any>;
  const flat: Record<string, unknown> = { ...rest };
  for (const [key, value] of Object.entries(archive as object)) flat['archive.' + key] = value;
  return flat;
}

export async function compare(awsUrl: string, tencentUrl: string): Promise<unknown> {
  const layers: LayersClient = createLayersClient({
    'aws-lambda': createLambdaClient({ region: 'us-west-2', endpoint: awsUrl, maxAttempts: 1, credentials: ${JSON.stringify(defaultTestCredentials['aws-lambda'])} }),
    'tencent-scf': createScfClient({ region: 'ap-guangzhou', endpoint: tencentUrl, maxAttempts: 1, credentials: ${JSON.stringify(defaultTestCredentials['tencent-scf'])} }),
    context: { 'tencent-scf': { region: 'ap-guangzhou' } },
  });
  const fromAws = await layers.getLayerVersion({ provider: 'aws-lambda', name: 'my-layer', version: 1 });
  const fromTencent = await layers.getLayerVersion({ provider: 'tencent-scf', name: 'layer3', version: 1n });
  const provider: 'aws-lambda' = fromAws.provider;
  const bytes = await Promise.all([layers.downloadLayerVersion(fromAws, { allowHttp: true }), layers.downloadLayerVersion(fromTencent, { allowHttp: true })]);
  const a = fields(fromAws);
  const t = fields(fromTencent);
  const shared = Object.keys(a).filter((key) => key in t).sort();
  return {
    provider,
    layers: [JSON.parse(layerVersionJson(fromAws)), JSON.parse(layerVersionJson(fromTencent))],
    shared: Object.fromEntries(shared.map((key) => [key, { aws: a[key], tencent: t[key] }])),
    awsOnly: Object.keys(a).filter((key) => !(key in t)).sort(),
    tencentOnly: Object.keys(t).filter((key) => !(key in a)).sort(),
    downloaded: bytes.map((b) => Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('')),
  };
}
`;

describe('the packed @layerspec/layers', () => {
  it('holds the build, the JSON Schema, README and LICENSE, and no sources, tests or scripts', () => {
    expect(project.files).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/layer-version.schema.json',
        'package/README.md',
        'package/LICENSE',
        'package/package.json',
      ]),
    );
    expect(unpublishedFiles(project.files)).toEqual([]);
  });

  it('type-checks a consumer and runs it against both mocks: two LayerVersions compared field by field', async () => {
    writeFileSync(join(project.dir, 'consumer.ts'), consumer);
    writeFileSync(
      join(project.dir, 'main.ts'),
      `import { compare } from './consumer.js';\nconst [awsUrl, tencentUrl] = (globalThis as any).process.argv.slice(2);\nconsole.log(JSON.stringify(await compare(awsUrl, tencentUrl)));\n`,
    );
    typeCheck(project.dir);
    const { stdout } = await run(process.execPath, [join(project.dir, 'out/main.js'), aws.url, tencent.url], { cwd: project.dir });
    const result = JSON.parse(stdout);
    const [fromAws, fromTencent] = result.layers;

    // Every LayerVersion validates against the schema the tarball ships.
    const schema = JSON.parse(readFileSync(join(project.dir, 'node_modules/@layerspec/layers/layer-version.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const layer of result.layers) expect(validate(layer), ajv.errorsText(validate.errors)).toBe(true);
    expect(fromAws.provider).toBe('aws-lambda');
    expect(fromTencent.provider).toBe('tencent-scf');

    // What only one provider knows: AWS the ARN and the size, neither of which Tencent gives.
    expect(result.awsOnly).toEqual(expect.arrayContaining(['arn', 'archive.size']));
    expect(result.tencentOnly).toEqual([]);
    expect(Object.keys(result.shared)).toEqual(
      expect.arrayContaining(['name', 'version', 'region', 'description', 'license', 'createdAt', 'runtimes', 'status', 'archive.location', 'archive.sha256']),
    );
    // Both mocks serve one archive: AWS names its digest in base64, Tencent in hex, and the two
    // LayerVersions carry the same { hex, base64 }; both downloads verified the same bytes.
    expect(result.shared['archive.sha256'].aws).toEqual(result.shared['archive.sha256'].tencent);
    expect(result.downloaded[0]).toBe(result.downloaded[1]);
    expect(result.downloaded[0].length / 2).toBe(fromAws.archive.size);
    // The two mocks answer with different example layers, so each other shared field is
    // compared by its shape: the same JSON type and, for the structured fields, the same keys.
    for (const [field, { aws: a, tencent: t }] of Object.entries<{ aws: unknown; tencent: unknown }>(result.shared)) {
      expect(typeof t, field).toBe(typeof a);
      expect(Array.isArray(t), field).toBe(Array.isArray(a));
    }
    expect(new Date(result.shared.createdAt.aws).toISOString()).toBe(result.shared.createdAt.aws);
    expect(new Date(result.shared.createdAt.tencent).toISOString()).toBe(result.shared.createdAt.tencent);
    for (const runtime of [...result.shared.runtimes.aws, ...result.shared.runtimes.tencent])
      expect(Object.keys(runtime).sort()).toEqual(['language', 'name', 'version']);
    // Where the two example layers do agree, the LayerVersions say so.
    expect(result.shared.version).toEqual({ aws: 1, tencent: 1 });
    expect(result.shared.status).toEqual({ aws: 'available', tencent: 'available' });
  }, 300_000);
});
