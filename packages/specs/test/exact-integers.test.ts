// JSON and YAML writers that go through JavaScript numbers round integers above 2^53; the
// bundles must keep every integer of the specs digit for digit (int64 bounds are 2^63 - 1).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readApi } from '../../../tools/apis.mjs';
import { apiNames, loadBundle } from './bundles.js';

const require = createRequire(import.meta.url);

const sourceOf = (api: string): string => readFileSync(readApi(api).root, 'utf8');

describe.each(apiNames)('%s bundle', (api) => {
  const bigIntegers = [...sourceOf(api).matchAll(/:\s+(-?\d{17,})\s*$/gm)].map((match) => match[1]!);

  it('has integers above 2^53 in its source (the case this guards)', () => {
    expect(bigIntegers).toContain('9223372036854775807');
  });

  it('keeps each of them exactly, in JSON and in YAML', () => {
    for (const ext of ['json', 'yaml'] as const) {
      const text: string = ext === 'json' ? readFileSync(require.resolve(`@layerspec/specs/${api}.json`), 'utf8') : loadBundle(api, 'yaml');
      for (const digits of bigIntegers) expect(text).toContain(digits);
      expect(text).not.toContain(String(Number(bigIntegers[0])));
    }
  });
});
