// The README's scenario list is generated from the specs; this fails when the two drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { README, readmeBlock, renderScenarioBlock } from '../scripts/readme-scenarios.mjs';
import { specExamples } from './spec-examples.js';

const readme = readFileSync(README as string, 'utf8');

describe('README scenario list', () => {
  it('is what `npm run readme:scenarios` writes from the bundled specs', () => {
    expect(readmeBlock(readme)).toBe(renderScenarioBlock());
  });

  it('lists exactly the example names of both specs', () => {
    const listed = [...(readmeBlock(readme) as string).matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    const expected = [...specExamples('aws-lambda'), ...specExamples('tencent-scf')].map((example) => example.name);
    expect(listed).toEqual(expected);
  });
});
