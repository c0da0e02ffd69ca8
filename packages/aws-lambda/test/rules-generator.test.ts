// tools/generate-rules.mjs picks what the client core reads from the model, and only from it: a
// changed model (as a changed spec would make) changes the rules, and Tencent's errors, all sent
// with HTTP 200, give no status rule.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { models, type ApiModel } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';

type Rules = { errorAt: { codeFormat?: string; details?: Record<string, unknown[]> }; statusRules: Record<string, { kind: string; retryable: boolean }> };
const generator = pathToFileURL(resolve(import.meta.dirname, '../../../tools/generate-rules.mjs')).href;
const { slimRules } = (await import(generator)) as { slimRules: (model: ApiModel) => { rules: Rules } };

const lambda: ApiModel = models['aws-lambda'];
const scf: ApiModel = models['tencent-scf'];
/** The model with its error entries and code format changed. */
const changed = (model: ApiModel, errors: Partial<ApiModel['errors']>): ApiModel => ({ ...model, errors: { ...model.errors, ...errors } });

describe('the rules of error answers', () => {
  it("carry the model's code format, and none where the model has none", () => {
    expect(slimRules(lambda).rules.errorAt.codeFormat).toBe(lambda.errors.codeFormat);
    expect(slimRules(changed(lambda, { codeFormat: '^(?<code>\\w+)' })).rules.errorAt.codeFormat).toBe('^(?<code>\\w+)');
    expect(slimRules(scf).rules.errorAt.codeFormat).toBeUndefined();
  });

  it('give each documented error status the kind and retryability its errors agree on', () => {
    const byStatus = (status: number) => lambda.errors.entries.find((entry) => entry.status === status)!;
    expect(slimRules(lambda).rules.statusRules).toEqual(
      Object.fromEntries([400, 403, 404, 429, 500].map((status) => [status, { kind: byStatus(status).kind, retryable: byStatus(status).retryable }])),
    );
    // One 403 error made retryable: the status alone no longer says, so it has no rule.
    const entries = lambda.errors.entries.map((entry) => (entry.code === 'ExpiredTokenException' ? { ...entry, retryable: true } : entry));
    expect(Object.keys(slimRules(changed(lambda, { entries })).rules.statusRules)).toEqual(['400', '404', '429', '500']);
  });

  it('give no status rule to errors sent with HTTP 200, even when they agree', () => {
    expect(slimRules(scf).rules.statusRules).toEqual({});
    const entries = scf.errors.entries.map((entry) => ({ ...entry, kind: 'service' as const, retryable: true }));
    expect(slimRules(changed(scf, { entries })).rules.statusRules).toEqual({});
  });

  it("say where each detail is by the model's concepts", () => {
    const details = lambda.errors.entries.find((entry) => entry.code === 'TooManyRequestsException')!.details;
    const at = (concept: string) => details.filter((detail) => detail.concept === concept).map(({ concept: _, ...where }) => where);
    expect(slimRules(lambda).rules.errorAt.details).toEqual({
      'error-origin': at('error-origin'),
      'retry-after': at('retry-after'),
      'throttle-reason': at('throttle-reason'),
    });
    expect(slimRules(scf).rules.errorAt.details).toBeUndefined();
  });
});

type OperationRules = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  inputs: Record<string, { in: string; optional?: boolean }>;
  download?: unknown;
  paging?: unknown;
};
const { methodsModule } = (await import(generator)) as { methodsModule: (model: ApiModel, types: string) => string };
const operationsOf = (model: ApiModel) => (slimRules(model).rules as unknown as { operations: Record<string, OperationRules> }).operations;

describe('the rules of operations', () => {
  it("give every operation of the model, by operationId, its wire route and its callers' inputs", () => {
    for (const model of [lambda, scf]) {
      const operations = operationsOf(model);
      expect(Object.keys(operations)).toEqual(Object.keys(model.operations));
      for (const [id, operation] of Object.entries(model.operations)) {
        expect(operations[id]).toMatchObject({ method: operation.method, path: operation.path, result: operation.result });
        const callers = operation.inputs.filter((input) => input.in !== 'header');
        expect(Object.entries(operations[id]!.inputs).map(([name, rule]) => [name, rule.in, !rule.optional])).toEqual(
          callers.map((input) => [input.name, input.in, input.required || input.in === 'path']),
        );
      }
    }
    // An RPC action's own header and the API version travel as the operation's constant headers.
    expect(operationsOf(scf).ListLayerVersions!.headers).toEqual({ [scf.rpc!.actionHeader]: 'ListLayerVersions', 'X-TC-Version': scf.version });
  });

  it('give a download only where the outputs carry the archive concepts, and paging only where they carry the page tokens', () => {
    expect(Object.entries(operationsOf(lambda)).map(([id, operation]) => [id, operation.download !== undefined, operation.paging])).toEqual([
      ['GetLayerVersion', true, undefined],
      ['ListLayerVersions', false, { token: 'Marker', next: ['NextMarker'], size: 'MaxItems' }],
    ]);
    expect(operationsOf(scf).ListLayerVersions!.paging).toBeUndefined();
    // Without the next-page token's concept the operation does not page.
    const list = lambda.operations.ListLayerVersions!;
    const unpaged: ApiModel = {
      ...lambda,
      operations: {
        ...lambda.operations,
        ListLayerVersions: { ...list, outputs: list.outputs.map(({ concept, ...output }) => (concept === 'next-page-token' ? output : { ...output, concept })) },
      },
    };
    expect(operationsOf(unpaged).ListLayerVersions!.paging).toBeUndefined();
    expect(methodsModule(unpaged, 'aws-lambda')).not.toContain('paginate');
  });

  it('name each generated method from the operationId, for an operation the generator has never seen', () => {
    const get = lambda.operations.GetLayerVersion!;
    const added: ApiModel = {
      ...lambda,
      operations: { ...lambda.operations, GetLayerVersionPolicy: { ...get, id: 'GetLayerVersionPolicy', path: `${get.path}/policy`, outputs: [] } },
    };
    expect(operationsOf(added).GetLayerVersionPolicy).toMatchObject({ method: 'GET', path: `${get.path}/policy` });
    const module = methodsModule(added, 'aws-lambda');
    expect(module).toContain('getLayerVersionPolicy: (input, call) => client.call("GetLayerVersionPolicy", input, call),');
    expect(module).not.toContain('downloadLayerVersionPolicy');
  });
});
