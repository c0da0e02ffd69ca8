// The README's curl recipe, run as written against a mock with the fixture file (curl's requests
// made with fetch, so the test needs no curl on the machine).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { parseCurl, readmeRecipes } from './readme-recipes.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = readmeRecipes(readme);

it('the curl recipe does what the README says against a mock with the fixture file', async () => {
  const mock = await startMock({ provider: 'aws-lambda', fixtures: new URL('../fixtures/layers.yaml', import.meta.url).pathname });
  try {
    const curl = blocks
      .find((block) => block.name === 'curl')!
      .text.split('\n')
      .filter((line) => line.startsWith('curl '));
    const statuses: number[] = [];
    let saved = '';
    for (const line of curl) {
      const { method, url, headers, body, output } = parseCurl(line.replace('http://127.0.0.1:4010', mock.url));
      const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
      statuses.push(response.status);
      const text = await response.text();
      if (output) saved = text;
    }
    expect(statuses).toEqual([200, 200, 201, 429, 200, 200]);
    const har = JSON.parse(saved);
    expect(har.log.entries.map((entry: { response: { status: number } }) => entry.response.status)).toEqual([200, 429]);
  } finally {
    await mock.close();
  }
});
