// The spec-diff engine and the breaking-change gate, on copies of the bundles edited in JS: each
// must-show case is rated, then run through the gate with a fake .changeset folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readApis, repoRoot } from '../../../tools/apis.mjs';
import { diffApi, renderMarkdown, renderText } from '../../../tools/spec-diff/diff.mjs';
import { checkGate, packagesOfApi } from '../../../tools/spec-diff/gate.mjs';
import type { ApiName, Json } from './bundles.js';
import { type Bump, changeset, makeRoot, setChangesets } from './spec-diff-root.js';

const apis = Object.keys(readApis());
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function root(api: ApiName, edit: (spec: Json) => void, pending: Record<string, string> = {}): string {
  const made = makeRoot(api, edit, pending);
  roots.push(made);
  return made;
}

/** The gate's failures for one API with a pending changeset giving `bump` to every package built from it. */
async function gateWith(dir: string, api: ApiName, bump: Bump): Promise<string[]> {
  setChangesets(dir, { [`spec-${bump}`]: changeset(bump, packagesOfApi(api, apis, dir)) });
  return checkGate({ root: dir, apis: [api] });
}

describe('packagesOfApi', () => {
  it('derives the packages built from an API from the workspace graph: specs, its client, layers and mock', () => {
    expect(packagesOfApi('aws-lambda', apis)).toEqual(['@layerspec/specs', '@layerspec/aws-lambda', '@layerspec/layers', '@layerspec/mock']);
    expect(packagesOfApi('tencent-scf', apis)).toEqual(['@layerspec/specs', '@layerspec/layers', '@layerspec/mock', '@layerspec/tencent-scf']);
  });
});

describe('spec changes since the last release', () => {
  it('reports "no changes" when the bundle is the release snapshot, and the gate passes with no changeset', async () => {
    const dir = root('aws-lambda', () => {});
    const result = await diffApi('aws-lambda', { root: dir });
    expect(result).toEqual({ api: 'aws-lambda', revision: '1.0.0', changes: [], bump: null });
    expect(renderText([result])).toBe('aws-lambda: no changes since 1.0.0');
    expect(renderMarkdown([result])).toContain('aws-lambda: no changes since 1.0.0');
    expect(await checkGate({ root: dir, apis: ['aws-lambda'] })).toEqual([]);
  });

  it('rates a removed response field major, and the gate fails with only a minor changeset', async () => {
    const dir = root('aws-lambda', (spec) => {
      delete spec.components.schemas.GetLayerVersionResponse.properties.Description;
    });
    const result = await diffApi('aws-lambda', { root: dir });
    expect(result.bump).toBe('major');
    expect(result.changes).toContainEqual(
      expect.objectContaining({ bump: 'major', part: 'response', field: 'GetLayerVersionResponse.Description', rule: 'property-removed', source: 'redocly' }),
    );
    // The consumer program reads Description, so it no longer compiles.
    expect(result.changes).toContainEqual(expect.objectContaining({ bump: 'major', rule: 'consumer-compile', source: 'layerspec' }));
    expect(renderText([result])).toMatch(/major response GetLayerVersion GetLayerVersionResponse\.Description: Property `Description`/);

    const failures = await gateWith(dir, 'aws-lambda', 'minor');
    expect(failures).toHaveLength(4);
    expect(failures).toContain(
      'aws-lambda: response field GetLayerVersionResponse.Description (Property `Description` of `GetLayerVersionResponse` was removed) is a major change; @layerspec/aws-lambda has only a minor changeset',
    );
    expect(await gateWith(dir, 'aws-lambda', 'major')).toEqual([]);
  });

  it('rates a new optional response field minor', async () => {
    const dir = root('aws-lambda', (spec) => {
      spec.components.schemas.GetLayerVersionResponse.properties.Owner = { type: 'string', description: 'The owner.' };
    });
    const result = await diffApi('aws-lambda', { root: dir });
    expect(result.bump).toBe('minor');
    expect(result.changes).toEqual([expect.objectContaining({ bump: 'minor', part: 'response', field: 'GetLayerVersionResponse.Owner' })]);
    expect(await gateWith(dir, 'aws-lambda', 'patch')).toContain(
      'aws-lambda: response field GetLayerVersionResponse.Owner (Schema added) is a minor change; @layerspec/specs has only a patch changeset',
    );
    expect(await gateWith(dir, 'aws-lambda', 'minor')).toEqual([]);
  });

  it('flags a new response enum value for exhaustive consumers, and the consumer switch breaks', async () => {
    const dir = root('tencent-scf', (spec) => {
      spec.components.schemas.LayerVersionStatus.enum.push('Frozen');
    });
    const result = await diffApi('tencent-scf', { root: dir });
    expect(result.changes).toContainEqual(
      expect.objectContaining({
        bump: 'minor',
        part: 'response',
        field: 'LayerVersionStatus',
        exhaustive: true,
        source: 'layerspec',
        rule: 'response-enum-values-added',
      }),
    );
    const exhaustive = result.changes.find((change) => change.exhaustive);
    expect(exhaustive?.message).toContain('exhaustive switch');
    const compile = result.changes.find((change) => change.rule === 'consumer-compile');
    expect(compile?.message).toMatch(/consumers\/tencent-scf\.ts:\d+: Type '"Frozen"' is not assignable to type 'never'/);
    expect(result.bump).toBe('major');
    expect(await gateWith(dir, 'tencent-scf', 'minor')).toHaveLength(4);
    expect(await gateWith(dir, 'tencent-scf', 'major')).toEqual([]);
  });

  it('rates a tightened request pattern major', async () => {
    const dir = root('aws-lambda', (spec) => {
      spec.components.schemas.LayerName.pattern = '^[a-z]+$';
    });
    const result = await diffApi('aws-lambda', { root: dir });
    expect(result.bump).toBe('major');
    expect(result.changes).toEqual([
      expect.objectContaining({ bump: 'major', part: 'request', operation: 'GetLayerVersion', field: 'LayerName', rule: 'schema-constraint-changed' }),
    ]);
    expect((await gateWith(dir, 'aws-lambda', 'minor'))[0]).toMatch(
      /^aws-lambda: request field LayerName \(`pattern` of `LayerName` changed .*\) is a major change; @layerspec\/specs has only a minor changeset$/,
    );
    expect(await gateWith(dir, 'aws-lambda', 'major')).toEqual([]);
  });

  it('rates a new value a request enum takes minor, where redocly says patch', async () => {
    const dir = root('tencent-scf', (spec) => {
      spec.components.parameters.Language.schema.enum.push('ja-JP');
    });
    const result = await diffApi('tencent-scf', { root: dir });
    expect(result.bump).toBe('minor');
    expect(result.changes[0]).toEqual(
      expect.objectContaining({ bump: 'minor', part: 'request', field: 'X-TC-Language', source: 'layerspec', rule: 'request-enum-values-added' }),
    );
    expect(result.changes).toContainEqual(expect.objectContaining({ bump: 'patch', source: 'redocly' }));
  });

  it('rates a description edit a patch; without a changeset the gate fails, with a patch one it passes', async () => {
    const dir = root('aws-lambda', (spec) => {
      spec.components.schemas.GetLayerVersionResponse.properties.Description.description = 'What the author wrote about the version.';
    });
    const result = await diffApi('aws-lambda', { root: dir });
    expect(result.bump).toBe('patch');
    expect(result.changes).toEqual([expect.objectContaining({ bump: 'patch', part: 'response', field: 'GetLayerVersionResponse.Description' })]);
    expect(await checkGate({ root: dir, apis: ['aws-lambda'] })).toContain(
      'aws-lambda: response field GetLayerVersionResponse.Description (Schema modified (description)) is a patch change; @layerspec/mock has no changeset',
    );
    expect(await gateWith(dir, 'aws-lambda', 'patch')).toEqual([]);
  });
});

