// `npm start` (tools/start.mjs) hands the mocks it starts to the docs server, so the console's
// /mock/ forwarding reaches them. Lives here because it needs the docs build.
import { models } from '@layerspec/specs/model';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const START = fileURLToPath(new URL('../../../tools/start.mjs', import.meta.url));

describe('npm start and the console', () => {
  it("gives the docs server the mocks' URLs: GET /mock/ lists both, reachable, and a call is forwarded", async () => {
    const child = spawn(process.execPath, [START, '--aws-port', '0', '--tencent-port', '0', '--docs-port', '0', '--quiet'], { stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      while (!stdout.includes('Ctrl-C')) {
        if (child.exitCode !== null) throw new Error(`start.mjs exited early: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const urlOf = (label: string) => new RegExp(`^${label}\\s+(\\S+)`, 'm').exec(stdout)?.[1];
      const docs = urlOf('Docs');
      const listed = await (await fetch(`${docs}mock/`)).json();
      for (const api of ['aws-lambda', 'tencent-scf'] as const) {
        expect(listed.mocks[api]).toEqual({ url: urlOf(`${models[api].provider.name} mock`), path: `/mock/${api}/`, reachable: true });
      }
      // An unsigned call: the mock answers it as the provider answers a missing signature.
      const answer = await fetch(`${docs}mock/aws-lambda${Object.values(models['aws-lambda'].operations)[0]!.path.replace(/\{[^}]+\}/g, '1')}`);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      const { codeAt } = models['aws-lambda'].errors;
      expect(answer.headers.get(codeAt.in === 'header' ? codeAt.name : 'the spec names no error header')).toBeTruthy();
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
