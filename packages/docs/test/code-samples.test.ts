// The code samples the reference pages show, as the build makes them: the TypeScript ones are
// type-checked against the installed client packages and official SDKs, and the curl ones run
// against the mocks (signatures verified), so a renamed export, a changed field or a wrong
// signing recipe fails here instead of in a reader's terminal.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signRequest } from '@layerspec/aws-lambda';
import { type RunningMock, startMock } from '@layerspec/mock';
import { models, type ApiModel } from '@layerspec/specs/model';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCodeSamples } from '../src/code-samples.js';
import { listFields } from '../src/fields.js';
import { providerFacts } from '../src/sides.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const providers = JSON.parse(readFileSync(join(packageDir, 'providers.json'), 'utf8'));
const templatesDir = join(packageDir, 'templates', 'code-samples');
const apis = Object.keys(providers.apis) as (keyof typeof models)[];

/** Each operation's samples. */
function samplesOf(api: keyof typeof models) {
  const model: ApiModel = models[api];
  const { provider } = providerFacts(model, providers.apis[api]);
  const fields = listFields(model);
  return {
    model,
    provider,
    operations: Object.values(model.operations).map((operation) => ({
      operation,
      samples: buildCodeSamples({ api, operation, fields, provider, mockCommand: providers.mockCommand, templatesDir }),
    })),
  };
}

/**
 * The diagnostics of TypeScript sources compiled as ES modules in this package's folder, so
 * imports resolve to the installed packages as a reader's project would.
 */
function typeErrors(sources: Record<string, string>): string[] {
  const files = new Map(Object.entries(sources).map(([name, text]) => [join(packageDir, 'test', `${name}.sample.mts`), text]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Node's own crypto in place of the openssl program, which a fresh machine may not have. */
const OPENSSL_STAND_IN = fileURLToPath(new URL('./openssl-dgst.mjs', import.meta.url));

/**
 * The arguments a shell script hands to curl, by running it with curl replaced by a function that
 * prints them, and openssl by test/openssl-dgst.mjs.
 */
function curlArguments(script: string): string[] {
  const prelude = `set -e\ncurl() { printf '%s\\0' "$@"; }\nopenssl() { ${JSON.stringify(process.execPath)} ${JSON.stringify(OPENSSL_STAND_IN)} "$@"; }\n`;
  const out = execFileSync('bash', ['-c', `${prelude}${script}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** curl's command line as a fetch: the URL, -H, -d (POST) and --aws-sigv4 with --user. */
async function curlToFetch(args: string[]): Promise<Response> {
  let url: string | undefined;
  const headers = new Headers();
  let body: string | undefined;
  let sigv4: string | undefined;
  let user: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`curl option ${arg} has no value`);
      return next;
    };
    if (arg === '-H' || arg === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon).trim(), header.slice(colon + 1).trim());
    } else if (arg === '-d' || arg === '--data' || arg === '--data-raw') body = value();
    else if (arg === '--aws-sigv4') sigv4 = value();
    else if (arg === '-u' || arg === '--user') user = value();
    else if (arg.startsWith('-')) throw new Error(`the curl sample uses ${arg}, which this test does not translate; teach curlToFetch it`);
    else url = arg;
  }
  if (!url) throw new Error('the curl sample names no URL');
  const method = body === undefined ? 'GET' : 'POST';
  if (sigv4) {
    // curl's --aws-sigv4 "aws:amz:<region>:<service>" with --user id:secret, signed as curl would.
    const [, , region, service] = sigv4.split(':');
    const [accessKeyId, secretAccessKey] = (user ?? '').split(':');
    if (!region || !service || !accessKeyId || !secretAccessKey) throw new Error(`cannot sign with --aws-sigv4 ${sigv4} --user ${user}`);
    const signed = await signRequest({ method, url, headers, body }, { region, service, credentials: { accessKeyId, secretAccessKey } });
    return fetch(signed.url, { method, headers: signed.headers, body });
  }
  return fetch(url, { method, headers, body });
}

describe('TypeScript code samples', () => {
  it('compile against the installed clients and official SDKs, for every operation', () => {
    const sources: Record<string, string> = {};
    let operations = 0;
    for (const api of apis) {
      for (const { operation, samples } of samplesOf(api).operations) {
        operations += 1;
        for (const [i, sample] of samples.entries()) if (sample.lang === 'TypeScript') sources[`${api}-${operation.id}-${i}`] = sample.source;
      }
    }
    expect(Object.keys(sources).length).toBe(operations * 2);
    expect(typeErrors(sources)).toEqual([]);
  });

  it('report a sample that passes an input the client does not have (the check can fail)', () => {
    const { operation, samples } = samplesOf('aws-lambda').operations[0]!;
    const client = samples.find((s) => s.lang === 'TypeScript')!;
    const input = operation.inputs.find((i) => i.required && i.in === 'path')!;
    const errors = typeErrors({ broken: client.source.replace(`${input.name}:`, `${input.name}Typo:`) });
    expect(errors.join('\n')).toMatch(new RegExp(`${input.name}Typo`));
  });
});

describe.each(apis)('curl sample of %s', (api) => {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await startMock({ provider: api, port: 0, verifySignatures: true, fixedRequestIds: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("gets each operation's success example from the mock, the signature checked", async () => {
    const { provider, operations } = samplesOf(api);
    for (const { operation, samples } of operations) {
      const curl = samples.find((s) => s.lang === 'curl')!;
      const { host } = new URL(mock!.url);
      const script = curl.source.replaceAll(`127.0.0.1:${provider.mockPort}`, host);
      expect(script, 'the sample names the mock at its default port').not.toBe(curl.source);
      const response = await curlToFetch(curlArguments(script));
      const text = await response.text();
      expect(response.status, `${operation.id}: ${text}`).toBe(200);
      const success = operation.scenarios.find((s) => s.outcome === 'success');
      expect(JSON.parse(text), operation.id).toEqual(success?.value);
    }
  });
});
