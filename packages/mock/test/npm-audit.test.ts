// tools/npm-audit.mjs, CI's advisory check, against a stand-in `npm` that answers as npm audit does:
// an advisory endpoint that cannot be reached is printed and passes, a report without high or
// critical advisories passes, and one with a high advisory fails, naming the package. The stand-in
// answers from canned text, so nothing reaches the network.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const auditScript = fileURLToPath(new URL('../../../tools/npm-audit.mjs', import.meta.url));

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'layerspec-npm-audit-'));
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs the script with an `npm` first on PATH that prints `stdout` (as JSON) and `stderr`, and exits with `code`. */
function auditWith(name: string, answer: { stdout: unknown; stderr?: string; code: number }): Promise<{ code: number; output: string }> {
  const bin = join(folder, name);
  mkdirSync(bin);
  const answerFile = join(bin, 'answer.json');
  writeFileSync(answerFile, JSON.stringify(answer));
  const npm = join(bin, 'npm');
  writeFileSync(
    npm,
    [
      `#!${process.execPath}`,
      `const answer = require(${JSON.stringify(answerFile)});`,
      "if (process.argv[2] !== 'audit') process.exit(99);",
      'process.stdout.write(JSON.stringify(answer.stdout, null, 2));',
      "process.stderr.write(answer.stderr ?? '');",
      'process.exitCode = answer.code;',
    ].join('\n'),
  );
  chmodSync(npm, 0o755);
  return new Promise((resolve) => {
    execFile(process.execPath, [auditScript], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

const counts = (high: number) => ({ info: 0, low: 1, moderate: 0, high, critical: 0, total: 1 + high });

describe('tools/npm-audit.mjs', () => {
  it('prints why and passes when the advisory endpoint cannot be reached', async () => {
    const { code, output } = await auditWith('unreachable', {
      stdout: { message: '405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } },
      stderr: 'npm warn audit 405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error\n',
      code: 1,
    });
    expect(output).toContain('could not reach the advisory endpoint (npm warn audit 405 Method Not Allowed');
    expect(output).toContain('npm error audit endpoint returned an error); not counted');
    expect(code).toBe(0);
  });

  it('passes a report whose advisories are all below high', async () => {
    const low = { name: 'left-pad', severity: 'low', via: [{ title: 'Slow padding', url: 'https://example.invalid/low' }] };
    const { code, output } = await auditWith('clean', {
      stdout: { auditReportVersion: 2, vulnerabilities: { 'left-pad': low }, metadata: { vulnerabilities: counts(0) } },
      code: 0,
    });
    expect(output).toContain('no high or critical advisory (critical 0, high 0, moderate 0, low 1, info 0)');
    expect(code).toBe(0);
  });

  it('fails a report with a high advisory, naming the package and the advisory', async () => {
    const high = { name: 'lodash', severity: 'high', via: [{ title: 'Prototype Pollution in lodash', url: 'https://example.invalid/high' }] };
    const low = { name: 'left-pad', severity: 'low', via: ['lodash'] };
    const { code, output } = await auditWith('vulnerable', {
      stdout: { auditReportVersion: 2, vulnerabilities: { lodash: high, 'left-pad': low }, metadata: { vulnerabilities: counts(1) } },
      code: 1,
    });
    expect(output).toContain('1 package(s) with a high or critical advisory (critical 0, high 1, moderate 0, low 1, info 0)');
    expect(output).toContain('  lodash (high): Prototype Pollution in lodash https://example.invalid/high');
    expect(output).not.toContain('left-pad');
    expect(code).toBe(1);
  });
});
