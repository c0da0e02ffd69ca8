// Both specs pass `redocly lint` with the project's rules: no error and no warning.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiNames } from './bundles.js';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const config = resolve(import.meta.dirname, '../../../redocly.yaml');

function lint(api: string) {
  try {
    const out = execFileSync(process.execPath, [redocly, 'lint', api, '--config', config, '--format', 'json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.toString());
  } catch (error) {
    const stdout = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    return JSON.parse(stdout);
  }
}

describe.each(apiNames)('%s', (api) => {
  it('lints with zero errors and zero warnings', () => {
    const report = lint(api);
    const problems = report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
