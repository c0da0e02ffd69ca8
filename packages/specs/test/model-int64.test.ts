// int64 bounds reach the model exactly: 9223372036854775807 read as a JS number would become
// 9223372036854776000, a bound the provider never wrote.
import { describe, expect, it } from 'vitest';
import { readApi } from '../../../tools/apis.mjs';
import { loadDereferenced } from '../scripts/read-model.mjs';
import { models } from '../src/generated/index.js';

const INT64_MAX = (2n ** 63n - 1n).toString();

describe('int64 bounds', () => {
  it('are read exactly by the model generator', async () => {
    const document = await loadDereferenced(readApi('aws-lambda').root);
    expect(document.components.schemas.LayerVersionNumber.maximum).toBe(2n ** 63n - 1n);
  });

  it('are written into the model as exact decimal text', () => {
    const bounds = [
      ['aws-lambda', 'input VersionNumber', models['aws-lambda'].operations.GetLayerVersion!.inputs.find((input) => input.name === 'VersionNumber')],
      ['aws-lambda', 'output Version', models['aws-lambda'].operations.GetLayerVersion!.outputs.find((output) => output.name === 'Version')],
      ['tencent-scf', 'input LayerVersion', models['tencent-scf'].operations.GetLayerVersion!.inputs.find((input) => input.name === 'LayerVersion')],
      ['tencent-scf', 'output LayerVersion', models['tencent-scf'].operations.GetLayerVersion!.outputs.find((output) => output.name === 'LayerVersion')],
      [
        'tencent-scf',
        'list item LayerVersion',
        models['tencent-scf'].operations.ListLayerVersions!.outputs.find((output) => output.name === 'LayerVersions[].LayerVersion'),
      ],
      ['aws-lambda', 'list item Version', models['aws-lambda'].operations.ListLayerVersions!.outputs.find((output) => output.name === 'LayerVersions[].Version')],
    ] as const;
    for (const [api, what, field] of bounds) {
      expect({ api, what, maximum: field?.maximum }).toEqual({ api, what, maximum: INT64_MAX });
      expect(BigInt(field!.maximum!)).toBe(2n ** 63n - 1n);
    }
    // The reason for text: the same bound as a number is off by 193.
    expect(String(Number(INT64_MAX))).not.toBe(INT64_MAX);
  });

  it('keep small bounds exact too', () => {
    expect(models['aws-lambda'].operations.GetLayerVersion!.inputs.find((input) => input.name === 'VersionNumber')?.minimum).toBe('1');
    expect(models['tencent-scf'].operations.GetLayerVersion!.inputs.find((input) => input.name === 'LayerVersion')?.minimum).toBe('0');
  });
});
