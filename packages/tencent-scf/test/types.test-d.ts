// Type-level behaviour (checked by vitest's typecheck mode with tsc): response fields have the
// spec's types, error codes are typed and open, and bad input does not compile.
import { describe, expectTypeOf, it } from 'vitest';
import { type TencentCloudError, createScfClient, type GetLayerVersionInput, type GetLayerVersionOutput, type TencentErrorCode } from '../src/index.js';

const client = createScfClient({ credentials: { secretId: 'a', secretKey: 'b' } });

describe('types', () => {
  it('resolves to the spec Response, RequestId included', () => {
    expectTypeOf(client.getLayerVersion).returns.resolves.toEqualTypeOf<GetLayerVersionOutput>();
    expectTypeOf<GetLayerVersionOutput['LayerVersion']>().toEqualTypeOf<number>();
    expectTypeOf<GetLayerVersionOutput['RequestId']>().toEqualTypeOf<string>();
    expectTypeOf<GetLayerVersionOutput['Status']>().toEqualTypeOf<'Active' | 'Publishing' | 'PublishFailed' | 'Deleting' | 'DeleteFailed' | 'Deleted'>();
    expectTypeOf<GetLayerVersionOutput['CompatibleRuntimes']>().toEqualTypeOf<string[]>();
    expectTypeOf<GetLayerVersionOutput>().not.toHaveProperty('Error');
  });

  it('types ListLayerVersions from the spec: its generated method and call by operationId, the envelope unwrapped', () => {
    type ListInput = Parameters<typeof client.listLayerVersions>[0];
    type ListOutput = Awaited<ReturnType<typeof client.listLayerVersions>>;
    expectTypeOf<ListInput>().toEqualTypeOf<{ LayerName: string; CompatibleRuntime?: string[] }>();
    expectTypeOf<ListOutput['LayerVersions'][number]['LayerVersion']>().toEqualTypeOf<number>();
    expectTypeOf<ListOutput['RequestId']>().toEqualTypeOf<string>();
    expectTypeOf<ListOutput>().not.toHaveProperty('Error');
    expectTypeOf(client.call<'ListLayerVersions'>).returns.resolves.toEqualTypeOf<ListOutput>();
    // @ts-expect-error CompatibleRuntime is a list
    void client.listLayerVersions({ LayerName: 'layer3', CompatibleRuntime: 'Nodejs16.13' });
    // @ts-expect-error Tencent's list has no paging
    void client.paginateListLayerVersions;
  });

  it('takes LayerName (string) and LayerVersion (number)', () => {
    expectTypeOf<GetLayerVersionInput>().toEqualTypeOf<{ LayerName: string; LayerVersion: number }>();
    // @ts-expect-error LayerVersion must be a number
    void client.getLayerVersion({ LayerName: 'layer3', LayerVersion: '1' });
    // @ts-expect-error LayerName is required
    void client.getLayerVersion({ LayerVersion: 1 });
    // @ts-expect-error the AWS field name does not belong here
    void client.getLayerVersion({ LayerName: 'layer3', VersionNumber: 1 });
    // @ts-expect-error only the two documented languages
    createScfClient({ credentials: { secretId: 'a', secretKey: 'b' }, language: 'fr-FR' });
  });

  it('types the error code as the documented codes, open to new ones', () => {
    expectTypeOf<TencentCloudError['code']>().toEqualTypeOf<TencentErrorCode>();
    expectTypeOf<'ResourceNotFound.LayerVersion'>().toExtend<TencentErrorCode>();
    expectTypeOf<'AuthFailure.SignatureFailure'>().toExtend<TencentErrorCode>();
    expectTypeOf<'Some.FutureCode'>().toExtend<TencentErrorCode>();
    expectTypeOf<TencentCloudError['requestId']>().toEqualTypeOf<string | undefined>();
  });
});
