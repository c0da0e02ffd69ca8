// Type-level behaviour (checked by vitest's typecheck mode with tsc): response fields have the
// spec's types, errors are typed, and bad input does not compile.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type LambdaError,
  type TooManyRequestsException,
  createLambdaClient,
  type GetLayerVersionInput,
  type GetLayerVersionOutput,
  type LambdaErrorName,
  type Operations,
} from '../src/index.js';

const client = createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

describe('types', () => {
  it('resolves to the spec response, every member optional', () => {
    expectTypeOf(client.getLayerVersion).returns.resolves.toEqualTypeOf<GetLayerVersionOutput>();
    expectTypeOf<GetLayerVersionOutput['Version']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<GetLayerVersionOutput['Content']>['CodeSize']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<GetLayerVersionOutput['Content']>['CodeSha256']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GetLayerVersionOutput['CompatibleArchitectures']>().toEqualTypeOf<Array<'x86_64' | 'arm64'> | undefined>();
    // New runtimes are accepted, the documented ones still autocomplete.
    expectTypeOf<'nodejs20.x'>().toExtend<NonNullable<GetLayerVersionOutput['CompatibleRuntimes']>[number]>();
    expectTypeOf<'nodejs99.x'>().toExtend<NonNullable<GetLayerVersionOutput['CompatibleRuntimes']>[number]>();
  });

  it('takes LayerName (string) and VersionNumber (number)', () => {
    expectTypeOf<GetLayerVersionInput>().toEqualTypeOf<{ LayerName: string; VersionNumber: number }>();
    // @ts-expect-error VersionNumber must be a number
    void client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: '1' });
    // @ts-expect-error LayerName is required
    void client.getLayerVersion({ VersionNumber: 1 });
    // @ts-expect-error the Tencent field name does not belong here
    void client.getLayerVersion({ LayerName: 'my-layer', LayerVersion: 1 });
  });

  it('types errors: names open to new ones, throttling details', () => {
    expectTypeOf<LambdaError['status']>().toEqualTypeOf<number>();
    expectTypeOf<LambdaError['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<'ResourceNotFoundException'>().toExtend<LambdaErrorName>();
    expectTypeOf<'SomeFutureException'>().toExtend<LambdaErrorName>();
    expectTypeOf<TooManyRequestsException['name']>().toEqualTypeOf<'TooManyRequestsException'>();
    expectTypeOf<TooManyRequestsException['retryAfterSeconds']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TooManyRequestsException['reason']>().toEqualTypeOf<string | undefined>();
  });

  it('types every operation from the spec: its generated method, call by operationId, and the paginator', () => {
    type ListInput = Parameters<typeof client.listLayerVersions>[0];
    type ListOutput = Awaited<ReturnType<typeof client.listLayerVersions>>;
    expectTypeOf<ListInput['LayerName']>().toEqualTypeOf<string>();
    expectTypeOf<ListInput['MaxItems']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListInput['CompatibleArchitecture']>().toEqualTypeOf<'x86_64' | 'arm64' | undefined>();
    expectTypeOf<NonNullable<ListOutput['LayerVersions']>[number]['Version']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListOutput['NextMarker']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(client.call<'ListLayerVersions'>).returns.resolves.toEqualTypeOf<ListOutput>();
    expectTypeOf(client.call<'GetLayerVersion'>).returns.resolves.toEqualTypeOf<GetLayerVersionOutput>();
    expectTypeOf(client.paginateListLayerVersions).returns.toEqualTypeOf<AsyncGenerator<ListOutput, void, undefined>>();
    expectTypeOf<Operations['ListLayerVersions']['output']>().toEqualTypeOf<ListOutput>();
    expectTypeOf<Operations['GetLayerVersion']['input']>().toEqualTypeOf<GetLayerVersionInput>();
    // @ts-expect-error MaxItems is a number
    void client.listLayerVersions({ LayerName: 'my-layer', MaxItems: '5' });
    // @ts-expect-error an operationId the spec does not have
    void client.call('DeleteLayerVersion', { LayerName: 'my-layer' });
    // @ts-expect-error the input of another operation
    void client.call('GetLayerVersion', { LayerName: 'my-layer', MaxItems: 5 });
    // @ts-expect-error only an archive's operation downloads
    void client.downloadListLayerVersions;
  });

  it('keeps the typed openapi-fetch GET', () => {
    // Every path of the spec, and only those.
    expectTypeOf<'/2018-10-31/layers/{LayerName}/versions/{VersionNumber}'>().toExtend<Parameters<typeof client.GET>[0]>();
    expectTypeOf<'/2018-10-31/layers/{LayerName}/versions'>().toExtend<Parameters<typeof client.GET>[0]>();
    expectTypeOf<'/2018-10-31/layers'>().not.toExtend<Parameters<typeof client.GET>[0]>();
  });
});
