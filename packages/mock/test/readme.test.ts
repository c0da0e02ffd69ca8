// The README's scenario list is generated from the specs; this fails when the two drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { README, readmeBlock, renderScenarioBlock } from '../scripts/readme-scenarios.mjs';
import { readmeRecipes } from './recipes/readme-recipes.js';
import { specExamples } from './spec-examples.js';

const readme = readFileSync(README as string, 'utf8');

describe('README scenario list', () => {
  it('is what `npm run generate` (readme-scenarios.mjs) writes from the bundled specs', () => {
    expect(readmeBlock(readme)).toBe(renderScenarioBlock());
  });

  it('lists exactly the example names of both specs', () => {
    const listed = [...(readmeBlock(readme) as string).matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    const expected = [...specExamples('aws-lambda'), ...specExamples('tencent-scf')].map((example) => example.name);
    expect(listed).toEqual(expected);
  });
});

describe('README addresses', () => {
  it('name only the default ports the mock and docs packages define', async () => {
    const { DEFAULT_PORTS } = await import('../src/ports.js');
    const { DEFAULT_PORT: docsPort } = await import('../../docs/src/server.js');
    const defaults = [...Object.values(DEFAULT_PORTS), docsPort];
    for (const file of ['../../../README.md', '../README.md', '../../docs/README.md']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      // Ports of the dynamic range (49152 and up) are examples of what port 0 gets.
      const ports = [...text.matchAll(/127\.0\.0\.1:(\d+)/g)].map((match) => Number(match[1])).filter((port) => port < 49152);
      expect(ports.length, file).toBeGreaterThan(0);
      expect(
        ports.filter((port) => !defaults.includes(port)),
        file,
      ).toEqual([]);
    }
  });
});

describe('README recipes', () => {
  const blocks = readmeRecipes(readme);

  it('show each recipe test file exactly as it is run', () => {
    const files = blocks.filter((block) => block.name.endsWith('.ts'));
    expect(files.map((block) => block.name)).toEqual(['test/recipes/our-clients.test.ts', 'test/recipes/official-sdks.test.ts']);
    for (const block of files) expect(block.text, block.name).toBe(readFileSync(new URL(`../${block.name}`, import.meta.url), 'utf8').trimEnd());
  });
});