describe('the gate on this repository', () => {
  it('passes: every spec change since its last release has a large enough pending changeset', async () => {
    const results = await Promise.all(apis.map((api) => diffApi(api)));
    // The headlines say "no changes since <revision>", or that an API has no snapshot yet.
    console.log(renderText(results));
    expect(await checkGate()).toEqual([]);
  });
});

describe('request constraints that callers feel', () => {
  const tightenings: [string, (spec: Json) => void, string][] = [
    ['a lowered request maxLength', (spec) => (spec.components.schemas.LayerName.maxLength = 10), 'schema-constraint-changed'],
    ['a raised request minimum', (spec) => (spec.components.schemas.LayerVersionNumber.minimum = 5), 'schema-constraint-changed'],
    ['a request enum value removed', (spec) => spec.components.parameters.Language.schema.enum.pop(), 'enum-values-removed'],
    [
      'a new required request body property',
      (spec) => {
        spec.components.schemas.GetLayerVersionRequest.properties.Zone = { type: 'string', description: 'The zone.' };
        spec.components.schemas.GetLayerVersionRequest.required.push('Zone');
      },
      'required-properties-added',
    ],
  ];
  it.each(tightenings)('rates %s major, and the gate wants a major changeset', async (_name, edit, rule) => {
    const dir = root('tencent-scf', edit);
    const result = await diffApi('tencent-scf', { root: dir });
    expect(result.bump).toBe('major');
    expect(result.changes[0]).toEqual(expect.objectContaining({ bump: 'major', part: 'request', operation: 'GetLayerVersion', rule }));
    expect(await gateWith(dir, 'tencent-scf', 'minor')).toHaveLength(4);
  });

  it('says which bundle is missing when the specs are not built', async () => {
    const dir = root('aws-lambda', () => {});
    rmSync(join(dir, 'packages', 'specs', 'dist'), { recursive: true });
    await expect(diffApi('aws-lambda', { root: dir })).rejects.toThrow('packages/specs/dist/aws-lambda.json is missing: run `npm run build`');
  });
});

describe('npm run diff', () => {
  it('prints each API in the terminal and writes markdown with --markdown, exit 0', () => {
    const folder = mkdtempSync(join(tmpdir(), 'layerspec-spec-diff-cli-'));
    roots.push(folder);
    const file = join(folder, 'diff.md');
    const run = spawnSync(process.execPath, [join(repoRoot, 'tools', 'spec-diff', 'cli.mjs'), '--markdown', file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const markdown = readFileSync(file, 'utf8');
    for (const api of apis) {
      expect(run.stdout).toMatch(new RegExp(`^${api}: `, 'm'));
      expect(markdown).toContain(`## ${api}`);
    }
  });
});
